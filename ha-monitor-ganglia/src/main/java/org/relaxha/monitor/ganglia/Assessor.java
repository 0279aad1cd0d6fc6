package org.relaxha.monitor.ganglia;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.HostReport;
import org.relaxha.spi.model.SubjectId;

/**
 * Turns a document into an {@link Assessment}: maps every host, keeps the freshest report per
 * subject (a host seen in several clusters or grids, e.g. through two gmetads, counts once; a
 * report from a cluster copy fresher than {@code staleAfter} beats a stale one, then the smaller TN
 * wins), notes the subjects only stale copies report, and counts the covered subjects present.
 *
 * <p>Immutable and thread-safe; pure.
 */
final class Assessor {
  private final HostMapper mapper;
  private final long staleAfterSeconds;
  private final Set<SubjectId> covers;

  Assessor(HostMapper mapper, GangliaConfig config, Set<SubjectId> covers) {
    this.mapper = mapper;
    this.staleAfterSeconds = config.staleAfter().toSeconds();
    this.covers = Set.copyOf(covers);
  }

  Assessment assess(GangliaDump dump) {
    Map<SubjectId, HostReport> best = new HashMap<>();
    List<String> unmapped = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (HostReport host : dump.hosts()) {
      HostMapper.Mapping mapping = mapper.map(host.name(), host.ip());
      if (mapping instanceof HostMapper.Mapping.Mapped m) {
        best.merge(m.subject(), host, this::fresher);
      } else if (mapping instanceof HostMapper.Mapping.Unresolved u) {
        unresolved.add(describe(host) + ": " + u.problem());
      } else {
        unmapped.add(describe(host));
      }
    }
    Map<SubjectId, HostReport> fresh = new HashMap<>();
    Map<SubjectId, String> staleOnly = new HashMap<>();
    best.forEach(
        (subject, host) -> {
          if (stale(host)) {
            staleOnly.put(subject, staleness(host));
          } else {
            fresh.put(subject, host);
          }
        });
    int coveredSeen = (int) covers.stream().filter(best::containsKey).count();
    return new Assessment(fresh, staleOnly, unmapped, unresolved, covers.size(), coveredSeen);
  }

  private HostReport fresher(HostReport a, HostReport b) {
    if (stale(a) != stale(b)) {
      return stale(a) ? b : a;
    }
    return b.tn() < a.tn() ? b : a;
  }

  boolean stale(HostReport host) {
    return host.clusterLag() > staleAfterSeconds;
  }

  private String staleness(HostReport host) {
    return "cluster '"
        + host.cluster()
        + "' is "
        + host.clusterLag()
        + " s old (staleAfter "
        + staleAfterSeconds
        + " s)";
  }

  static String describe(HostReport host) {
    return host.ip().isEmpty() ? host.name() : host.name() + " (" + host.ip() + ")";
  }
}
