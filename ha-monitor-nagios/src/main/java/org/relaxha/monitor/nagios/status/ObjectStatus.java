package org.relaxha.monitor.nagios.status;

import java.util.Objects;

/**
 * The state of one Nagios host or service as {@code status.dat} (or a pushed event) shows it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param object which host or service
 * @param state Nagios's numeric state: hosts 0 UP, 1 DOWN, 2 UNREACHABLE; services 0 OK, 1 WARNING,
 *     2 CRITICAL, 3 UNKNOWN
 * @param hard whether the state is HARD ({@code state_type=1})
 * @param attempt the current check attempt
 * @param maxAttempts the attempts before a failure becomes HARD
 * @param lastCheck when the last check ran, in epoch seconds (0 if never)
 * @param checked whether it has been checked at all ({@code has_been_checked})
 * @param activeChecks whether active checks are enabled
 * @param notifications whether notifications are enabled
 * @param acknowledged whether its problem has been acknowledged
 * @param downtimeDepth how many downtimes are in effect ({@code scheduled_downtime_depth})
 * @param output the first line of the plugin output, at most {@link #MAX_OUTPUT} characters
 */
public record ObjectStatus(
    NagiosObject object,
    int state,
    boolean hard,
    int attempt,
    int maxAttempts,
    long lastCheck,
    boolean checked,
    boolean activeChecks,
    boolean notifications,
    boolean acknowledged,
    int downtimeDepth,
    String output) {

  /** The longest plugin output kept. */
  public static final int MAX_OUTPUT = 512;

  /** Validates and shortens the output. */
  public ObjectStatus {
    Objects.requireNonNull(object, "object");
    output = shorten(Objects.requireNonNull(output, "output"));
  }

  /** Reads a {@code hoststatus} or {@code servicestatus} block. */
  public static ObjectStatus of(NagiosObject object, Block b) {
    return new ObjectStatus(
        object,
        (int) b.number("current_state", 3),
        b.number("state_type", 0) == 1,
        (int) b.number("current_attempt", 1),
        (int) b.number("max_attempts", 1),
        b.number("last_check", 0),
        b.flag("has_been_checked", false),
        b.flag("active_checks_enabled", true),
        b.flag("notifications_enabled", true),
        b.flag("problem_has_been_acknowledged", false),
        (int) b.number("scheduled_downtime_depth", 0),
        b.text("plugin_output"));
  }

  /** The name of the state, e.g. {@code DOWN} or {@code CRITICAL}. */
  public String stateName() {
    return stateName(object.isHost(), state);
  }

  /** The name of a numeric Nagios state. */
  public static String stateName(boolean host, int state) {
    String[] names =
        host
            ? new String[] {"UP", "DOWN", "UNREACHABLE"}
            : new String[] {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
    return state >= 0 && state < names.length ? names[state] : "STATE" + state;
  }

  /** {@code HARD} or {@code SOFT}. */
  public String stateType() {
    return hard ? "HARD" : "SOFT";
  }

  private static String shorten(String text) {
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    return first.length() <= MAX_OUTPUT ? first : first.substring(0, MAX_OUTPUT - 3) + "...";
  }
}
