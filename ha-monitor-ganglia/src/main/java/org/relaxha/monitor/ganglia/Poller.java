package org.relaxha.monitor.ganglia;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.HostReport;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll cycle: try the due sources in order of preference until one answers with a document that
 * can be trusted for every mapped subject, then deliver one observation per mapped subject. When
 * none can, report the monitor's sources lost (once) and deliver nothing, so that no host is judged
 * from silence or stale data; when one answers again, report it restored.
 *
 * <p>Not thread-safe: the monitor's poller thread runs it.
 */
final class Poller {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  private static final int UNMAPPED_REPORTED = 10_000;

  private final GangliaConfig config;
  private final SourceFetcher fetcher;
  private final Assessor assessor;
  private final Observations observations;
  private final InstantSource clock;
  private final ObservationSink sink;
  private final BooleanSupplier closed;
  private final SourceRotation rotation;
  private final Map<SubjectId, Instant> lastAt = new HashMap<>();
  private final SeenOnce unmapped = new SeenOnce(UNMAPPED_REPORTED);
  private volatile boolean lost;
  private volatile GangliaSource active;

  Poller(
      GangliaConfig config,
      HostMapper mapper,
      Set<SubjectId> covers,
      SourceFetcher fetcher,
      InstantSource clock,
      ObservationSink sink,
      BooleanSupplier closed) {
    this.config = config;
    this.fetcher = fetcher;
    this.assessor = new Assessor(mapper, config, covers);
    this.observations = new Observations(config.name(), config.tmaxMultiple());
    this.clock = clock;
    this.sink = sink;
    this.closed = closed;
    this.rotation = new SourceRotation(config.sources(), config.maxBackoff());
  }

  /** Runs one cycle; returns the nanoseconds to wait before the next. */
  long pollOnce() {
    List<GangliaSource> due = rotation.due(System.nanoTime());
    for (GangliaSource source : due) {
      if (closed.getAsBoolean()) {
        return 0;
      }
      Optional<Assessment> answer = tryOne(source);
      if (answer.isPresent()) {
        rotation.succeeded(source);
        answered(source, answer.get());
        return source.interval().toNanos();
      }
    }
    if (!due.isEmpty()) {
      allFailed();
    }
    long now = System.nanoTime();
    return Math.max(1_000_000, rotation.nextDue(now) - now);
  }

  private Optional<Assessment> tryOne(GangliaSource source) {
    String problem;
    try {
      GangliaDump dump = fetcher.fetch(source);
      Assessment assessment = assessor.assess(dump);
      Optional<String> untrusted = assessment.problem();
      if (untrusted.isEmpty()) {
        return Optional.of(assessment);
      }
      problem = "ganglia source " + source.address() + ": " + untrusted.get();
    } catch (GangliaSourceException e) {
      problem = e.getMessage();
    } catch (RuntimeException e) {
      LOG.error("ganglia monitor {}: unexpected failure reading {}", config.name(), source, e);
      problem = "ganglia source " + source.address() + ": unexpected failure: " + e;
    }
    if (!closed.getAsBoolean()) {
      boolean wasFailing = rotation.failing().containsKey(source);
      rotation.failed(source, problem, System.nanoTime());
      if (!wasFailing) {
        LOG.warn("ganglia monitor {}: {}", config.name(), problem);
      }
    }
    return Optional.empty();
  }

  private void answered(GangliaSource source, Assessment assessment) {
    Instant now = clock.instant();
    if (lost && !closed.getAsBoolean()) {
      lost = false;
      LOG.info("ganglia monitor {}: source {} answers again", config.name(), source.address());
      sink.sourceStatus(SourceStatus.restored(config.name(), source.address(), now));
    }
    if (active != null && !active.equals(source)) {
      LOG.warn(
          "ganglia monitor {}: switched from source {} to {}",
          config.name(),
          active.address(),
          source.address());
    }
    active = source;
    reportUnmapped(assessment);
    deliver(source, assessment, now);
  }

  private void deliver(GangliaSource source, Assessment assessment, Instant now) {
    for (Map.Entry<SubjectId, HostReport> e : assessment.fresh().entrySet()) {
      if (closed.getAsBoolean()) {
        return;
      }
      SubjectId subject = e.getKey();
      Observation o =
          observations.of(subject, e.getValue(), now, lastAt.get(subject), source.address());
      lastAt.put(subject, o.at());
      sink.accept(o);
    }
  }

  private void allFailed() {
    if (lost || closed.getAsBoolean()) {
      return;
    }
    lost = true;
    String errors = rotation.failing().values().stream().collect(Collectors.joining("; "));
    String reason =
        (errors.endsWith(".") ? errors : errors + ".")
            + " Hosts it reports are not judged until a source answers again.";
    LOG.warn("ganglia monitor {}: monitoring lost: {}", config.name(), reason);
    sink.sourceStatus(
        SourceStatus.lost(config.name(), config.sourceList(), reason, clock.instant()));
  }

  private void reportUnmapped(Assessment assessment) {
    for (String host : assessment.unmapped()) {
      if (unmapped.first(host)) {
        LOG.info(
            "ganglia monitor {}: host {} matches no mapping and is ignored", config.name(), host);
      }
    }
    for (String problem : assessment.unresolved()) {
      if (unmapped.first(problem)) {
        LOG.warn("ganglia monitor {}: host {}; ignored", config.name(), problem);
      }
    }
    if (unmapped.overflowFirstTime()) {
      LOG.info(
          "ganglia monitor {}: over {} unmapped hosts; no more are listed",
          config.name(),
          UNMAPPED_REPORTED);
    }
  }

  /** The source in use: the one that answered last, unless every source is failing. */
  Optional<GangliaSource> active() {
    return lost ? Optional.empty() : Optional.ofNullable(active);
  }

  /** The unmapped hosts reported so far. */
  Set<String> unmapped() {
    return unmapped.snapshot();
  }
}
