package org.relaxha.monitor.nagios.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.relaxha.monitor.nagios.command.CommandFile;
import org.relaxha.monitor.nagios.status.Interest;
import org.relaxha.monitor.nagios.status.StatusReader;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.testkit.it.RequiredTools;

/**
 * A real Nagios 4 for integration tests: its own configuration under a directory of the test
 * (interval_length=1, status written every second, external commands on, state not retained),
 * started in the foreground as a child of the test JVM and stopped by its own PID (SIGTERM, then
 * SIGKILL of it and of every worker it forked). Not thread-safe.
 */
final class NagiosProcess implements AutoCloseable {
  static final Path PLUGINS = Path.of("/usr/lib/nagios/plugins");

  private final Path dir;
  private final Path binary;
  private Process process;
  private List<ProcessHandle> family = List.of();

  private NagiosProcess(Path dir, Path binary) {
    this.dir = dir;
    this.binary = binary;
  }

  /** Skips (locally) or fails (in CI) unless nagios4 and the plugins are installed. */
  static Path requireNagios() {
    Path binary = RequiredTools.require("nagios4", "nagios4-core");
    RequiredTools.requireThat(
        Files.isExecutable(PLUGINS.resolve("check_tcp")),
        PLUGINS + "/check_tcp not found: install the Debian package monitoring-plugins-basic");
    return binary;
  }

  /** Writes the configuration (objects and extra nagios.cfg lines) into {@code dir}. */
  static NagiosProcess configure(Path dir, String objects, Map<String, String> extra)
      throws IOException {
    NagiosProcess n = new NagiosProcess(dir, requireNagios());
    Files.createDirectories(dir.resolve("rw"));
    Files.createDirectories(dir.resolve("spool"));
    Files.writeString(dir.resolve("objects.cfg"), objects);
    Files.writeString(dir.resolve("resource.cfg"), "$USER1$=" + PLUGINS + "\n");
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("log_file", n.path("nagios.log"));
    cfg.put("cfg_file", n.path("objects.cfg"));
    cfg.put("resource_file", n.path("resource.cfg"));
    cfg.put("object_cache_file", n.path("objects.cache"));
    cfg.put("precached_object_file", n.path("objects.precache"));
    cfg.put("status_file", n.path("status.dat"));
    cfg.put("status_update_interval", "1");
    cfg.put("nagios_user", "root");
    cfg.put("nagios_group", "root");
    cfg.put("check_external_commands", "1");
    cfg.put("command_file", n.path("rw/nagios.cmd"));
    cfg.put("query_socket", n.path("rw/nagios.qh"));
    cfg.put("lock_file", n.path("nagios.pid"));
    cfg.put("temp_file", n.path("nagios.tmp"));
    cfg.put("temp_path", dir.toString());
    cfg.put("check_result_path", n.path("spool"));
    cfg.put("check_result_reaper_frequency", "1");
    cfg.put("retain_state_information", "0");
    cfg.put("use_syslog", "0");
    cfg.put("interval_length", "1");
    cfg.put("max_service_check_spread", "1");
    cfg.put("max_host_check_spread", "1");
    cfg.put("service_inter_check_delay_method", "n");
    cfg.put("host_inter_check_delay_method", "n");
    cfg.put("check_for_updates", "0");
    cfg.put("enable_notifications", "0");
    cfg.put("enable_flap_detection", "0");
    cfg.put("cached_host_check_horizon", "0");
    cfg.put("cached_service_check_horizon", "0");
    cfg.put("illegal_macro_output_chars", "`~$&|'\"<>");
    cfg.putAll(extra);
    StringBuilder text = new StringBuilder();
    cfg.forEach(
        (k, v) -> {
          for (String value : v.split("\n")) {
            text.append(k).append('=').append(value).append('\n');
          }
        });
    Files.writeString(n.config(), text.toString());
    return n;
  }

  /** Starts Nagios in the foreground and waits until it writes status.dat. */
  NagiosProcess start() throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder(binary.toString(), "-v", config().toString())
            .redirectErrorStream(true)
            .start();
    String verify = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (check.waitFor() != 0) {
      throw new IllegalStateException("nagios4 -v rejected the test configuration:\n" + verify);
    }
    process =
        new ProcessBuilder(binary.toString(), config().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    awaitStatus(s -> s.programStart() > 0, Duration.ofSeconds(20))
        .orElseThrow(() -> new IllegalStateException("Nagios wrote no status.dat: " + log()));
    family = new ArrayList<>(process.descendants().toList());
    return this;
  }

  Path dir() {
    return dir;
  }

  Path config() {
    return dir.resolve("nagios.cfg");
  }

  Path statusFile() {
    return dir.resolve("status.dat");
  }

  Path commandFile() {
    return dir.resolve("rw/nagios.cmd");
  }

  Path objectCache() {
    return dir.resolve("objects.cache");
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Sends external commands. */
  void command(String... lines) throws Exception {
    new CommandFile(commandFile()).send(List.of(lines));
  }

  /** Reads status.dat (every object) until {@code done} holds or the timeout passes. */
  Optional<StatusSnapshot> awaitStatus(Predicate<StatusSnapshot> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<StatusSnapshot> last = Optional.empty();
    while (true) {
      try {
        last = Optional.of(StatusReader.read(statusFile(), Interest.all()));
        if (done.test(last.get())) {
          return last;
        }
      } catch (IOException e) {
        // not written yet, or being replaced
      }
      if (System.nanoTime() > deadline) {
        return last.filter(done);
      }
      Thread.sleep(100);
    }
  }

  /** Freezes Nagios (SIGSTOP): status.dat stops being rewritten. */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a frozen Nagios run again (SIGCONT). */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
    if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
    }
  }

  String log() {
    try {
      return Files.readString(dir.resolve("nagios.log"));
    } catch (IOException e) {
      return "(no nagios.log: " + e + ")";
    }
  }

  /**
   * Stops Nagios by its PID and every worker it forked; safe to call twice. Interrupted, it kills
   * them at once and keeps the thread's interrupt.
   */
  @Override
  public void close() throws IOException {
    if (process == null) {
      return;
    }
    List<ProcessHandle> left = new ArrayList<>(family);
    left.addAll(process.descendants().toList());
    try {
      if (process.isAlive()) {
        signal("CONT");
      }
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    for (ProcessHandle h : left) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    process = null;
    keepLog();
  }

  /** Copies nagios.log to target/nagios-logs, for a failed run's post-mortem. */
  private void keepLog() {
    try {
      Path logs = Files.createDirectories(Path.of("target", "nagios-logs"));
      Files.copy(
          dir.resolve("nagios.log"),
          logs.resolve(dir.getParent().getFileName() + "-" + dir.getFileName() + ".log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // the log is a convenience
    }
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }
}
