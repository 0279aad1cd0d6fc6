package org.relaxha.core.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.journal.FileStateStore;
import org.relaxha.core.journal.InMemoryStateStore;
import org.relaxha.core.journal.StateStore;
import org.relaxha.core.placement.IndexedPlacement;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.Require;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.notify.Notifier;
import org.relaxha.spi.placement.Placement;
import org.relaxha.spi.policy.RecoveryPolicy;
import org.relaxha.spi.provision.Provisioner;
import org.relaxha.spi.service.ServiceControl;
import org.relaxha.spi.storage.StorageBackend;

/**
 * Builds an {@link HaController}. Required: the topology and where the state lives ({@link
 * #stateDirectory} or, for tests and simulations, {@link #inMemoryState}). Everything else has a
 * default: the standard recovery and detection policies, the 3RC placement (indexed: {@link
 * IndexedPlacement}, whose plans equal {@link org.relaxha.core.placement.LoadAwarePlacement}'s), a
 * log notifier, the system clock on real threads, 30 s per call with two retries, an inventory
 * every minute. Invalid values fail in {@link #build()} (or at once) with the name of the setting.
 *
 * <p>Not thread-safe.
 */
public final class HaControllerBuilder {
  private Topology topology;
  private RecoveryPolicy recoveryPolicy = StandardRecoveryPolicy.ofDefaults();
  private DetectionPolicy detectionPolicy = DetectionPolicy.ofDefaults();
  private Placement placement = new IndexedPlacement();
  private final List<Monitor> monitors = new ArrayList<>();
  private final List<Hypervisor> hypervisors = new ArrayList<>();
  private StorageBackend storage;
  private final List<Fencer> fencers = new ArrayList<>();
  private final List<ServiceControl> serviceControls = new ArrayList<>();
  private Provisioner provisioner;
  private final List<Notifier> notifiers = new ArrayList<>();
  private Supplier<StateStore> store;
  private InstantSource clock = InstantSource.system();
  private VirtualTime virtualTime;
  private CallRunner callRunner;
  private int threads = 8;
  private Timeouts timeouts = Timeouts.ofDefaults();
  private Duration inventoryInterval = Duration.ofMinutes(1);
  private Duration leaseTtl = Duration.ofMinutes(3);
  private int snapshotEvery = 1000;
  private boolean hypervisorFencing = true;
  private final List<ControllerListener> listeners = new ArrayList<>();
  private final List<org.relaxha.spi.monitor.MonitoringControl> monitoringControls =
      new ArrayList<>();
  private Path statusFile;
  private boolean repairJournal;
  private Duration statusInterval = Duration.ofSeconds(2);

  HaControllerBuilder() {}

  public HaControllerBuilder topology(Topology value) {
    this.topology = Require.nonNull(value, "topology");
    return this;
  }

  public HaControllerBuilder recoveryPolicy(RecoveryPolicy value) {
    this.recoveryPolicy = Require.nonNull(value, "recoveryPolicy");
    return this;
  }

  public HaControllerBuilder detectionPolicy(DetectionPolicy value) {
    this.detectionPolicy = Require.nonNull(value, "detectionPolicy");
    return this;
  }

  /**
   * The placement ({@link IndexedPlacement} by default; {@code IndexedPlacement.spreading(n)}
   * spreads an evacuation with a boot limit of {@code n} VMs per host).
   */
  public HaControllerBuilder placement(Placement value) {
    this.placement = Require.nonNull(value, "placement");
    return this;
  }

  public HaControllerBuilder monitor(Monitor value) {
    monitors.add(Require.nonNull(value, "monitor"));
    return this;
  }

  public HaControllerBuilder monitors(Collection<? extends Monitor> values) {
    values.forEach(this::monitor);
    return this;
  }

  public HaControllerBuilder hypervisor(Hypervisor value) {
    hypervisors.add(Require.nonNull(value, "hypervisor"));
    return this;
  }

  public HaControllerBuilder hypervisors(Collection<? extends Hypervisor> values) {
    values.forEach(this::hypervisor);
    return this;
  }

  public HaControllerBuilder storage(StorageBackend value) {
    this.storage = Require.nonNull(value, "storage");
    return this;
  }

  /** Adds a fencer; fencers are tried in the order added, then the hypervisor fencer. */
  public HaControllerBuilder fencer(Fencer value) {
    fencers.add(Require.nonNull(value, "fencer"));
    return this;
  }

  public HaControllerBuilder fencers(Collection<? extends Fencer> values) {
    values.forEach(this::fencer);
    return this;
  }

  /**
   * Whether fencing may fall back to destroying a host's VMs through its hypervisor when that still
   * answers (default true).
   */
  public HaControllerBuilder hypervisorFencing(boolean value) {
    this.hypervisorFencing = value;
    return this;
  }

  public HaControllerBuilder serviceControl(ServiceControl value) {
    serviceControls.add(Require.nonNull(value, "serviceControl"));
    return this;
  }

  public HaControllerBuilder serviceControls(Collection<? extends ServiceControl> values) {
    values.forEach(this::serviceControl);
    return this;
  }

  public HaControllerBuilder provisioner(Provisioner value) {
    this.provisioner = Require.nonNull(value, "provisioner");
    return this;
  }

  /** Adds a notifier; the log notifier is always there. */
  public HaControllerBuilder notifier(Notifier value) {
    notifiers.add(Require.nonNull(value, "notifier"));
    return this;
  }

  public HaControllerBuilder notifiers(Collection<? extends Notifier> values) {
    values.forEach(this::notifier);
    return this;
  }

  /**
   * Keeps the journal and snapshots in {@code dir} (created if needed), with fsync, and writes the
   * status report to {@code dir/status.txt} unless {@link #statusFile} says otherwise.
   */
  public HaControllerBuilder stateDirectory(Path dir) {
    Require.nonNull(dir, "stateDirectory");
    this.store =
        () ->
            FileStateStore.open(
                dir,
                EngineCodec.create(),
                FileStateStore.Options.builder().repair(repairJournal).build());
    if (statusFile == null) {
      statusFile = dir.resolve(STATUS_FILE);
    }
    return this;
  }

  /**
   * Whether a damaged journal in the {@link #stateDirectory} is repaired at start (the damaged
   * bytes are moved aside, never deleted) instead of stopping the start with an error. Default
   * false: an administrator decides.
   */
  public HaControllerBuilder repairJournal(boolean value) {
    this.repairJournal = value;
    return this;
  }

  /** The name of the status report in the state directory. */
  public static final String STATUS_FILE = "status.txt";

  /** Where the controller writes its status report (refreshed every {@link #statusInterval}). */
  public HaControllerBuilder statusFile(Path file) {
    this.statusFile = Require.nonNull(file, "statusFile");
    return this;
  }

  /** How often the status report file is refreshed when something changed (default 2 s). */
  public HaControllerBuilder statusInterval(Duration value) {
    this.statusInterval = Require.positive(value, "statusInterval");
    return this;
  }

  /**
   * Adds a monitoring write-back that is not itself a monitor (monitors that implement {@link
   * org.relaxha.spi.monitor.MonitoringControl} are used without this).
   */
  public HaControllerBuilder monitoringControl(org.relaxha.spi.monitor.MonitoringControl value) {
    monitoringControls.add(Require.nonNull(value, "monitoringControl"));
    return this;
  }

  /** Uses a store of the caller's (a shared {@link InMemoryStateStore}, a coordination service). */
  public HaControllerBuilder stateStore(Supplier<StateStore> value) {
    this.store = Require.nonNull(value, "stateStore");
    return this;
  }

  /** Keeps the state in memory only: it does not survive the process. For tests. */
  public HaControllerBuilder inMemoryState() {
    this.store = () -> InMemoryStateStore.create(EngineCodec.create());
    return this;
  }

  /** The controller's single time source (default: the system clock). */
  public HaControllerBuilder clock(InstantSource value) {
    this.clock = Require.nonNull(value, "clock");
    return this;
  }

  /**
   * Runs the controller in virtual time: no thread of its own, calls answered inline, events
   * handled when {@code time} is advanced. For tests and the simulator.
   */
  public HaControllerBuilder virtualTime(VirtualTime time) {
    this.virtualTime = Require.nonNull(time, "virtualTime");
    this.clock = time;
    return this;
  }

  /**
   * How SPI calls run, replacing the default (a pool of {@link #threads} threads, or inline calls
   * in virtual time). For simulators that give calls a latency; the controller closes it.
   */
  public HaControllerBuilder callRunner(CallRunner value) {
    this.callRunner = Require.nonNull(value, "callRunner");
    return this;
  }

  /** Threads for SPI calls (default 8). */
  public HaControllerBuilder threads(int value) {
    this.threads = Require.atLeast(value, 1, "threads");
    return this;
  }

  public HaControllerBuilder timeouts(Timeouts value) {
    this.timeouts = Require.nonNull(value, "timeouts");
    return this;
  }

  /** How often every hypervisor host's inventory is read (default 1 min). */
  public HaControllerBuilder inventoryInterval(Duration value) {
    this.inventoryInterval = Require.positive(value, "inventoryInterval");
    return this;
  }

  /** How long a disk lease lasts before it must be renewed (default 3 min). */
  public HaControllerBuilder leaseTtl(Duration value) {
    this.leaseTtl = Require.positive(value, "leaseTtl");
    return this;
  }

  /** Journal entries between two snapshots (default 1000). */
  public HaControllerBuilder snapshotEvery(int value) {
    this.snapshotEvery = Require.atLeast(value, 1, "snapshotEvery");
    return this;
  }

  public HaControllerBuilder listener(ControllerListener value) {
    listeners.add(Require.nonNull(value, "listener"));
    return this;
  }

  /**
   * Validates and builds. Throws {@link IllegalArgumentException} or {@link NullPointerException}
   * naming the setting: missing topology or state, a host managed by two hypervisors, two adapters
   * of one kind with one name, a hypervisor host that is not in the topology.
   */
  public HaController build() {
    Require.nonNull(topology, "topology");
    if (store == null) {
      throw new NullPointerException(
          "state must be set: stateDirectory(dir) for a real controller, inMemoryState() for tests");
    }
    List<Notifier> allNotifiers = new ArrayList<>();
    allNotifiers.add(new LoggingNotifier());
    allNotifiers.addAll(notifiers);
    Wiring wiring =
        Wiring.of(
            monitors,
            hypervisors,
            Optional.ofNullable(storage),
            fencers,
            serviceControls,
            Optional.ofNullable(provisioner),
            allNotifiers,
            monitoringControls);
    for (Hypervisor h : hypervisors) {
      for (HostId host : h.hosts()) {
        if (!topology.hosts().containsKey(host)) {
          throw new IllegalArgumentException(
              "hypervisor "
                  + h.name()
                  + " manages host '"
                  + host
                  + "', which is not in the topology");
        }
      }
    }
    boolean virtual = virtualTime != null;
    Scheduler scheduler = virtual ? virtualTime : new RealTimeScheduler(clock);
    EventLoop loop = virtual ? EventLoop.direct() : EventLoop.threaded("relaxha-loop");
    CallRunner calls =
        callRunner != null
            ? callRunner
            : virtual ? CallRunner.inline() : new ThreadPoolCallRunner(threads);
    return new HaController(
        new ControllerSettings(
            topology,
            recoveryPolicy,
            detectionPolicy,
            placement,
            wiring,
            store,
            clock,
            scheduler,
            loop,
            calls,
            true,
            timeouts,
            inventoryInterval,
            leaseTtl,
            snapshotEvery,
            hypervisorFencing,
            List.copyOf(listeners),
            Optional.ofNullable(statusFile),
            statusInterval));
  }
}
