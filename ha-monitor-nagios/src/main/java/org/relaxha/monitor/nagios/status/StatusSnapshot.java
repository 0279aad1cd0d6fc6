package org.relaxha.monitor.nagios.status;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relaxha.spi.Require;

/**
 * What one read of {@code status.dat} showed about the wanted hosts and services: when Nagios wrote
 * it ({@code info.created}), which Nagios process, their states, and the downtimes and comments on
 * them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param created when Nagios wrote the file ({@link Instant#EPOCH} if it has no {@code info} block)
 * @param version the Nagios version that wrote it, or {@code ""}
 * @param nagiosPid the Nagios process id, or 0
 * @param programStart when that Nagios process last (re)started, in epoch seconds, or 0
 * @param objects the wanted hosts and services
 * @param downtimes the downtimes on wanted objects
 * @param comments the comments on wanted objects
 * @param report what the parser found wrong
 */
public record StatusSnapshot(
    Instant created,
    String version,
    long nagiosPid,
    long programStart,
    Map<NagiosObject, ObjectStatus> objects,
    List<Downtime> downtimes,
    List<Comment> comments,
    ParseReport report) {

  /** Copies the collections. */
  public StatusSnapshot {
    Require.nonNull(created, "created");
    Require.nonNull(version, "version");
    objects = Collections.unmodifiableMap(new TreeMap<>(objects));
    downtimes = List.copyOf(downtimes);
    comments = List.copyOf(comments);
    Require.nonNull(report, "report");
  }

  /** The state of one object, if the file had it. */
  public Optional<ObjectStatus> status(NagiosObject object) {
    return Optional.ofNullable(objects.get(object));
  }

  /** The downtimes on one object. */
  public List<Downtime> downtimesOf(NagiosObject object) {
    return downtimes.stream().filter(d -> d.object().equals(object)).toList();
  }

  /** The comments on one object. */
  public List<Comment> commentsOf(NagiosObject object) {
    return comments.stream().filter(c -> c.object().equals(object)).toList();
  }

  /** Whether the file had an {@code info} block with its creation time. */
  public boolean hasCreationTime() {
    return !created.equals(Instant.EPOCH);
  }
}
