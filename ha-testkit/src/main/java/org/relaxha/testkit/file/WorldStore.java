package org.relaxha.testkit.file;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLockInterruptionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The files of a {@link FileBackedWorld} and the protocol that keeps them consistent across
 * processes and crashes.
 *
 * <ul>
 *   <li>{@code world.lock}: every access holds an exclusive OS lock on it ({@link
 *       FileChannel#lock()}), plus a JVM-wide lock per directory because OS file locks are held per
 *       process and would not exclude two threads of one JVM.
 *   <li>{@code events.log}: the write-ahead log. A change is appended as event lines and forced to
 *       disk first.
 *   <li>{@code state}: a checkpoint of the state after the last applied event, with the log length
 *       it covers; replaced atomically (temp file, fsync, rename, fsync of the directory).
 * </ul>
 *
 * <p>A process killed between the log append and the rename leaves the log ahead of the state; the
 * next access replays the missing events (and drops a torn last line, which was never applied).
 * Thread-safe.
 */
final class WorldStore {
  static final String STATE = "state";
  static final String LOG = "events.log";
  static final String LOCK = "world.lock";
  private static final String TMP = "state.tmp";
  private static final String HEADER = "relaxha-file-world 1";
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  /** Work done while holding the world's lock. */
  interface Work<T> {
    T run(Session session) throws IOException;
  }

  private final Path dir;
  private final InstantSource clock;
  private final long pid = ProcessHandle.current().pid();

  WorldStore(Path dir, InstantSource clock) throws IOException {
    this.dir = dir.toRealPath();
    this.clock = clock;
  }

  Path directory() {
    return dir;
  }

  InstantSource clock() {
    return clock;
  }

  boolean exists() {
    return Files.exists(dir.resolve(STATE));
  }

  /** Writes the files of a new, empty world. */
  void initialise() throws IOException, InterruptedException {
    locked(
        session -> {
          if (exists()) {
            throw new IllegalStateException("a world already exists in " + dir);
          }
          Files.write(dir.resolve(LOG), new byte[0]);
          session.state = WorldState.EMPTY;
          session.logLength = 0;
          session.writeState();
          return null;
        },
        false);
  }

  /** Runs {@code work} under the world's lock, after bringing the state up to date with the log. */
  <T> T locked(Work<T> work) throws IOException, InterruptedException {
    return locked(work, true);
  }

  private <T> T locked(Work<T> work, boolean load) throws IOException, InterruptedException {
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    jvmLock.lockInterruptibly();
    try (FileChannel channel =
        FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // released when the channel closes, or when the process dies
      Session session = new Session();
      if (load) {
        session.load();
      }
      return work.run(session);
    } catch (ClosedByInterruptException | FileLockInterruptionException e) {
      InterruptedException interrupted = new InterruptedException("interrupted on world " + dir);
      interrupted.initCause(e);
      throw interrupted;
    } catch (InterruptedIOException e) {
      InterruptedException interrupted = new InterruptedException("interrupted on world " + dir);
      interrupted.initCause(e);
      throw interrupted;
    } finally {
      jvmLock.unlock();
    }
  }

  /** Reads the whole event log (under the lock, after recovery). */
  static List<WorldEvent> readLog(Path log, long length) throws IOException {
    List<WorldEvent> events = new ArrayList<>();
    byte[] bytes = Files.readAllBytes(log);
    String text =
        new String(bytes, 0, (int) Math.min(length, bytes.length), StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        events.add(WorldEvent.parse(line));
      }
    }
    return events;
  }

  /** What a holder of the lock sees and may change. */
  final class Session {
    private WorldState state;
    private long logLength;

    WorldState state() {
      return state;
    }

    long logLength() {
      return logLength;
    }

    /** Appends one event (forced to disk) and applies it; the state file is written at the end. */
    WorldEvent append(WorldEvent.Type type, HostId host, VmId vm, PowerState defined, String detail)
        throws IOException {
      WorldEvent event =
          new WorldEvent(
              state.sequence() + 1,
              clock.instant(),
              type,
              host,
              Optional.ofNullable(vm),
              Optional.ofNullable(defined),
              pid,
              detail);
      byte[] line = (event.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
      try (FileChannel log =
          FileChannel.open(dir.resolve(LOG), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          log.write(buffer);
        }
        log.force(false);
      }
      state = state.apply(event);
      logLength += line.length;
      writeState();
      return event;
    }

    private void load() throws IOException {
      readState();
      long size = Files.size(dir.resolve(LOG));
      if (size < logLength) {
        throw new IllegalStateException(
            dir.resolve(LOG)
                + " is shorter ("
                + size
                + " bytes) than its state says: "
                + logLength);
      }
      if (size > logLength) {
        recover(size);
      }
    }

    /** Applies log lines past the checkpoint; drops a torn last line. */
    private void recover(long size) throws IOException {
      byte[] tail;
      try (FileChannel log = FileChannel.open(dir.resolve(LOG), StandardOpenOption.READ)) {
        ByteBuffer buffer = ByteBuffer.allocate((int) (size - logLength));
        log.position(logLength);
        while (buffer.hasRemaining() && log.read(buffer) >= 0) {
          // read the whole tail
        }
        tail = buffer.array();
      }
      int complete = 0;
      for (int i = 0; i < tail.length; i++) {
        if (tail[i] == '\n') {
          complete = i + 1;
        }
      }
      for (String line : new String(tail, 0, complete, StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty()) {
          WorldEvent event = WorldEvent.parse(line);
          if (event.sequence() > state.sequence() + 1) {
            throw new IllegalStateException(
                dir.resolve(LOG) + " skips from event " + state.sequence() + " to " + event);
          }
          if (event.sequence() == state.sequence() + 1) {
            state = state.apply(event);
          }
        }
      }
      if (complete < tail.length) {
        try (FileChannel log = FileChannel.open(dir.resolve(LOG), StandardOpenOption.WRITE)) {
          log.truncate(logLength + complete);
          log.force(false);
        }
      }
      logLength += complete;
      writeState();
    }

    private void readState() throws IOException {
      List<String> lines = Files.readAllLines(dir.resolve(STATE), StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        throw new IllegalStateException(dir.resolve(STATE) + " is not a world state file");
      }
      long sequence = 0;
      Map<HostId, WorldState.HostState> hosts = new TreeMap<>();
      Map<HostId, Map<VmId, PowerState>> vms = new TreeMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "sequence" -> sequence = Long.parseLong(f[1]);
          case "logLength" -> logLength = Long.parseLong(f[1]);
          case "host" -> {
            HostId host = HostId.of(f[1]);
            hosts.put(
                host, new WorldState.HostState(f[2].equals("on"), f[3].equals("up"), Map.of()));
            vms.put(host, new TreeMap<>());
          }
          case "vm" -> vms.get(HostId.of(f[1])).put(VmId.of(f[2]), PowerState.valueOf(f[3]));
          default -> throw new IllegalStateException("bad line in world state: " + line);
        }
      }
      hosts.replaceAll(
          (id, h) -> new WorldState.HostState(h.poweredOn(), h.reachable(), vms.get(id)));
      state = new WorldState(sequence, hosts);
    }

    private void writeState() throws IOException {
      StringBuilder text = new StringBuilder(HEADER).append('\n');
      text.append("sequence ").append(state.sequence()).append('\n');
      text.append("logLength ").append(logLength).append('\n');
      state
          .hosts()
          .forEach(
              (id, h) -> {
                text.append("host ")
                    .append(id.name())
                    .append(h.poweredOn() ? " on" : " off")
                    .append(h.reachable() ? " up" : " cut")
                    .append('\n');
                h.vms()
                    .forEach(
                        (vm, s) ->
                            text.append("vm ")
                                .append(id.name())
                                .append(' ')
                                .append(vm.name())
                                .append(' ')
                                .append(s.name())
                                .append('\n'));
              });
      Path tmp = dir.resolve(TMP);
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(
          tmp,
          dir.resolve(STATE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
    }

    private void forceDirectory() {
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      } catch (IOException e) {
        // Some platforms cannot open or sync a directory; the rename is still atomic there.
      }
    }
  }
}
