package org.relaxha.spi.placement;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.VmId;

/**
 * A VM that no host can take now, and why: for each constraint, how many hosts it excluded (each
 * host is counted under the first constraint that excluded it, in {@link Constraint} order).
 *
 * <p>Immutable and thread-safe.
 */
public record Deferral(VmId vm, Map<Constraint, Integer> excludedBy) {
  /** Validates and copies. */
  public Deferral {
    Require.nonNull(vm, "deferral.vm");
    Require.nonNull(excludedBy, "deferral.excludedBy");
    excludedBy = excludedBy.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(excludedBy));
  }

  /** A readable reason such as {@code no host fits: LOAD x3, MEMORY x2}. */
  public String reason() {
    if (excludedBy.isEmpty()) {
      return "no host fits: placement had no host to consider";
    }
    return new EnumMap<>(excludedBy)
        .entrySet().stream()
            .map(e -> e.getKey() + " x" + e.getValue())
            .collect(Collectors.joining(", ", "no host fits: ", ""));
  }
}
