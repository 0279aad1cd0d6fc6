package org.relaxha.monitor.nagios.command;

import java.time.Duration;
import java.time.Instant;
import org.relaxha.monitor.nagios.status.NagiosObject;

/**
 * Builds Nagios external command lines ({@code [time] NAME;arg;...}) for hosts and services. Names
 * containing {@code ;} or a line break cannot be addressed by an external command and are refused
 * with an {@link IllegalArgumentException}; free text (comments) has them replaced.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExternalCommands {
  private ExternalCommands() {}

  /** {@code SCHEDULE_HOST_DOWNTIME} or {@code SCHEDULE_SVC_DOWNTIME}: fixed, starting now. */
  public static String scheduleDowntime(
      NagiosObject o, Instant now, Duration length, String author, String comment) {
    long start = now.getEpochSecond();
    long end = start + length.toSeconds();
    return line(
        now,
        o.isHost() ? "SCHEDULE_HOST_DOWNTIME" : "SCHEDULE_SVC_DOWNTIME",
        target(o)
            + ";"
            + start
            + ";"
            + end
            + ";1;0;"
            + length.toSeconds()
            + ";"
            + author
            + ";"
            + text(comment));
  }

  /** {@code DEL_HOST_DOWNTIME} or {@code DEL_SVC_DOWNTIME} by id. */
  public static String deleteDowntime(NagiosObject o, long id, Instant now) {
    return line(now, o.isHost() ? "DEL_HOST_DOWNTIME" : "DEL_SVC_DOWNTIME", Long.toString(id));
  }

  /** {@code DISABLE_HOST_CHECK} or {@code DISABLE_SVC_CHECK}. */
  public static String disableChecks(NagiosObject o, Instant now) {
    return line(now, o.isHost() ? "DISABLE_HOST_CHECK" : "DISABLE_SVC_CHECK", target(o));
  }

  /** {@code ENABLE_HOST_CHECK} or {@code ENABLE_SVC_CHECK}. */
  public static String enableChecks(NagiosObject o, Instant now) {
    return line(now, o.isHost() ? "ENABLE_HOST_CHECK" : "ENABLE_SVC_CHECK", target(o));
  }

  /** {@code DISABLE_HOST_NOTIFICATIONS} or {@code DISABLE_SVC_NOTIFICATIONS}. */
  public static String disableNotifications(NagiosObject o, Instant now) {
    return line(
        now, o.isHost() ? "DISABLE_HOST_NOTIFICATIONS" : "DISABLE_SVC_NOTIFICATIONS", target(o));
  }

  /** {@code ENABLE_HOST_NOTIFICATIONS} or {@code ENABLE_SVC_NOTIFICATIONS}. */
  public static String enableNotifications(NagiosObject o, Instant now) {
    return line(
        now, o.isHost() ? "ENABLE_HOST_NOTIFICATIONS" : "ENABLE_SVC_NOTIFICATIONS", target(o));
  }

  /** A sticky, silent, non-persistent acknowledgement of the current problem. */
  public static String acknowledge(NagiosObject o, Instant now, String author, String comment) {
    return line(
        now,
        o.isHost() ? "ACKNOWLEDGE_HOST_PROBLEM" : "ACKNOWLEDGE_SVC_PROBLEM",
        target(o) + ";2;0;0;" + author + ";" + text(comment));
  }

  /** {@code REMOVE_HOST_ACKNOWLEDGEMENT} or {@code REMOVE_SVC_ACKNOWLEDGEMENT}. */
  public static String removeAcknowledgement(NagiosObject o, Instant now) {
    return line(
        now, o.isHost() ? "REMOVE_HOST_ACKNOWLEDGEMENT" : "REMOVE_SVC_ACKNOWLEDGEMENT", target(o));
  }

  /** A persistent comment. */
  public static String addComment(NagiosObject o, Instant now, String author, String comment) {
    return line(
        now,
        o.isHost() ? "ADD_HOST_COMMENT" : "ADD_SVC_COMMENT",
        target(o) + ";1;" + author + ";" + text(comment));
  }

  /** {@code DEL_HOST_COMMENT} or {@code DEL_SVC_COMMENT} by id. */
  public static String deleteComment(NagiosObject o, long id, Instant now) {
    return line(now, o.isHost() ? "DEL_HOST_COMMENT" : "DEL_SVC_COMMENT", Long.toString(id));
  }

  /** {@code RESTART_PROGRAM}: Nagios rereads its configuration (a reload, same process). */
  public static String restartProgram(Instant now) {
    return "[" + now.getEpochSecond() + "] RESTART_PROGRAM";
  }

  private static String line(Instant now, String command, String args) {
    return "[" + now.getEpochSecond() + "] " + command + ";" + args;
  }

  private static String target(NagiosObject o) {
    return o.service().map(s -> name(o.host()) + ";" + name(s)).orElse(name(o.host()));
  }

  private static String name(String name) {
    if (name.indexOf(';') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "Nagios name '"
              + name
              + "' contains ';' or a line break: no external command can"
              + " address it");
    }
    return name;
  }

  /** Free text made safe for the last field of a command: one line, no ';'. */
  public static String text(String text) {
    String flat = text.replace('\n', ' ').replace('\r', ' ').replace(';', ',').strip();
    return flat.length() <= 1000 ? flat : flat.substring(0, 997) + "...";
  }
}
