package org.relaxha.examples.run;

import java.util.List;
import java.util.Locale;
import org.relaxha.core.runtime.HaController;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * An administrator's request to a running controller: confirm a host off, release the safety valve,
 * put a host in or out of maintenance, or reset a VM that RelaxHA gave up on. Written as one line
 * of text ({@link #line()}) into the controller's request inbox.
 *
 * <p>Immutable and thread-safe.
 *
 * @param action {@code confirm-fenced}, {@code release-hold}, {@code maintenance-on}, {@code
 *     maintenance-off} or {@code reset-vm}
 * @param target the host or VM, empty for {@code release-hold}
 * @param operator who asks (for the audit trail)
 */
public record OperatorRequest(String action, String target, String operator) {
  /** The actions a request may name. */
  public static final List<String> ACTIONS =
      List.of("confirm-fenced", "release-hold", "maintenance-on", "maintenance-off", "reset-vm");

  /** Validates every field. */
  public OperatorRequest {
    Require.nonNull(action, "action");
    if (!ACTIONS.contains(action)) {
      throw new IllegalArgumentException("unknown action '" + action + "'; known: " + ACTIONS);
    }
    Require.nonNull(target, "target");
    Require.nonBlank(operator, "operator");
    if (operator.contains(" ")) {
      throw new IllegalArgumentException("operator must be one word, was '" + operator + "'");
    }
    if (!action.equals("release-hold")) {
      Require.nonBlank(target, action + " target");
    }
  }

  /** The request as one line: {@code ACTION TARGET OPERATOR} ({@code -} for no target). */
  public String line() {
    return action + " " + (target.isEmpty() ? "-" : target) + " " + operator;
  }

  /** Parses {@link #line()}. */
  public static OperatorRequest parse(String line) {
    String[] parts = line.trim().split("\\s+");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "expected 'ACTION TARGET OPERATOR', got '" + line.trim() + "'");
    }
    return new OperatorRequest(
        parts[0].toLowerCase(Locale.ROOT), parts[1].equals("-") ? "" : parts[1], parts[2]);
  }

  /**
   * Hands the request to {@code controller}; throws IllegalArgumentException for an unknown
   * subject.
   */
  public void applyTo(HaController controller) {
    switch (action) {
      case "confirm-fenced" -> controller.confirmFenced(HostId.of(target), operator);
      case "release-hold" -> controller.releaseHold(operator);
      case "maintenance-on" -> controller.setMaintenance(HostId.of(target), true, operator);
      case "maintenance-off" -> controller.setMaintenance(HostId.of(target), false, operator);
      default -> controller.resetVm(VmId.of(target), operator);
    }
  }
}
