package org.relaxha.monitor.ganglia;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaxha.monitor.ganglia.xml.HostReport;
import org.relaxha.spi.model.SubjectId;

/**
 * What one document means for the monitor's subjects: the freshest report of each mapped subject,
 * the mapped subjects that only a stale cluster copy reports, and the hosts no rule maps.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fresh the freshest usable report of each mapped subject
 * @param staleOnly the subjects reported only from stale cluster copies, with why ("cluster c: data
 *     42 s old")
 * @param unmapped Ganglia hosts no rule maps, as {@code name (ip)}
 * @param unresolved Ganglia hosts a rule maps to something that is not configured, with why
 * @param covered how many subjects the monitor covers
 * @param coveredSeen how many of them the document reports at all
 */
record Assessment(
    Map<SubjectId, HostReport> fresh,
    Map<SubjectId, String> staleOnly,
    List<String> unmapped,
    List<String> unresolved,
    int covered,
    int coveredSeen) {

  Assessment {
    fresh = Map.copyOf(fresh);
    staleOnly = Map.copyOf(staleOnly);
    unmapped = List.copyOf(unmapped);
    unresolved = List.copyOf(unresolved);
  }

  /**
   * Why this document cannot be trusted for every mapped subject, if it cannot: some are reported
   * only from a stale cluster copy, or it reports none of the covered subjects at all (the wrong
   * cluster or query, or a gmetad that dropped the cluster), which is not evidence that all of them
   * died.
   */
  Optional<String> problem() {
    if (covered > 0 && coveredSeen == 0) {
      return Optional.of(
          "answers, but reports none of the "
              + covered
              + " subject(s) the monitor covers (wrong source, cluster or query?)");
    }
    if (staleOnly.isEmpty()) {
      return Optional.empty();
    }
    String example = staleOnly.entrySet().iterator().next().getValue();
    return Optional.of(
        "answers, but its copy of "
            + example
            + ": gmetad cannot reach that cluster ("
            + staleOnly.size()
            + " mapped host(s) reported only there)");
  }
}
