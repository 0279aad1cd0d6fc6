package org.relaxha.monitor.nagios.writeback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Replaces a small file atomically (a temporary file in the same directory, flushed to disk, then
 * renamed over it), so that Nagios, {@code nagios -v} or a crash never see half a file, and puts
 * the previous content back on rollback.
 *
 * <p>Stateless and thread-safe per file as long as one writer owns the file.
 */
public final class FileSwap {
  /** The largest file this class reads back. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private FileSwap() {}

  /** The file's bytes, or empty if it does not exist. */
  public static Optional<byte[]> read(Path file) throws IOException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IOException(
            file + " is larger than " + MAX_BYTES + " bytes; not RelaxHA's file?");
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code bytes} to {@code file} atomically. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Puts back what {@link #read} returned: the old bytes, or no file. */
  public static void restore(Path file, Optional<byte[]> previous) throws IOException {
    if (previous.isPresent()) {
      write(file, previous.get());
    } else {
      Files.deleteIfExists(file);
    }
  }
}
