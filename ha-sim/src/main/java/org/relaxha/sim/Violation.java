package org.relaxha.sim;

import java.time.Instant;
import org.relaxha.spi.Require;

/**
 * An invariant the simulated run broke: a VM on two hosts, a start on an unfenced host's behalf, a
 * placement over capacity, a skipped rung, a VM neither running nor given up with a notification.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at when, in virtual time
 * @param invariant which one, in a few words
 * @param detail what happened
 */
public record Violation(Instant at, String invariant, String detail) {
  /** Validates every field. */
  public Violation {
    Require.nonNull(at, "at");
    Require.nonBlank(invariant, "invariant");
    Require.nonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return at + " " + invariant + ": " + detail;
  }
}
