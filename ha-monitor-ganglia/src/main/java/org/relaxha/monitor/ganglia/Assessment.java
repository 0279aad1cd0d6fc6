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
 */
record Assessment(
    Map<SubjectId, HostReport> fresh,
    Map<SubjectId, String> staleOnly,
    List<String> unmapped,
    List<String> unresolved) {

  Assessment {
    fresh = Map.copyOf(fresh);
    staleOnly = Map.copyOf(staleOnly);
    unmapped = List.copyOf(unmapped);
    unresolved = List.copyOf(unresolved);
  }

  /** Why this document cannot be trusted for every mapped subject, if it cannot. */
  Optional<String> problem() {
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
