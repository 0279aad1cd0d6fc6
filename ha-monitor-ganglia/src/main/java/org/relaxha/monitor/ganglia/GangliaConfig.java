package org.relaxha.monitor.ganglia;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.monitor.ganglia.xml.GangliaParser;
import org.relaxha.monitor.ganglia.xml.ParseLimits;
import org.relaxha.spi.Require;

/**
 * The settings of one Ganglia monitor. Build one with {@link #builder(String)}; the {@code ganglia}
 * adapter type reads the same settings from its configuration section (see
 * docs/adapters/ganglia.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the monitor's name, in observations and source statuses
 * @param sources where to read Ganglia XML, in order of preference; the next is tried when one
 *     fails
 * @param tmaxMultiple k in the liveness rule: a host is UP while {@code TN <= k x TMAX}
 * @param staleAfter how old a gmetad's copy of a cluster may be (grid LOCALTIME minus cluster
 *     LOCALTIME) before that copy counts as lost monitoring
 * @param maxBackoff the longest wait before a failed source is tried again
 * @param extraMetrics metric names delivered besides {@link GangliaParser#STANDARD_METRICS}
 * @param rules how Ganglia hosts map to subjects, first match wins
 * @param autoMap whether unmatched Ganglia names equal to a configured host or VM name (or whose
 *     short name is) map to it
 * @param covers the subjects the monitor is expected to report (specs as in {@link MappingRule});
 *     absent means the subjects the rules name outright, an empty list means none (silence then
 *     means nothing)
 * @param limits bounds on one document
 */
public record GangliaConfig(
    String name,
    List<GangliaSource> sources,
    double tmaxMultiple,
    Duration staleAfter,
    Duration maxBackoff,
    Set<String> extraMetrics,
    List<MappingRule> rules,
    boolean autoMap,
    Optional<List<String>> covers,
    ParseLimits limits) {

  /** Default poll interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

  /** Default time limit of one poll. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** gmetad's own rule: a host is down when TN exceeds 4 x TMAX. */
  public static final double DEFAULT_TMAX_MULTIPLE = 4.0;

  /** Default age at which a gmetad's copy of a cluster counts as lost. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(30);

  /** Default longest wait before a failed source is tried again. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);

  /** The TMAX assumed for a host that reports none (gmond's default host_tmax). */
  public static final long FALLBACK_TMAX_SECONDS = 20;

  /** Validates every field and copies the collections. */
  public GangliaConfig {
    Require.nonBlank(name, "ganglia.name");
    sources = List.copyOf(Require.nonNull(sources, "ganglia.sources"));
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("ganglia.sources must name at least one source");
    }
    Require.atLeast(tmaxMultiple, 1.0, "ganglia.tmaxMultiple");
    Require.positive(staleAfter, "ganglia.staleAfter");
    Require.positive(maxBackoff, "ganglia.maxBackoff");
    extraMetrics = Set.copyOf(Require.nonNull(extraMetrics, "ganglia.extraMetrics"));
    extraMetrics.forEach(m -> Require.nonBlank(m, "ganglia.extraMetrics[]"));
    rules = List.copyOf(Require.nonNull(rules, "ganglia.rules"));
    covers = Require.nonNull(covers, "ganglia.covers").map(List::copyOf);
    Require.nonNull(limits, "ganglia.limits");
  }

  /** A builder with the defaults and no source yet. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Every metric delivered: the standard ones and the extra ones. */
  public Set<String> metrics() {
    Set<String> all = new TreeSet<>(GangliaParser.STANDARD_METRICS);
    all.addAll(extraMetrics);
    return all;
  }

  /** Every source's address, comma-separated, for messages. */
  public String sourceList() {
    return String.join(", ", sources.stream().map(GangliaSource::address).toList());
  }

  /** Builds a {@link GangliaConfig}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<GangliaSource> sources = new ArrayList<>();
    private Duration interval = DEFAULT_INTERVAL;
    private Duration timeout = DEFAULT_TIMEOUT;
    private double tmaxMultiple = DEFAULT_TMAX_MULTIPLE;
    private Duration staleAfter = DEFAULT_STALE_AFTER;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private final Set<String> extraMetrics = new LinkedHashSet<>();
    private final List<MappingRule> rules = new ArrayList<>();
    private boolean autoMap = true;
    private List<String> covers;
    private ParseLimits limits = ParseLimits.ofDefaults();

    private Builder(String name) {
      this.name = name;
    }

    /** The interval and timeout of sources added by address from now on. */
    public Builder polling(Duration everyInterval, Duration withTimeout) {
      this.interval = Require.positive(everyInterval, "interval");
      this.timeout = Require.positive(withTimeout, "timeout");
      return this;
    }

    /** Adds a source by {@code HOST:PORT}, with the builder's interval and timeout. */
    public Builder source(String address) {
      return source(GangliaSource.parse(address, interval, timeout));
    }

    /** Adds a source. */
    public Builder source(GangliaSource source) {
      sources.add(Require.nonNull(source, "source"));
      return this;
    }

    /** Sets k of the liveness rule {@code TN <= k x TMAX}. */
    public Builder tmaxMultiple(double k) {
      this.tmaxMultiple = k;
      return this;
    }

    /** Sets the age at which a gmetad's copy of a cluster counts as lost. */
    public Builder staleAfter(Duration value) {
      this.staleAfter = value;
      return this;
    }

    /** Sets the longest wait before a failed source is tried again. */
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = value;
      return this;
    }

    /** Adds a metric to deliver besides the standard ones. */
    public Builder metric(String metric) {
      extraMetrics.add(metric);
      return this;
    }

    /** Adds a mapping rule (tried in the order added). */
    public Builder map(MappingRule rule) {
      rules.add(Require.nonNull(rule, "rule"));
      return this;
    }

    /** Whether names equal to a configured host or VM map to it (default true). */
    public Builder autoMap(boolean value) {
      this.autoMap = value;
      return this;
    }

    /** The subjects the monitor must report; default: those the rules name outright. */
    public Builder covers(List<String> subjects) {
      this.covers = List.copyOf(subjects);
      return this;
    }

    /** Bounds on one document. */
    public Builder limits(ParseLimits value) {
      this.limits = value;
      return this;
    }

    /** Validates and builds. */
    public GangliaConfig build() {
      return new GangliaConfig(
          name,
          sources,
          tmaxMultiple,
          staleAfter,
          maxBackoff,
          extraMetrics,
          rules,
          autoMap,
          Optional.ofNullable(covers),
          limits);
    }
  }
}
