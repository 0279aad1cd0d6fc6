package org.relaxha.xen;

import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/**
 * The {@link Hypervisor} SPI over libvirt: one connection per managed host (its URI from the
 * configuration), opened in {@link #start()} with keepalive and reopened with backoff when it
 * drops.
 *
 * <ul>
 *   <li>{@link #inventory}: every domain of the host with a precise state (paused and PM-suspended
 *       are PAUSED, being shut down is SHUTTING_DOWN, unknown is UNKNOWN: all of them "may be
 *       running" for fencing).
 *   <li>{@link #startVm}: resumes a paused domain, starts a defined one, and defines it first where
 *       it is not defined, from its XML (see {@link DomainXmlSource} for which XML wins).
 *   <li>{@link #stopVm}: destroy (a hard power-off). {@link #shutdownVm}: ACPI shutdown.
 *   <li>{@link #rebootVm}: ACPI reboot. {@link #powerCycleVm}: destroy, then start.
 *   <li>{@link #isRunningOn}: the fencing check "does this domain run on host H".
 *   <li>{@link #migrateVm}: live migration between two managed hosts that both answer.
 * </ul>
 *
 * <p>Every operation runs on the adapter's own threads and is given up after the configured call
 * timeout (connection: connect timeout; migration: migration timeout); a native call that never
 * returns keeps one adapter thread busy until libvirt gives up (see {@link #stuckCalls()}).
 * libvirt's errors become {@link ActionResult}s naming the host, the VM and libvirt's error code;
 * libvirt's objects never leave the adapter.
 *
 * <p>Thread-safe.
 */
public final class LibvirtHypervisor implements Hypervisor {
  private static final int REBOOT_ACPI = 1;
  private static final long MIGRATE_LIVE = 1;
  private static final long MIGRATE_PERSIST_DEST = 8;
  private static final long MIGRATE_UNDEFINE_SOURCE = 16;

  private final LibvirtSession session;
  private final LibvirtConfig config;
  private final Domains domains;
  private final DomainXmlSource xml;
  private final InstantSource clock;
  private boolean started;
  private boolean closed;

  LibvirtHypervisor(LibvirtSession session, InstantSource clock) {
    this.session = session;
    this.config = session.config();
    this.domains = new Domains(config);
    this.xml = new DomainXmlSource(config, session, domains);
    this.clock = clock;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Set<HostId> hosts() {
    return config.hosts().keySet();
  }

  /**
   * Opens a connection to every host and waits (at most the connect timeout) for the first
   * attempts. A host that does not answer is not an error: it is reported unreachable and retried
   * in the background.
   *
   * @throws IllegalStateException if the libvirt client library cannot be loaded
   */
  @Override
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException("libvirt hypervisor " + name() + " starts once");
    }
    session.acquire();
    started = true;
    session.awaitFirstAttempts(config.connectTimeout().plusSeconds(1));
  }

  @Override
  public InventoryResult inventory(HostId host) {
    LibvirtCalls.Outcome<java.util.List<VmStatus>> outcome =
        session.call(host, Optional.empty(), "list domains", domains::list);
    if (outcome instanceof LibvirtCalls.Outcome.Ok<java.util.List<VmStatus>> ok) {
      return new InventoryResult.Listed(host, ok.value(), clock.instant());
    }
    return new InventoryResult.Unreachable(host, reason(outcome));
  }

  @Override
  public ActionResult startVm(Vm vm, HostId host) {
    LibvirtCalls.Outcome<Optional<ActionResult>> defined =
        session.call(host, Optional.of(vm.id()), "start", c -> startDefined(c, vm.id(), host));
    if (!(defined instanceof LibvirtCalls.Outcome.Ok<Optional<ActionResult>> ok)) {
      return Results.failure(defined);
    }
    if (ok.value().isPresent()) {
      return ok.value().get();
    }
    DomainXmlSource.Lookup found = xml.find(vm.id(), host);
    if (found.xml().isEmpty()) {
      return ActionResult.failed(
          vm.id()
              + " is not defined on "
              + host
              + " and no domain XML was found ("
              + found.origin()
              + ")");
    }
    String definition = found.xml().get();
    return Results.of(
        session.call(
            host,
            Optional.of(vm.id()),
            "define and start",
            c -> defineAndStart(c, vm.id(), host, definition, found.origin())));
  }

  /** Starts the domain if it is defined on the host; empty if it is not defined there. */
  private Optional<ActionResult> startDefined(Connect c, VmId vm, HostId host)
      throws LibvirtException {
    Optional<Domain> d = domains.lookup(c, vm);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ensureRunning(d.get(), vm, host, "started"));
    } finally {
      HostLink.free(d.get());
    }
  }

  private ActionResult defineAndStart(
      Connect c, VmId vm, HostId host, String definition, String origin) throws LibvirtException {
    Domain d = c.domainDefineXML(definition);
    try {
      return ensureRunning(d, vm, host, "defined from " + origin + " and started");
    } finally {
      HostLink.free(d);
    }
  }

  private static ActionResult ensureRunning(Domain d, VmId vm, HostId host, String done)
      throws LibvirtException {
    PowerState state = Domains.state(d).orElse(PowerState.SHUT_OFF);
    switch (state) {
      case RUNNING:
        return ActionResult.done(vm + " already running on " + host + "; not started again");
      case PAUSED:
        d.resume();
        return ActionResult.done(vm + " was paused on " + host + "; resumed");
      case SHUTTING_DOWN:
      case UNKNOWN:
        return ActionResult.retryable(
            vm + " is " + state + " on " + host + "; not started until it is off");
      default:
        try {
          d.create();
        } catch (LibvirtException e) {
          if (Domains.invalidForState(e) && Domains.state(d).orElse(null) == PowerState.RUNNING) {
            return ActionResult.done(vm + " was started on " + host + " meanwhile");
          }
          throw e;
        }
        return ActionResult.done(vm + " " + done + " on " + host);
    }
  }

  @Override
  public ActionResult stopVm(VmId vm, HostId host) {
    return Results.of(session.call(host, Optional.of(vm), "destroy", c -> destroy(c, vm, host)));
  }

  private ActionResult destroy(Connect c, VmId vm, HostId host) throws LibvirtException {
    Optional<Domain> d = domains.lookup(c, vm);
    if (d.isEmpty()) {
      return ActionResult.done(vm + " is not defined on " + host);
    }
    try {
      Optional<PowerState> state = Domains.state(d.get());
      if (state.isEmpty() || !state.get().mayBeRunning()) {
        return ActionResult.done(
            vm + " already off on " + host + state.map(s -> " (" + s + ")").orElse(""));
      }
      try {
        d.get().destroy();
      } catch (LibvirtException e) {
        if (!Domains.invalidForState(e) && !Domains.absent(e)) {
          throw e;
        }
      }
      return ActionResult.done(vm + " destroyed on " + host);
    } finally {
      HostLink.free(d.get());
    }
  }

  /** Asks the guest to shut down (ACPI power button). Done once the request is delivered. */
  public ActionResult shutdownVm(VmId vm, HostId host) {
    return Results.of(
        session.call(
            host,
            Optional.of(vm),
            "shutdown",
            c -> signal(c, vm, host, "ACPI shutdown requested", Domain::shutdown)));
  }

  @Override
  public ActionResult rebootVm(VmId vm, HostId host) {
    return Results.of(
        session.call(
            host,
            Optional.of(vm),
            "reboot",
            c -> signal(c, vm, host, "ACPI reboot requested", d -> d.reboot(REBOOT_ACPI))));
  }

  /** A request the guest must act on: Unreachable when the guest cannot be asked. */
  private ActionResult signal(Connect c, VmId vm, HostId host, String done, DomainCall call)
      throws LibvirtException {
    Optional<Domain> d = domains.lookup(c, vm);
    if (d.isEmpty()) {
      return ActionResult.failed(vm + " is not defined on " + host);
    }
    try {
      PowerState state = Domains.state(d.get()).orElse(PowerState.SHUT_OFF);
      if (state != PowerState.RUNNING) {
        return ActionResult.unreachable(vm + " is " + state + " on " + host + "; cannot ask it");
      }
      try {
        call.run(d.get());
      } catch (LibvirtException e) {
        return ActionResult.unreachable(
            "the guest cannot be asked: " + LibvirtError.of(host, Optional.of(vm), e).describe());
      }
      return ActionResult.done(vm + ": " + done + " on " + host);
    } finally {
      HostLink.free(d.get());
    }
  }

  /** One call on a domain. */
  @FunctionalInterface
  private interface DomainCall {
    void run(Domain d) throws LibvirtException;
  }

  /**
   * Destroys the VM (if it runs) and starts it again on the same host; each step is bounded by the
   * call timeout.
   */
  @Override
  public ActionResult powerCycleVm(Vm vm, HostId host) {
    ActionResult stopped = stopVm(vm.id(), host);
    if (!stopped.succeeded()) {
      return stopped;
    }
    ActionResult started = startVm(vm, host);
    if (!started.succeeded()) {
      return started;
    }
    return ActionResult.done("power-cycled: " + stopped.detail() + "; " + started.detail());
  }

  /**
   * Whether {@code vm}'s domain runs on {@code host}, asked of that host's libvirt. Only {@link
   * RunningCheck.NotRunning} proves it does not.
   */
  public RunningCheck isRunningOn(VmId vm, HostId host) {
    LibvirtCalls.Outcome<Optional<PowerState>> outcome =
        session.call(host, Optional.of(vm), "state", c -> stateOn(c, vm));
    if (outcome instanceof LibvirtCalls.Outcome.Ok<Optional<PowerState>> ok) {
      Optional<PowerState> state = ok.value();
      return state.isPresent() && state.get().mayBeRunning()
          ? new RunningCheck.Running(host, vm, state.get())
          : new RunningCheck.NotRunning(host, vm, state);
    }
    return new RunningCheck.Unknown(host, vm, reason(outcome));
  }

  private Optional<PowerState> stateOn(Connect c, VmId vm) throws LibvirtException {
    Optional<Domain> d = domains.lookup(c, vm);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Domains.state(d.get());
    } finally {
      HostLink.free(d.get());
    }
  }

  /**
   * Live-migrates {@code vm} from {@code from} to {@code to} (both managed and answering): the
   * definition moves with it and is removed from the source. Bounded by the migration timeout.
   */
  public ActionResult migrateVm(VmId vm, HostId from, HostId to) {
    Optional<SharedConnection> target =
        Optional.ofNullable(session.links().get(to)).flatMap(HostLink::connection);
    if (target.isEmpty()) {
      return ActionResult.unreachable("migration target " + to + " is not connected");
    }
    long flags = MIGRATE_LIVE | MIGRATE_PERSIST_DEST | MIGRATE_UNDEFINE_SOURCE;
    return Results.of(
        session.call(
            from,
            Optional.of(vm),
            "migrate to " + to,
            config.migrationTimeout(),
            c -> {
              Optional<Domain> d = domains.lookup(c, vm);
              if (d.isEmpty()) {
                return ActionResult.failed(vm + " is not defined on " + from);
              }
              try {
                target.get().use(t -> migrate(d.get(), t, flags));
                return ActionResult.done(vm + " migrated live from " + from + " to " + to);
              } finally {
                HostLink.free(d.get());
              }
            }));
  }

  private static Void migrate(Domain d, Connect target, long flags) throws LibvirtException {
    HostLink.free(d.migrate(target, flags, null, null, 0));
    return null;
  }

  /** libvirt calls of this adapter that outlived their timeout and still block. */
  public int stuckCalls() {
    return session.stuckCalls();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (started) {
      session.release();
    }
  }

  private static String reason(LibvirtCalls.Outcome<?> outcome) {
    if (outcome instanceof LibvirtCalls.Outcome.Failed<?> f) {
      return f.error().describe();
    }
    return ((LibvirtCalls.Outcome.Unreachable<?>) outcome).reason();
  }

  @Override
  public String toString() {
    return "LibvirtHypervisor[" + name() + ", hosts=" + hosts() + "]";
  }
}
