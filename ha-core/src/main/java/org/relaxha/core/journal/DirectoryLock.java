package org.relaxha.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock on a state directory: an OS file lock on its {@code LOCK} file, which records
 * the holder's pid and start time. The OS releases the lock when the holder dies, so a crashed
 * controller never blocks its successor.
 *
 * <p>Within one JVM, locks are also tracked in a static table, checked before the {@code LOCK} file
 * is touched: on POSIX systems closing any descriptor of a file drops every lock the process holds
 * on it, so a second store in the same JVM must not even open the file.
 *
 * <p>Thread-safe.
 */
final class DirectoryLock implements AutoCloseable {
  private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir}, which must exist.
   *
   * @throws StateDirectoryLockedException if another store holds it
   * @throws StateStoreException if the lock file cannot be created or written
   */
  static DirectoryLock acquire(Path dir) {
    Path key;
    try {
      key = dir.toRealPath();
    } catch (IOException e) {
      throw new StateStoreException("cannot resolve the state directory " + dir + ": " + e, e);
    }
    String self = describeThisProcess();
    String holder = HELD_IN_THIS_JVM.putIfAbsent(key, self);
    if (holder != null) {
      throw new StateDirectoryLockedException(dir, holder + ", another store in this process");
    }
    Path file = key.resolve(FileNames.LOCK);
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String other = readHolder(channel);
        throw new StateDirectoryLockedException(dir, other);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      return new DirectoryLock(key, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(key);
      throw new StateStoreException(
          "cannot lock the state directory through " + file + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(key);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this JVM through another class loader's copy of this class
    }
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
    return text.isEmpty() ? "another process (its LOCK file names no holder)" : text;
  }

  /** "pid 4711, started 2026-11-22T02:14:38Z". */
  static String describeThisProcess() {
    ProcessHandle self = ProcessHandle.current();
    return "pid "
        + self.pid()
        + self.info().startInstant().map(start -> ", started " + start).orElse("");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the lock attempt already failed; that failure is the one to report
      }
    }
  }

  /** Releases the lock. Idempotent. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StateStoreException("cannot release the lock on " + key + ": " + e, e);
    } finally {
      HELD_IN_THIS_JVM.remove(key);
    }
  }
}
