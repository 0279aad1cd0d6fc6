package org.relaxha.examples.durability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real controller in a child JVM: {@code relaxha run --config FILE} with this JVM's class path,
 * its output appended to a log file. {@link #kill()} sends SIGKILL.
 */
final class ControllerProcess {
  private final Process process;

  private ControllerProcess(Process process) {
    this.process = process;
  }

  static ControllerProcess start(Path config, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.relaxha.examples.cli.Relaxha",
                "run",
                "--config",
                config.toString()));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new ControllerProcess(pb.start());
  }

  /** SIGKILL, and waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("controller process " + process.pid() + " survived SIGKILL");
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }
}
