package org.relaxha.sim.world;

import java.time.Duration;

/**
 * How much virtual time the SPI call being made has cost so far: simulated adapters charge it,
 * {@link SimCallRunner} reads it and delivers the call's outcome that much later. Confined to the
 * simulation's thread.
 */
public final class Costs {
  private Duration total = Duration.ZERO;

  /** Adds {@code d} to the current call. */
  public void charge(Duration d) {
    total = total.plus(d);
  }

  /** Starts a new call. */
  void begin() {
    total = Duration.ZERO;
  }

  /** What the call cost. */
  Duration end() {
    Duration t = total;
    total = Duration.ZERO;
    return t;
  }
}
