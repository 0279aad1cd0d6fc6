package org.relaxha.core.detect;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Criticality;

/**
 * The check interval and miss threshold of each criticality class. The defaults are the GHAX
 * paper's 20 s / 40 s / 60 s with two misses to DOWN (one failure is SUSPECT, so a single lost
 * probe never moves a VM).
 *
 * <p>Immutable and thread-safe.
 */
public final class DetectionPolicy {
  private final Map<Criticality, CheckClass> classes;

  private DetectionPolicy(Map<Criticality, CheckClass> classes) {
    this.classes = Map.copyOf(classes);
  }

  /** HIGH every 20 s, MEDIUM every 40 s, LOW every 60 s; two misses to DOWN. */
  public static DetectionPolicy ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The check class of a criticality. */
  public CheckClass classOf(Criticality criticality) {
    return classes.get(criticality);
  }

  @Override
  public String toString() {
    return "DetectionPolicy" + new EnumMap<>(classes);
  }

  /** Builds a {@link DetectionPolicy}. Not thread-safe. */
  public static final class Builder {
    private final Map<Criticality, CheckClass> classes = new EnumMap<>(Criticality.class);

    private Builder() {
      classes.put(Criticality.HIGH, new CheckClass(Duration.ofSeconds(20), 2));
      classes.put(Criticality.MEDIUM, new CheckClass(Duration.ofSeconds(40), 2));
      classes.put(Criticality.LOW, new CheckClass(Duration.ofSeconds(60), 2));
    }

    /** Sets the class of one criticality. */
    public Builder check(Criticality criticality, Duration interval, int missThreshold) {
      classes.put(
          Require.nonNull(criticality, "criticality"), new CheckClass(interval, missThreshold));
      return this;
    }

    public DetectionPolicy build() {
      return new DetectionPolicy(classes);
    }
  }
}
