package org.relaxha.spi.model;

import org.relaxha.spi.Require;

/**
 * An amount of compute: CPU in cores (fractions allowed) and memory in MiB. Used both for a host's
 * capacity and for a VM's demand.
 *
 * <p>Immutable and thread-safe.
 */
public record Resources(double cpus, long memoryMib) {
  /** No resources. */
  public static final Resources ZERO = new Resources(0, 0);

  /** Validates that both amounts are finite and not negative. */
  public Resources {
    Require.atLeast(cpus, 0.0, "cpus");
    Require.atLeast(memoryMib, 0, "memoryMib");
  }

  /** Shorthand constructor. */
  public static Resources of(double cpus, long memoryMib) {
    return new Resources(cpus, memoryMib);
  }

  /** The component-wise sum. */
  public Resources plus(Resources other) {
    return new Resources(cpus + other.cpus, memoryMib + other.memoryMib);
  }

  /** The component-wise difference, floored at zero. */
  public Resources minus(Resources other) {
    return new Resources(Math.max(0, cpus - other.cpus), Math.max(0, memoryMib - other.memoryMib));
  }

  /** Whether {@code demand} fits inside this amount in both dimensions. */
  public boolean fits(Resources demand) {
    return demand.cpus <= cpus + 1e-9 && demand.memoryMib <= memoryMib;
  }
}
