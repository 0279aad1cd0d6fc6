package org.relaxha.monitor.nagios.writeback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code nagios -v nagios.cfg} (Nagios's pre-flight check of the whole configuration) with a
 * time limit. The output goes to a temporary file, so no thread is needed to drain it and a hung
 * check is simply killed.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigValidator {
  private static final int MAX_OUTPUT = 64 * 1024;

  private ConfigValidator() {}

  /**
   * The outcome of a check.
   *
   * @param valid whether Nagios accepted the configuration (exit status 0)
   * @param summary the error lines, or why the check could not run
   * @param output the first 64 KiB of the output
   */
  public record Result(boolean valid, String summary, String output) {}

  /** Checks {@code config} with {@code binary}, waiting at most {@code timeout}. */
  public static Result validate(Path binary, Path config, Duration timeout) {
    Path log = null;
    try {
      log = Files.createTempFile("relaxha-nagios-v", ".log");
      Process process =
          new ProcessBuilder(binary.toString(), "-v", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        return new Result(
            false, binary + " -v took longer than " + timeout.toSeconds() + " s", read(log));
      }
      String output = read(log);
      boolean valid = process.exitValue() == 0;
      return new Result(valid, valid ? "valid" : errors(output, process.exitValue()), output);
    } catch (IOException e) {
      return new Result(false, "cannot run " + binary + " -v " + config + ": " + e, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted while " + binary + " -v ran", "");
    } finally {
      deleteQuietly(log);
    }
  }

  private static String errors(String output, int status) {
    List<String> lines =
        output.lines().map(String::strip).filter(l -> l.startsWith("Error")).limit(5).toList();
    if (lines.isEmpty()) {
      lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      lines = lines.subList(Math.max(0, lines.size() - 3), lines.size());
    }
    return "nagios -v failed (exit " + status + "): " + String.join(" | ", lines);
  }

  private static String read(Path log) throws IOException {
    try (InputStream in = Files.newInputStream(log)) {
      return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file: the OS cleans up
      }
    }
  }
}
