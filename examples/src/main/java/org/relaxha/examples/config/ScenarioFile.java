package org.relaxha.examples.config;

import java.util.List;
import java.util.Optional;
import org.relaxha.sim.Scenario;
import org.relaxha.spi.Require;

/**
 * A loaded lab scenario file: its name, and one {@link Scenario} per variant (one when the file has
 * no variants), all over the same data center and failures.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file, as the user named it
 * @param name the scenario's name
 * @param description what it shows
 * @param variants the variants, in file order
 * @param paper the paper the expectations come from, if any
 */
public record ScenarioFile(
    String file, String name, String description, List<Scenario> variants, Optional<String> paper) {
  /** Validates and copies. */
  public ScenarioFile {
    Require.nonNull(file, "file");
    Require.nonBlank(name, "name");
    Require.nonNull(description, "description");
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a scenario file has at least one variant");
    }
    Require.nonNull(paper, "paper");
  }

  /** The data center, failures and seed (the first variant). */
  public Scenario first() {
    return variants.get(0);
  }
}
