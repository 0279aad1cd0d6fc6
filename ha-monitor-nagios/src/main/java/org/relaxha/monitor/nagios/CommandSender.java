package org.relaxha.monitor.nagios;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.relaxha.monitor.nagios.command.CommandFile;
import org.relaxha.monitor.nagios.command.CommandFileException;

/**
 * Writes command lines to the command file on a thread of its own with a time limit: a FIFO whose
 * reader is gone can block a write once its buffer is full, and such a write is then interrupted
 * instead of hanging the controller's thread.
 *
 * <p>Thread-safe; {@link #close} stops the writer thread.
 */
final class CommandSender implements AutoCloseable {
  static final Duration WRITE_LIMIT = Duration.ofSeconds(5);

  private final CommandFile file;
  private final ExecutorService writer;

  CommandSender(CommandFile file, String threadName) {
    this.file = file;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** The command file's path, for messages. */
  String path() {
    return file.path().toString();
  }

  /** Sends the lines, or throws saying why they were not sent. */
  void send(List<String> lines) throws CommandFileException {
    if (lines.isEmpty()) {
      return;
    }
    Future<?> write;
    try {
      write =
          writer.submit(
              () -> {
                file.send(lines);
                return null;
              });
    } catch (RejectedExecutionException e) {
      throw new CommandFileException("the Nagios monitor is closed", true, e);
    }
    try {
      write.get(WRITE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CommandFileException c) {
        throw c;
      }
      throw new CommandFileException("writing " + path() + " failed: " + e.getCause(), false, e);
    } catch (TimeoutException e) {
      write.cancel(true);
      throw new CommandFileException(
          "Nagios did not read " + path() + " within " + WRITE_LIMIT.toSeconds() + " s", true, e);
    } catch (InterruptedException e) {
      write.cancel(true);
      Thread.currentThread().interrupt();
      throw new CommandFileException("interrupted while writing " + path(), true, e);
    }
  }

  @Override
  public void close() {
    writer.shutdownNow();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
