package org.relaxha.monitor.nagios;

import java.io.IOException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.relaxha.monitor.nagios.command.CommandFile;
import org.relaxha.monitor.nagios.event.EventServer;
import org.relaxha.monitor.nagios.event.NagiosEvent;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.MonitoringControl;
import org.relaxha.spi.monitor.ObservationSink;

/**
 * A {@link Monitor} over Nagios 4, which also takes the controller's write-backs ({@link
 * MonitoringControl}).
 *
 * <p><b>What it reads.</b> Every poll interval it checks whether {@code status.dat} has a new
 * version and, if so, streams it and delivers an observation for each new check result of a mapped
 * host or service (HARD states are authoritative, SOFT ones are not), plus a repeat of each alive
 * state whose checks run and are recent. With {@link EventSettings} it also listens on a Unix
 * domain socket for results pushed by {@code relaxha-nagios-event} (a Nagios global event handler),
 * so that detection does not wait for the file; a result arriving both ways counts once. A file
 * that disappears, stops being rewritten or is older than {@code staleAfter} makes the source lost.
 *
 * <p><b>What it writes.</b> With {@link CommandSettings}, {@link #mute} and {@link #unmute} send
 * external commands (downtimes or disabled checks, acknowledgements, comments) and verify them by
 * reading {@code status.dat} back. With {@link WriteBackSettings}, {@link #vmMoved} rewrites the
 * VM's parents in a RelaxHA-owned include file, validates with {@code nagios -v}, rolls back on
 * failure, and reloads Nagios with {@code RESTART_PROGRAM}.
 *
 * <p>Threads: {@code nagios-status-NAME} (polling), {@code nagios-events-NAME} (with events) and
 * {@code nagios-commands-NAME} (with commands, started on first use); {@link #close} stops them
 * all.
 *
 * <p>Thread-safe.
 */
public final class NagiosMonitor implements Monitor, MonitoringControl {
  private final NagiosSettings settings;
  private final InstantSource clock;
  private final SourceTracker source;
  private final SnapshotBoard board = new SnapshotBoard();
  private final OnceReporter once;
  private final Delivery delivery;
  private final Map<VmId, HostId> homes = new TreeMap<>();
  private ScheduledExecutorService poller;
  private EventServer events;
  private CommandSender sender;
  private volatile Muter muter;
  private volatile DependencyWriter writer;
  private boolean started;
  private boolean closed;

  /**
   * A monitor with these settings; {@code topology} gives the VMs' home hosts (where the write-back
   * assumes a VM runs until it moves), {@code clock} the time of observations and staleness.
   * Nothing is opened or started before {@link #start}.
   */
  public NagiosMonitor(NagiosSettings settings, Topology topology, InstantSource clock) {
    this.settings = Require.nonNull(settings, "settings");
    this.clock = Require.nonNull(clock, "clock");
    this.source = new SourceTracker(settings.name(), settings.statusFile().toString());
    this.once = new OnceReporter(settings.name());
    this.delivery =
        new Delivery(
            settings.name(), settings.subjects(), new ResultTracker(), settings.maxCheckAge());
    for (Vm vm : Require.nonNull(topology, "topology").vms().values()) {
      vm.homeHost().ifPresent(h -> homes.put(vm.id(), h));
    }
  }

  /** The settings. */
  public NagiosSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public Set<SubjectId> covers() {
    return settings.subjects().subjects();
  }

  /**
   * Starts polling, listening and (with write-back) writes the include file if it is missing.
   *
   * @throws IllegalStateException if started twice or closed, if the event socket cannot be bound,
   *     or if the include file cannot be written
   */
  @Override
  public synchronized void start(ObservationSink sink) {
    Require.nonNull(sink, "sink");
    if (started || closed) {
      throw new IllegalStateException(
          name() + ": start() called " + (closed ? "after close()" : "twice"));
    }
    started = true;
    source.attach(sink);
    delivery.attach(sink);
    try {
      startCommands();
      startEvents();
    } catch (IOException | RuntimeException e) {
      close();
      throw new IllegalStateException(name() + ": " + e.getMessage(), e);
    }
    poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "nagios-status-" + name()));
    StatusPoller poll = new StatusPoller(settings, clock, source, board, delivery, once);
    poller.scheduleWithFixedDelay(
        poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void startCommands() throws IOException {
    if (settings.commands().isEmpty()) {
      return;
    }
    CommandSettings commands = settings.commands().get();
    sender =
        new CommandSender(new CommandFile(commands.commandFile()), "nagios-commands-" + name());
    muter = new Muter(commands, settings.subjects(), sender, board, source, clock);
    if (settings.writeBack().isPresent()) {
      DependencyWriter w =
          new DependencyWriter(
              name(),
              commands.author(),
              settings.writeBack().get(),
              settings.subjects(),
              homes,
              sender,
              board,
              clock);
      w.ensureFile();
      writer = w;
    }
  }

  private void startEvents() throws IOException {
    if (settings.events().isPresent()) {
      EventSettings e = settings.events().get();
      events = EventServer.start(e.socket(), e.group(), "nagios-events-" + name(), this::onEvent);
    }
  }

  private String onEvent(NagiosEvent event) {
    if (!delivery.fromEvent(event.toStatus(), clock.instant())) {
      once.report(
          "event " + event.object(),
          "event about unmapped Nagios object '" + event.object() + "' ignored");
    }
    return null;
  }

  @Override
  public ActionResult mute(Set<SubjectId> subjects, String reason) {
    Muter m = muter;
    return m == null ? notConfigured("mute") : m.mute(subjects, reason);
  }

  @Override
  public ActionResult unmute(Set<SubjectId> subjects, String reason) {
    Muter m = muter;
    return m == null ? notConfigured("unmute") : m.unmute(subjects, reason);
  }

  @Override
  public ActionResult vmMoved(VmId vm, HostId from, HostId to) {
    DependencyWriter w = writer;
    if (w == null) {
      return started && settings.writeBack().isEmpty()
          ? ActionResult.done("vmMoved: " + name() + " has no writeBack configured")
          : ActionResult.unreachable("vmMoved: " + name() + " is not running");
    }
    return w.moved(vm, from, to);
  }

  private ActionResult notConfigured(String what) {
    synchronized (this) {
      if (started && !closed && settings.commands().isEmpty()) {
        return ActionResult.done(what + ": " + name() + " has no commands configured");
      }
    }
    return ActionResult.unreachable(what + ": " + name() + " is not running");
  }

  /** The latest status snapshot read, if any (for probes and tests). */
  public Optional<StatusSnapshot> latestSnapshot() {
    return board.latest();
  }

  /** Whether the status file is currently lost, and why. */
  public Optional<String> sourceProblem() {
    return source.problem();
  }

  /** The unmapped or absent names reported so far (each once). */
  Set<String> reportedNames() {
    return once.reported();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    source.close();
    delivery.close();
    board.close();
    muter = null;
    writer = null;
    if (poller != null) {
      poller.shutdownNow();
      await(poller);
    }
    if (events != null) {
      events.close();
    }
    if (sender != null) {
      sender.close();
    }
  }

  private static void await(ScheduledExecutorService executor) {
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public String toString() {
    return "NagiosMonitor[" + name() + ", " + settings.statusFile() + "]";
  }
}
