package org.relaxha.monitor.nagios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Writes status.dat files the way Nagios 4 does (blocks of key=value lines, a new file renamed into
 * place), for tests that must not depend on a running Nagios. Not thread-safe.
 */
public final class StatusText {
  private final StringBuilder text = new StringBuilder();

  private StatusText(long created) {
    text.append("########################################\n#          NAGIOS STATUS FILE\n")
        .append("########################################\n\n")
        .append("info {\n\tcreated=")
        .append(created)
        .append("\n\tversion=4.4.6\n\t}\n\n")
        .append("programstatus {\n\tnagios_pid=4242\n\tprogram_start=")
        .append(created - 60)
        .append("\n\t}\n\n");
  }

  /** A file written at {@code created}. */
  public static StatusText at(Instant created) {
    return new StatusText(created.getEpochSecond());
  }

  /** A host status block. */
  public StatusText host(String name, int state, boolean hard, int attempt, long lastCheck) {
    return block("hoststatus", "host_name=" + name, state, hard, attempt, lastCheck, "");
  }

  /** A service status block. */
  public StatusText service(
      String host, String service, int state, boolean hard, int attempt, long lastCheck) {
    return block(
        "servicestatus",
        "host_name=" + host + "\n\tservice_description=" + service,
        state,
        hard,
        attempt,
        lastCheck,
        "");
  }

  /** A host status block with extra key=value lines. */
  public StatusText host(String name, int state, long lastCheck, String extra) {
    return block("hoststatus", "host_name=" + name, state, true, 1, lastCheck, extra);
  }

  /** Any text. */
  public StatusText raw(String more) {
    text.append(more);
    return this;
  }

  private StatusText block(
      String type,
      String names,
      int state,
      boolean hard,
      int attempt,
      long lastCheck,
      String extra) {
    text.append(type)
        .append(" {\n\t")
        .append(names)
        .append("\n\thas_been_checked=")
        .append(lastCheck > 0 ? 1 : 0)
        .append("\n\tcurrent_state=")
        .append(state)
        .append("\n\tstate_type=")
        .append(hard ? 1 : 0)
        .append("\n\tcurrent_attempt=")
        .append(attempt)
        .append("\n\tmax_attempts=2")
        .append("\n\tlast_check=")
        .append(lastCheck)
        .append("\n\tplugin_output=state ")
        .append(state)
        .append("\n\tactive_checks_enabled=1\n\tnotifications_enabled=1")
        .append("\n\tproblem_has_been_acknowledged=0\n\tscheduled_downtime_depth=0\n");
    if (!extra.isEmpty()) {
      text.append('\t').append(extra.replace("\n", "\n\t")).append('\n');
    }
    text.append("\t}\n\n");
    return this;
  }

  /** Writes the text to a temporary file next to {@code file} and renames it into place. */
  public void writeTo(Path file) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
