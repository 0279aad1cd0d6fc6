package org.relaxha.spi.model;

import org.relaxha.spi.Require;

/**
 * The outcome of an effectful SPI call (start a VM, restart a service, send a notification).
 * Expected failures are values of this type, not exceptions; an exception from an adapter means a
 * bug or a broken environment, and the controller turns it into {@link Failed} with the cause.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ActionResult {

  /** A short explanation for logs and the audit trail. */
  String detail();

  /** Whether the action did what was asked. */
  default boolean succeeded() {
    return this instanceof Done;
  }

  /** The action was carried out (or had already been: calls are idempotent). */
  record Done(String detail) implements ActionResult {
    public Done {
      Require.nonNull(detail, "detail");
    }
  }

  /**
   * The target answered and refused or failed.
   *
   * @param retryable whether the same call may succeed if tried again soon
   */
  record Failed(String detail, boolean retryable) implements ActionResult {
    public Failed {
      Require.nonNull(detail, "detail");
    }
  }

  /** The target did not answer (connection refused, timed out, guest not reachable). */
  record Unreachable(String detail) implements ActionResult {
    public Unreachable {
      Require.nonNull(detail, "detail");
    }
  }

  /** Shorthand for {@code new Done(detail)}. */
  static ActionResult done(String detail) {
    return new Done(detail);
  }

  /** Shorthand for a non-retryable failure. */
  static ActionResult failed(String detail) {
    return new Failed(detail, false);
  }

  /** Shorthand for a retryable failure. */
  static ActionResult retryable(String detail) {
    return new Failed(detail, true);
  }

  /** Shorthand for {@code new Unreachable(detail)}. */
  static ActionResult unreachable(String detail) {
    return new Unreachable(detail);
  }
}
