package org.relaxha.core.detect;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
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
  private final Map<Criticality, PhiAccrual> phi;

  private DetectionPolicy(Map<Criticality, CheckClass> classes, Map<Criticality, PhiAccrual> phi) {
    this.classes = Map.copyOf(classes);
    this.phi = Map.copyOf(phi);
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

  /**
   * The phi accrual settings of a criticality, if its silence is judged by phi accrual rather than
   * by whole missed intervals (none by default).
   */
  public Optional<PhiAccrual> phiAccrualOf(Criticality criticality) {
    return Optional.ofNullable(phi.get(criticality));
  }

  @Override
  public String toString() {
    return "DetectionPolicy"
        + new EnumMap<>(classes)
        + (phi.isEmpty() ? "" : " phiAccrual" + new EnumMap<>(phi));
  }

  /** Builds a {@link DetectionPolicy}. Not thread-safe. */
  public static final class Builder {
    private final Map<Criticality, CheckClass> classes = new EnumMap<>(Criticality.class);
    private final Map<Criticality, PhiAccrual> phi = new EnumMap<>(Criticality.class);

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

    /**
     * Judges the silence of subjects of {@code criticality} by phi accrual: for heartbeat-like
     * sources (observations that arrive on their own at a steady rate). The class's interval is the
     * first estimate of the heartbeat interval and its miss threshold still counts failed
     * observations; silence makes the subject SUSPECT and then DOWN at the detector's deadlines.
     */
    public Builder phiAccrual(Criticality criticality, PhiAccrual settings) {
      phi.put(Require.nonNull(criticality, "criticality"), Require.nonNull(settings, "phiAccrual"));
      return this;
    }

    public DetectionPolicy build() {
      return new DetectionPolicy(classes, phi);
    }
  }
}
