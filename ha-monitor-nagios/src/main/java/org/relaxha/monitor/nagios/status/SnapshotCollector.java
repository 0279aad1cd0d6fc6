package org.relaxha.monitor.nagios.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link StatusSnapshot} from the blocks of one {@code status.dat} pass, keeping only what
 * its {@link Interest} wants. Block types it does not know (contact status, future additions) are
 * skipped. Downtimes and comments are capped at {@link #MAX_ANNOTATIONS} each, so memory is bounded
 * by the number of wanted objects.
 *
 * <p>Not thread-safe: one per pass.
 */
public final class SnapshotCollector implements BlockParser.Visitor {
  /** The most downtimes, and the most comments, one snapshot keeps. */
  public static final int MAX_ANNOTATIONS = 10_000;

  private final Interest interest;
  private final Map<NagiosObject, ObjectStatus> objects = new HashMap<>();
  private final List<Downtime> downtimes = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private Instant created = Instant.EPOCH;
  private String version = "";
  private long pid;
  private long programStart;

  /** A collector for the objects {@code interest} wants. */
  public SnapshotCollector(Interest interest) {
    this.interest = interest;
  }

  @Override
  public void block(Block b) {
    switch (b.type()) {
      case "info" -> {
        long at = b.number("created", 0);
        created = at > 0 ? Instant.ofEpochSecond(at) : Instant.EPOCH;
        version = b.text("version");
      }
      case "programstatus" -> {
        pid = b.number("nagios_pid", 0);
        programStart = b.number("program_start", 0);
      }
      case "hoststatus", "servicestatus" -> object(b).ifPresent(o -> state(o, b));
      case "hostdowntime", "servicedowntime" -> wanted(b).ifPresent(o -> downtime(o, b));
      case "hostcomment", "servicecomment" -> wanted(b).ifPresent(o -> comment(o, b));
      default -> {
        // contactstatus and anything newer: not ours
      }
    }
  }

  /** The snapshot of everything seen, with the parser's report. */
  public StatusSnapshot snapshot(ParseReport report) {
    return new StatusSnapshot(
        created, version, pid, programStart, objects, downtimes, comments, report);
  }

  private void state(NagiosObject object, Block b) {
    if (interest.wants(object)) {
      objects.put(object, ObjectStatus.of(object, b));
    } else {
      interest.unwanted(object);
    }
  }

  private void downtime(NagiosObject object, Block b) {
    if (downtimes.size() < MAX_ANNOTATIONS) {
      downtimes.add(Downtime.of(object, b));
    }
  }

  private void comment(NagiosObject object, Block b) {
    if (comments.size() < MAX_ANNOTATIONS) {
      comments.add(Comment.of(object, b));
    }
  }

  private Optional<NagiosObject> wanted(Block b) {
    return object(b).filter(interest::wants);
  }

  /** The object a block is about, if it names one. */
  static Optional<NagiosObject> object(Block b) {
    String host = b.text("host_name");
    if (host.isBlank()) {
      return Optional.empty();
    }
    if (!b.type().startsWith("service")) {
      return Optional.of(NagiosObject.host(host));
    }
    String service = b.text("service_description");
    return service.isBlank() ? Optional.empty() : Optional.of(NagiosObject.service(host, service));
  }
}
