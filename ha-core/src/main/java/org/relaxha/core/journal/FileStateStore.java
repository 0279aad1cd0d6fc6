package org.relaxha.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.relaxha.spi.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link StateStore}: a journal of checksummed records in segment files plus
 * snapshots, in a directory the user names and that this store locks for itself. The package
 * documentation describes the file format and the recovery rules.
 *
 * <p>Durability: with {@link Options#fsync()} on (the default), {@link #append} returns only after
 * the record is forced to the device ({@link FileChannel#force}); new files are forced and so is
 * the directory that names them; a snapshot is written to a temporary file, forced, and renamed
 * atomically. With fsync off, a process crash loses nothing but an OS crash or power loss may lose
 * the latest appends (use it for tests and simulations).
 *
 * <p>Thread-safe: every method is serialized on the store, but it is meant for a single writer.
 */
public final class FileStateStore implements StateStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);

  private enum Phase {
    OPENED,
    READY,
    FAILED,
    CLOSED
  }

  private final Path dir;
  private final RecordCodec codec;
  private final Options options;
  private final DirectoryLock lock;
  private Phase phase = Phase.OPENED;
  private String failure;
  private TreeSet<Long> segments = new TreeSet<>();
  private TreeSet<Long> snapshots = new TreeSet<>();
  private long lastSeq;
  private long latestSnapshotSeq;
  private FileChannel active;
  private long activeSize;
  private boolean rollPending = true;

  private FileStateStore(Path dir, RecordCodec codec, Options options, DirectoryLock lock) {
    this.dir = dir;
    this.codec = codec;
    this.options = options;
    this.lock = lock;
  }

  /**
   * Opens the store in {@code dir}, creating the directory if needed, and locks it. Call {@link
   * #recover()} next.
   *
   * @throws StateDirectoryLockedException if another store, in this process or another, has it
   * @throws StateStoreException if the directory cannot be created or is not a writable directory
   */
  public static FileStateStore open(Path dir, RecordCodec codec, Options options) {
    Require.nonNull(dir, "dir");
    Require.nonNull(codec, "codec");
    Require.nonNull(options, "options");
    Path absolute = dir.toAbsolutePath().normalize();
    createDirectories(absolute, options.fsync());
    if (!Files.isWritable(absolute)) {
      throw new StateStoreException("the state directory " + absolute + " is not writable");
    }
    return new FileStateStore(absolute, codec, options, DirectoryLock.acquire(absolute));
  }

  /** Creates {@code dir} and any missing parents, and makes their names durable. */
  private static void createDirectories(Path dir, boolean fsync) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      Files.createDirectories(dir);
      // force every directory that gained an entry: from dir's parent up to the oldest ancestor
      for (Path p = dir; existing != null && !p.equals(existing); ) {
        p = p.getParent();
        DurableFiles.forceDirectory(p, fsync);
      }
    } catch (IOException e) {
      throw new StateStoreException("cannot create the state directory " + dir + ": " + e, e);
    }
  }

  /** Opens the store in {@code dir} with the default codec and options. */
  public static FileStateStore open(Path dir) {
    return open(dir, RecordCodec.ofDefaults(), Options.ofDefaults());
  }

  /** The state directory (absolute). */
  public Path directory() {
    return dir;
  }

  /** The last sequence number recovered or appended; 0 before recovery or if there is none. */
  public synchronized long lastSeq() {
    return lastSeq;
  }

  @Override
  public synchronized Recovery recover() {
    if (phase != Phase.OPENED) {
      throw new IllegalStateException(
          "recover() is called once, right after open; the store in "
              + dir
              + " is "
              + phase.name().toLowerCase(java.util.Locale.ROOT));
    }
    JournalRecovery.Outcome outcome;
    try {
      outcome = JournalRecovery.run(dir, codec, options.repair(), options.fsync());
    } catch (IOException e) {
      throw new StateStoreException("cannot recover the state in " + dir + ": " + e, e);
    }
    segments = outcome.segments();
    snapshots = outcome.snapshots();
    lastSeq = outcome.lastSeq();
    latestSnapshotSeq = outcome.recovery().snapshotSeq();
    JournalRecovery.Active last = outcome.active();
    if (last != null && last.nextSeq() == lastSeq + 1) {
      Path file = segmentPath(last.firstSeq());
      try {
        active = FileChannel.open(file, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new StateStoreException("cannot open the journal segment " + file + ": " + e, e);
      }
      activeSize = last.size();
      rollPending = false;
    }
    phase = Phase.READY;
    return outcome.recovery();
  }

  @Override
  public synchronized long append(Object value) {
    requireReady("append");
    Require.nonNull(value, "value");
    long seq = lastSeq + 1;
    ByteBuffer frame = Framing.record(seq, codec.encode(value));
    int length = frame.remaining();
    try {
      // an active segment without records is reused: it is already named after seq
      boolean hasRecords = activeSize > Framing.FILE_HEADER;
      if (active == null
          || (hasRecords && (rollPending || activeSize + length > options.segmentSize()))) {
        roll(seq);
      } else if (!hasRecords) {
        rollPending = false;
      }
      writeFully(active, frame, activeSize);
      if (options.fsync()) {
        active.force(false);
      }
    } catch (IOException e) {
      phase = Phase.FAILED;
      failure = "appending seq " + seq + " failed: " + e;
      throw new StateStoreException(
          "cannot append seq "
              + seq
              + " to the journal in "
              + dir
              + ": "
              + e
              + "; the store refuses further appends until it is reopened",
          e);
    }
    activeSize += length;
    lastSeq = seq;
    return seq;
  }

  private void roll(long firstSeq) throws IOException {
    if (active != null) {
      active.close();
      active = null;
    }
    Path file = segmentPath(firstSeq);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      writeFully(channel, Framing.fileHeader(Framing.SEGMENT_MAGIC, firstSeq), 0);
      if (options.fsync()) {
        channel.force(true);
      }
      DurableFiles.forceDirectory(dir, options.fsync());
    } catch (IOException e) {
      channel.close();
      throw new IOException("cannot start the journal segment " + file + ": " + e, e);
    }
    active = channel;
    activeSize = Framing.FILE_HEADER;
    segments.add(firstSeq);
    rollPending = false;
  }

  @Override
  public synchronized void snapshot(long seq, Object state) {
    requireReady("snapshot");
    Require.nonNull(state, "state");
    if (seq <= latestSnapshotSeq || seq > lastSeq) {
      throw new IllegalArgumentException(
          "snapshot seq must be after the newest snapshot ("
              + latestSnapshotSeq
              + ") and at most the last appended seq ("
              + lastSeq
              + "), was "
              + seq);
    }
    ByteBuffer frame = Framing.record(seq, codec.encode(state));
    Path target = dir.resolve(FileNames.snapshot(seq));
    Path temp = dir.resolve(FileNames.snapshot(seq) + FileNames.TEMP_SUFFIX);
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        writeFully(channel, Framing.fileHeader(Framing.SNAPSHOT_MAGIC, seq), 0);
        writeFully(channel, frame, Framing.FILE_HEADER);
        if (options.fsync()) {
          channel.force(true);
        }
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      DurableFiles.forceDirectory(dir, options.fsync());
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new StateStoreException("cannot write the snapshot " + target + ": " + e, e);
    }
    long previous = latestSnapshotSeq;
    latestSnapshotSeq = seq;
    snapshots.add(seq);
    rollPending = true;
    compact(previous);
  }

  /**
   * Deletes what no recovery needs any more: snapshots older than {@code previous} (the fallback
   * for the snapshot just written) and segments whose entries all precede it.
   */
  private void compact(long previous) {
    for (long seq : new ArrayList<>(snapshots.headSet(previous))) {
      if (deleteQuietly(dir.resolve(FileNames.snapshot(seq)))) {
        snapshots.remove(seq);
      }
    }
    List<Long> segs = new ArrayList<>(segments);
    for (int i = 0; i + 1 < segs.size() && segs.get(i + 1) <= previous + 1; i++) {
      if (deleteQuietly(segmentPath(segs.get(i)))) {
        segments.remove(segs.get(i));
      }
    }
  }

  private static boolean deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      return true;
    } catch (IOException e) {
      LOG.warn(
          "cannot delete {}; it will be retried after the next snapshot: {}", file, e.toString());
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (phase == Phase.CLOSED) {
      return;
    }
    phase = Phase.CLOSED;
    try {
      if (active != null) {
        active.close();
        active = null;
      }
    } catch (IOException e) {
      throw new StateStoreException("cannot close the journal in " + dir + ": " + e, e);
    } finally {
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "FileStateStore[" + dir + "]";
  }

  private void requireReady(String operation) {
    if (phase == Phase.READY) {
      return;
    }
    String why =
        phase == Phase.OPENED
            ? "call recover() first"
            : phase == Phase.FAILED ? "an earlier write failed (" + failure + ")" : "it is closed";
    throw new IllegalStateException("cannot " + operation + " to the store in " + dir + ": " + why);
  }

  private Path segmentPath(long firstSeq) {
    return dir.resolve(FileNames.segment(firstSeq));
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  /**
   * How a {@link FileStateStore} writes and recovers.
   *
   * <p>Immutable and thread-safe.
   *
   * @param segmentSize the size at which the journal starts a new segment file, in bytes (64 to 1
   *     GiB; default 64 MiB); a single larger record gets a segment of its own
   * @param fsync whether appends, snapshots and new files are forced to the device (default true)
   * @param repair whether recovery moves damaged journal data aside and continues from the last
   *     good record instead of failing (default false; turn it on for one start after reading the
   *     {@link JournalCorruptedException}, then off again)
   */
  public record Options(long segmentSize, boolean fsync, boolean repair) {
    /** The default segment size: 64 MiB. */
    public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;

    /** Validates every field. */
    public Options {
      Require.atLeast(segmentSize, 64L, "segmentSize");
      if (segmentSize > 1L << 30) {
        throw new IllegalArgumentException(
            "segmentSize must be <= 1 GiB (1073741824), was " + segmentSize);
      }
    }

    /** 64 MiB segments, fsync on, repair off. */
    public static Options ofDefaults() {
      return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Options}. Not thread-safe. */
    public static final class Builder {
      private long segmentSize = DEFAULT_SEGMENT_SIZE;
      private boolean fsync = true;
      private boolean repair;

      private Builder() {}

      /** The size at which a new segment starts, in bytes (64 to 1 GiB). */
      public Builder segmentSize(long bytes) {
        this.segmentSize = bytes;
        return this;
      }

      /** Whether writes are forced to the device before they are acknowledged. */
      public Builder fsync(boolean value) {
        this.fsync = value;
        return this;
      }

      /** Whether recovery sets damaged data aside and continues instead of failing. */
      public Builder repair(boolean value) {
        this.repair = value;
        return this;
      }

      /**
       * The options.
       *
       * @throws IllegalArgumentException naming the field if a value is out of range
       */
      public Options build() {
        return new Options(segmentSize, fsync, repair);
      }
    }
  }
}
