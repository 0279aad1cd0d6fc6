package org.relaxha.monitor.nagios.command;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Nagios's external command file ({@code command_file}, a FIFO Nagios reads while it runs). Each
 * command line is written with one {@code write} of at most {@link #MAX_LINE_BYTES} bytes, which a
 * FIFO keeps whole even when other writers write at the same time.
 *
 * <p>The FIFO is opened read-write, which on Linux never blocks even when no process reads it (a
 * write-only open would block until Nagios opened its end). Whether Nagios took the command is then
 * known only by reading its status back, which the callers do.
 *
 * <p>Thread-safe: every call opens the file itself.
 */
public final class CommandFile {
  /** The longest command line; longer lines are refused (PIPE_BUF is 4096 on Linux). */
  public static final int MAX_LINE_BYTES = 4096;

  private static final int TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int DIRECTORY = 0040000;

  private final Path path;

  /** The command file at {@code path}. */
  public CommandFile(Path path) {
    this.path = path;
  }

  /** The file's path. */
  public Path path() {
    return path;
  }

  /**
   * Writes each line (a newline is added) in one write.
   *
   * @throws CommandFileException if the file is missing, not a FIFO, or cannot be written
   */
  public void send(List<String> lines) throws CommandFileException {
    checkFifo();
    try (FileChannel out =
        FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      for (String line : lines) {
        out.write(encode(line));
      }
    } catch (NoSuchFileException e) {
      throw missing(e);
    } catch (AccessDeniedException e) {
      throw new CommandFileException(
          "cannot write the Nagios command file "
              + path
              + ": permission denied (run RelaxHA as the Nagios user or in the group"
              + " that owns the file)",
          false,
          e);
    } catch (IOException e) {
      throw new CommandFileException(
          "cannot write the Nagios command file " + path + ": " + e, false, e);
    }
  }

  private void checkFifo() throws CommandFileException {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if ((mode & TYPE_MASK) == 0120000) {
        mode = (Integer) Files.getAttribute(path, "unix:mode");
      }
    } catch (NoSuchFileException e) {
      throw missing(e);
    } catch (IOException | UnsupportedOperationException e) {
      throw new CommandFileException(
          "cannot inspect the Nagios command file " + path + ": " + e, false, e);
    }
    if ((mode & TYPE_MASK) != FIFO) {
      String kind = (mode & TYPE_MASK) == DIRECTORY ? "a directory" : "not a FIFO";
      throw new CommandFileException(
          "the Nagios command file "
              + path
              + " is "
              + kind
              + ": Nagios 4 creates command_file as a named pipe while it runs; check"
              + " command_file in nagios.cfg",
          false,
          null);
    }
  }

  private CommandFileException missing(IOException e) {
    return new CommandFileException(
        "the Nagios command file "
            + path
            + " does not exist: is Nagios running, with check_external_commands=1 and this"
            + " command_file?",
        true,
        e);
  }

  private static ByteBuffer encode(String line) throws CommandFileException {
    if (line.indexOf('\n') >= 0) {
      throw new CommandFileException("a command line contains a newline: " + line, false, null);
    }
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_LINE_BYTES) {
      throw new CommandFileException(
          "a command line is longer than " + MAX_LINE_BYTES + " bytes", false, null);
    }
    return ByteBuffer.wrap(bytes);
  }
}
