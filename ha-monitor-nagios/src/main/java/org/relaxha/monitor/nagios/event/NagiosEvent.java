package org.relaxha.monitor.nagios.event;

import java.util.Locale;
import java.util.Objects;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectStatus;

/**
 * One state change Nagios pushed through {@code relaxha-nagios-event}, and its wire form: one line
 * of tab-separated fields, {@code relaxha-nagios-event/1 KIND HOST SERVICE STATE TYPE ATTEMPT
 * LASTCHECK OUTPUT}, where KIND is {@code host} or {@code service} (SERVICE then empty for a host),
 * STATE Nagios's numeric state, TYPE {@code HARD} or {@code SOFT}, LASTCHECK epoch seconds. Tabs
 * and line breaks inside values are sent as spaces.
 *
 * <p>Uses the JDK only (the event client runs without the SPI jar). Immutable and thread-safe.
 *
 * @param object the host or service
 * @param state Nagios's numeric state
 * @param hard whether the state is HARD
 * @param attempt the check attempt
 * @param lastCheck when the check ran, in epoch seconds
 * @param output the plugin output
 */
public record NagiosEvent(
    NagiosObject object, int state, boolean hard, int attempt, long lastCheck, String output) {

  /** The first field of every line: the protocol and its version. */
  public static final String MAGIC = "relaxha-nagios-event/1";

  /** The longest line accepted, in bytes. */
  public static final int MAX_LINE_BYTES = 16 * 1024;

  /** The longest output sent. */
  public static final int MAX_OUTPUT = 4 * 1024;

  /** Validates every field. */
  public NagiosEvent {
    Objects.requireNonNull(object, "object");
    if (state < 0 || state > (object.isHost() ? 2 : 3)) {
      throw new IllegalArgumentException(
          "state "
              + state
              + " is not a Nagios state of a "
              + (object.isHost() ? "host (0-2)" : "service (0-3)"));
    }
    if (attempt < 1 || lastCheck < 0) {
      throw new IllegalArgumentException("attempt must be >= 1 and lastCheck >= 0");
    }
    output = flat(Objects.requireNonNull(output, "output"));
    if (output.length() > MAX_OUTPUT) {
      output = output.substring(0, MAX_OUTPUT);
    }
  }

  /** The event as the status of its object (flags unknown: checks and notifications on). */
  public ObjectStatus toStatus() {
    return new ObjectStatus(
        object, state, hard, attempt, attempt, lastCheck, true, true, true, false, 0, output);
  }

  /** The wire line, without its newline. */
  public String encode() {
    return String.join(
        "\t",
        MAGIC,
        object.isHost() ? "host" : "service",
        flat(object.host()),
        flat(object.service().orElse("")),
        Integer.toString(state),
        hard ? "HARD" : "SOFT",
        Integer.toString(attempt),
        Long.toString(lastCheck),
        output);
  }

  /**
   * Parses a wire line.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static NagiosEvent decode(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 9 || !f[0].equals(MAGIC)) {
      throw new IllegalArgumentException(
          "expected 9 tab-separated fields starting with " + MAGIC + ", got " + f.length);
    }
    boolean host =
        switch (f[1]) {
          case "host" -> true;
          case "service" -> false;
          default -> throw new IllegalArgumentException("kind must be host or service: " + f[1]);
        };
    if (host != f[3].isEmpty()) {
      throw new IllegalArgumentException(
          host ? "a host event has no service" : "a service event needs a service");
    }
    NagiosObject object = host ? NagiosObject.host(f[2]) : NagiosObject.service(f[2], f[3]);
    return new NagiosEvent(
        object,
        number(f[4], "state"),
        hard(f[5]),
        number(f[6], "attempt"),
        Long.parseLong(checkDigits(f[7], "lastCheck")),
        f[8]);
  }

  /** Parses a state given as a number or a name ({@code CRITICAL}, {@code DOWN}, ...). */
  public static int state(boolean host, String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    for (int i = 0; i < 4; i++) {
      if (ObjectStatus.stateName(host, i).equals(t)) {
        return i;
      }
    }
    return number(t, "state");
  }

  /** Parses {@code HARD} or {@code SOFT} in any case. */
  public static boolean hard(String text) {
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "HARD" -> true;
      case "SOFT" -> false;
      default -> throw new IllegalArgumentException("state type must be HARD or SOFT: " + text);
    };
  }

  private static int number(String text, String field) {
    return Integer.parseInt(checkDigits(text.strip(), field));
  }

  private static String checkDigits(String text, String field) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(field + " must be a number: '" + text + "'");
    }
    return text;
  }

  private static String flat(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
