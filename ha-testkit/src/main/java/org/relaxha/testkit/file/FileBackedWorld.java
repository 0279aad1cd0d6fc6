package org.relaxha.testkit.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relaxha.spi.Require;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * A small data center whose state lives in a directory, outside any JVM: hosts (powered on or off,
 * connected or cut off) and the power state of each VM on each host. It is what the file-backed
 * fakes ({@link FileBackedHypervisor}, {@link FileBackedFencer}, {@link FileBackedMonitor}) act on,
 * so that a controller in a child JVM can be killed with SIGKILL and restarted while the world it
 * controls goes on, and the test can then check what happened.
 *
 * <p><b>Files.</b> {@code world.lock} (every access holds an exclusive OS lock on it, so several
 * processes can share the world), {@code state} (a checkpoint, replaced atomically: temp file,
 * fsync, rename) and {@code events.log}, an append-only log with one line per change (start, stop,
 * power-off, fence, ...), each with a sequence number without gaps, the writing process's pid, and
 * who did it. The log is written and forced before the state, so a process killed at any instant
 * loses nothing: the next access replays what the state file lacks. See {@link WorldEvent}.
 *
 * <p><b>Test-side API.</b> {@link #create} a world, {@link #addHost} and {@link #defineVm} to set
 * it up; inject failures with {@link #crashHost} (power off without fencing), {@link #isolateHost},
 * {@link #crashVm}; read {@link #state()} and {@link #events()}; check invariants with {@link
 * #startCount}, {@link #startsWhileRunningElsewhere()} and {@link #replay()}.
 *
 * <p>Thread-safe, and safe to use from several processes at once. Methods throw {@link
 * UncheckedIOException} when the directory cannot be read or written, and {@link
 * IllegalStateException} (with the interrupt flag set) when interrupted while waiting for the lock.
 */
public final class FileBackedWorld {
  private final WorldStore store;

  private FileBackedWorld(WorldStore store) {
    this.store = store;
  }

  /** Creates an empty world in {@code dir} (created if needed) on the system clock. */
  public static FileBackedWorld create(Path dir) {
    return create(dir, InstantSource.system());
  }

  /**
   * Creates an empty world in {@code dir}, stamping events with {@code clock}.
   *
   * @throws IllegalStateException if {@code dir} already holds a world
   */
  public static FileBackedWorld create(Path dir, InstantSource clock) {
    Require.nonNull(dir, "dir");
    Require.nonNull(clock, "clock");
    try {
      Files.createDirectories(dir);
      FileBackedWorld world = new FileBackedWorld(new WorldStore(dir, clock));
      world.store.initialise();
      return world;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a world in " + dir, e);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  /** Opens the world in {@code dir} on the system clock. */
  public static FileBackedWorld open(Path dir) {
    return open(dir, InstantSource.system());
  }

  /**
   * Opens the world in {@code dir}, stamping new events with {@code clock}.
   *
   * @throws IllegalStateException if {@code dir} holds no world
   */
  public static FileBackedWorld open(Path dir, InstantSource clock) {
    Require.nonNull(dir, "dir");
    Require.nonNull(clock, "clock");
    if (!exists(dir)) {
      throw new IllegalStateException("no world in " + dir + " (create it first)");
    }
    try {
      return new FileBackedWorld(new WorldStore(dir, clock));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the world in " + dir, e);
    }
  }

  /** Whether {@code dir} holds a world. */
  public static boolean exists(Path dir) {
    return Files.exists(dir.resolve(WorldStore.STATE));
  }

  /** The world's directory. */
  public Path directory() {
    return store.directory();
  }

  /** The path of {@code events.log}. */
  public Path eventLog() {
    return store.directory().resolve(WorldStore.LOG);
  }

  // ---------------------------------------------------------------- set-up

  /** Adds a powered-on, connected host (no change if it exists). */
  public FileBackedWorld addHost(HostId host) {
    Require.nonNull(host, "host");
    change(s -> s.append(WorldEvent.Type.ADD_HOST, host, null, null, "set-up"));
    return this;
  }

  /** Adds hosts by name. */
  public FileBackedWorld addHosts(String... names) {
    for (String name : names) {
      addHost(HostId.of(name));
    }
    return this;
  }

  /** Defines {@code vm} on {@code host} in {@code state}. */
  public FileBackedWorld defineVm(VmId vm, HostId host, PowerState state) {
    Require.nonNull(vm, "vm");
    Require.nonNull(state, "state");
    change(
        s -> {
          requireHost(s, host);
          return s.append(WorldEvent.Type.DEFINE, host, vm, state, "set-up");
        });
    return this;
  }

  // ---------------------------------------------------------------- failure injection

  /** Powers {@code host} off without fencing it (a crash): its VMs are off, it is unreachable. */
  public WorldEvent crashHost(HostId host) {
    return hostEvent(WorldEvent.Type.POWER_OFF, host, "crashed (not fenced)");
  }

  /** Powers {@code host} on again; its VMs stay off. */
  public WorldEvent powerOnHost(HostId host) {
    return hostEvent(WorldEvent.Type.POWER_ON, host, "powered on");
  }

  /** Cuts {@code host} off the network: it looks down, its VMs keep running. */
  public WorldEvent isolateHost(HostId host) {
    return hostEvent(WorldEvent.Type.ISOLATE, host, "cut off");
  }

  /** Reconnects {@code host}. */
  public WorldEvent reconnectHost(HostId host) {
    return hostEvent(WorldEvent.Type.RECONNECT, host, "reconnected");
  }

  /** Makes {@code vm} CRASHED on {@code host}. */
  public WorldEvent crashVm(VmId vm, HostId host) {
    Require.nonNull(vm, "vm");
    return change(
        s -> {
          requireHost(s, host);
          if (s.state().stateOf(vm, host).isEmpty()) {
            throw new IllegalArgumentException(vm + " is not defined on " + host);
          }
          return s.append(WorldEvent.Type.CRASH_VM, host, vm, null, "crashed");
        });
  }

  // ---------------------------------------------------------------- reading

  /** The current state. */
  public WorldState state() {
    return read(WorldStore.Session::state);
  }

  /** Every event so far, in order. */
  public List<WorldEvent> events() {
    return read(s -> WorldStore.readLog(eventLog(), s.logLength()));
  }

  /** The state rebuilt from {@code events.log} alone; equals {@link #state()} unless corrupted. */
  public WorldState replay() {
    WorldState state = WorldState.EMPTY;
    for (WorldEvent event : events()) {
      state = state.apply(event);
    }
    return state;
  }

  /** How many times {@code vm} was started ({@link WorldEvent.Type#START} events). */
  public int startCount(VmId vm) {
    return (int)
        events().stream()
            .filter(
                e -> e.type() == WorldEvent.Type.START && e.vm().equals(java.util.Optional.of(vm)))
            .count();
  }

  /** The number of starts of every VM started at least once. */
  public Map<VmId, Integer> startCounts() {
    Map<VmId, Integer> counts = new TreeMap<>();
    for (WorldEvent e : events()) {
      if (e.type() == WorldEvent.Type.START) {
        counts.merge(e.vm().orElseThrow(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * The events (starts, or definitions in a running state) that made a VM run on a host while it
   * may still have been running on another, found by replaying the log: empty means no VM ever ran
   * on two hosts at once.
   */
  public List<WorldEvent> startsWhileRunningElsewhere() {
    List<WorldEvent> violations = new ArrayList<>();
    WorldState state = WorldState.EMPTY;
    for (WorldEvent event : events()) {
      boolean starts =
          event.type() == WorldEvent.Type.START
              || (event.type() == WorldEvent.Type.DEFINE
                  && event.state().orElseThrow().mayBeRunning());
      if (starts) {
        VmId vm = event.vm().orElseThrow();
        if (state.runningHostsOf(vm).stream().anyMatch(h -> !h.equals(event.host()))) {
          violations.add(event);
        }
      }
      state = state.apply(event);
    }
    return violations;
  }

  @Override
  public String toString() {
    return "FileBackedWorld[" + store.directory() + "]";
  }

  // ---------------------------------------------------------------- for the fakes

  /** The clock that stamps this instance's events. */
  InstantSource clock() {
    return store.clock();
  }

  /** Runs {@code work} under the lock; throws the raw exceptions for the fakes to translate. */
  <T> T transact(WorldStore.Work<T> work) throws IOException, InterruptedException {
    return store.locked(work);
  }

  static void requireHost(WorldStore.Session session, HostId host) {
    Require.nonNull(host, "host");
    if (session.state().host(host).isEmpty()) {
      throw new IllegalArgumentException("unknown host " + host);
    }
  }

  private WorldEvent hostEvent(WorldEvent.Type type, HostId host, String detail) {
    return change(
        s -> {
          requireHost(s, host);
          return s.append(type, host, null, null, detail);
        });
  }

  private <T> T change(WorldStore.Work<T> work) {
    return read(work);
  }

  private <T> T read(WorldStore.Work<T> work) {
    try {
      return store.locked(work);
    } catch (IOException e) {
      throw new UncheckedIOException("world " + store.directory() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private static IllegalStateException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return new IllegalStateException("interrupted while waiting for the world's lock", e);
  }
}
