package org.relaxha.monitor.ganglia;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;

/**
 * Maps Ganglia hosts to configured subjects: the {@link MappingRule}s in order (first match wins),
 * then, with {@code autoMap}, a Ganglia name equal to a configured host or VM name, or whose short
 * name (up to the first dot) is.
 *
 * <p>Immutable and thread-safe.
 */
final class HostMapper {
  private final List<MappingRule> rules;
  private final boolean autoMap;
  private final Topology topology;
  private final Set<SubjectId> fixedTargets;

  /**
   * Resolves every fixed target now.
   *
   * @throws IllegalArgumentException naming the rule whose subject is not configured
   */
  HostMapper(List<MappingRule> rules, boolean autoMap, Topology topology) {
    this.rules = List.copyOf(rules);
    this.autoMap = autoMap;
    this.topology = Require.nonNull(topology, "topology");
    Set<SubjectId> targets = new TreeSet<>();
    for (int i = 0; i < this.rules.size(); i++) {
      MappingRule rule = this.rules.get(i);
      if (rule.fixed()) {
        try {
          targets.add(Subjects.resolve(rule.subject(), topology));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("map[" + i + "].subject: " + e.getMessage(), e);
        }
      }
    }
    this.fixedTargets = Set.copyOf(targets);
  }

  /** The subjects the rules name outright (not through regex groups or autoMap). */
  Set<SubjectId> fixedTargets() {
    return fixedTargets;
  }

  /** Where the Ganglia host {@code name} with address {@code ip} belongs. */
  Mapping map(String name, String ip) {
    for (MappingRule rule : rules) {
      Optional<String> target = rule.apply(name, ip);
      if (target.isPresent()) {
        try {
          return new Mapping.Mapped(Subjects.resolve(target.get(), topology));
        } catch (IllegalArgumentException e) {
          return new Mapping.Unresolved(rule + " gives " + e.getMessage());
        }
      }
    }
    if (autoMap) {
      Optional<SubjectId> same = byName(name);
      int dot = name.indexOf('.');
      if (same.isEmpty() && dot > 0) {
        same = byName(name.substring(0, dot));
      }
      if (same.isPresent()) {
        return new Mapping.Mapped(same.get());
      }
    }
    return new Mapping.Unmapped();
  }

  private Optional<SubjectId> byName(String name) {
    try {
      HostId host = HostId.of(name);
      if (topology.contains(host)) {
        return Optional.of(host);
      }
      VmId vm = VmId.of(name);
      return topology.contains(vm) ? Optional.of(vm) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The outcome of mapping one Ganglia host. */
  sealed interface Mapping {
    /** It is this configured subject. */
    record Mapped(SubjectId subject) implements Mapping {}

    /** No rule matched and autoMap found nothing. */
    record Unmapped() implements Mapping {}

    /** A rule matched, but its target is not a configured subject. */
    record Unresolved(String problem) implements Mapping {}
  }
}
