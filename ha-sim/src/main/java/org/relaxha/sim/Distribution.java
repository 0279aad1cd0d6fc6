package org.relaxha.sim;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.relaxha.spi.Require;

/**
 * How long something takes in the simulated data center (a boot, a reinstall, a call): a fixed
 * duration, a uniform range, or a normal distribution cut at a floor. Samples are drawn from the
 * generator the simulator hands in, so a run is deterministic for its seed.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Distribution {

  /** Draws one duration (never negative). */
  Duration sample(RandomGenerator random);

  /** The mean of the distribution. */
  Duration mean();

  /** Always {@code value}. */
  record Fixed(Duration value) implements Distribution {
    public Fixed {
      Require.nonNegative(value, "fixed duration");
    }

    @Override
    public Duration sample(RandomGenerator random) {
      return value;
    }

    @Override
    public Duration mean() {
      return value;
    }

    @Override
    public String toString() {
      return Durations.format(value);
    }
  }

  /** Uniform between {@code min} and {@code max} (both included). */
  record Uniform(Duration min, Duration max) implements Distribution {
    public Uniform {
      Require.nonNegative(min, "uniform.min");
      Require.nonNull(max, "uniform.max");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("uniform.max must not be less than min");
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      long span = max.toMillis() - min.toMillis();
      return min.plusMillis(span == 0 ? 0 : random.nextLong(span + 1));
    }

    @Override
    public Duration mean() {
      return min.plus(max).dividedBy(2);
    }

    @Override
    public String toString() {
      return Durations.format(min) + ".." + Durations.format(max);
    }
  }

  /** Normal with this mean and standard deviation, never below {@code floor}. */
  record Normal(Duration mean, Duration sd, Duration floor) implements Distribution {
    public Normal {
      Require.nonNegative(mean, "normal.mean");
      Require.nonNegative(sd, "normal.sd");
      Require.nonNegative(floor, "normal.floor");
    }

    @Override
    public Duration sample(RandomGenerator random) {
      double ms = mean.toMillis() + random.nextGaussian() * sd.toMillis();
      return Duration.ofMillis(Math.max(floor.toMillis(), Math.round(ms)));
    }

    @Override
    public String toString() {
      return Durations.format(mean) + " ± " + Durations.format(sd);
    }
  }

  /** A fixed duration. */
  static Distribution fixed(Duration value) {
    return new Fixed(value);
  }

  /** A fixed number of seconds. */
  static Distribution seconds(long value) {
    return new Fixed(Duration.ofSeconds(value));
  }

  /** Uniform between two numbers of seconds. */
  static Distribution uniformSeconds(long min, long max) {
    return new Uniform(Duration.ofSeconds(min), Duration.ofSeconds(max));
  }

  /** Normal in seconds, floored at a tenth of the mean. */
  static Distribution normalSeconds(double mean, double sd) {
    Duration m = Duration.ofMillis(Math.round(mean * 1000));
    return new Normal(m, Duration.ofMillis(Math.round(sd * 1000)), m.dividedBy(10));
  }
}
