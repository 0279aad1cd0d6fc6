package org.relaxha.core.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.SourceStatus;

/**
 * Every subject's detector, and the rules between them. It reports a {@link Verdict} whenever a
 * subject's health as the engine should see it changes:
 *
 * <ul>
 *   <li>silence counts as missed checks only for subjects a running monitor covers;
 *   <li>a subject whose every covering monitor is lost is UNKNOWN, never DOWN;
 *   <li>a VM's alarms are held while its host is SUSPECT or DOWN, a service's while its VM is not
 *       UP; when the holder recovers, the held subject's current verdict is reported.
 * </ul>
 *
 * <p>Not thread-safe: the controller uses it from its loop thread. Reads no clock.
 */
public final class DetectionBoard {
  private final Topology topology;
  private final DetectionPolicy policy;
  private final Map<SubjectId, MissCountDetector> detectors = new TreeMap<>();
  private final Map<SubjectId, Health> reported = new HashMap<>();
  private final Map<SubjectId, Set<String>> coveredBy = new HashMap<>();
  private final Set<String> lostMonitors = new HashSet<>();
  private final Map<VmId, HostId> locations = new HashMap<>();
  private final Map<Criticality, PhiAccrualDetector> phi = new EnumMap<>(Criticality.class);
  private final Map<Criticality, Integer> phiSlots = new EnumMap<>(Criticality.class);

  /** A board for every subject of {@code topology}, counting silence from {@code start}. */
  public DetectionBoard(Topology topology, DetectionPolicy policy, Instant start) {
    this.topology = topology;
    this.policy = policy;
    Map<Criticality, Integer> phiSubjects = new EnumMap<>(Criticality.class);
    topology.hosts().values().forEach(h -> phiSubjects.merge(h.criticality(), 1, Integer::sum));
    topology.vms().values().forEach(v -> phiSubjects.merge(v.criticality(), 1, Integer::sum));
    topology.services().values().forEach(v -> phiSubjects.merge(v.criticality(), 1, Integer::sum));
    phiSubjects.forEach(
        (c, count) ->
            policy
                .phiAccrualOf(c)
                .ifPresent(
                    settings ->
                        phi.put(
                            c,
                            new PhiAccrualDetector(
                                settings, policy.classOf(c).interval(), count))));
    topology.hosts().values().forEach(h -> add(h.id(), h.criticality(), start));
    topology.vms().values().forEach(v -> add(v.id(), v.criticality(), start));
    topology.services().values().forEach(s -> add(s.id(), s.criticality(), start));
    topology.vms().values().forEach(v -> v.homeHost().ifPresent(h -> locations.put(v.id(), h)));
  }

  private void add(SubjectId id, Criticality criticality, Instant start) {
    CheckClass check = policy.classOf(criticality);
    PhiAccrualDetector table = phi.get(criticality);
    PhiSilence silence =
        table == null
            ? null
            : new PhiSilence(
                table,
                phiSlots.merge(criticality, 1, Integer::sum) - 1,
                start,
                check.missThreshold());
    detectors.put(id, new MissCountDetector(check, start, silence));
    reported.put(id, Health.UNKNOWN);
  }

  /** Declares which subjects a monitor covers (silence about them counts as misses). */
  public void cover(String monitor, Set<SubjectId> subjects) {
    for (SubjectId s : subjects) {
      if (detectors.containsKey(s)) {
        coveredBy.computeIfAbsent(s, k -> new TreeSet<>()).add(monitor);
      }
    }
  }

  /**
   * Records where a VM may run now (for muting). A VM that changed host is a new incarnation: its
   * detector and its services' start afresh, and their next verdict is reported even if it equals
   * the last one. Returns the verdicts this changes.
   */
  public List<Verdict> locate(VmId vm, Optional<HostId> host, Instant now) {
    HostId before = host.isPresent() ? locations.put(vm, host.get()) : locations.remove(vm);
    if (Optional.ofNullable(before).equals(host)) {
      return List.of();
    }
    List<SubjectId> fresh = new ArrayList<>();
    fresh.add(vm);
    topology.servicesOf(vm).forEach(s -> fresh.add(s.id()));
    for (SubjectId s : fresh) {
      detectors.get(s).restart(now);
      reported.put(s, Health.UNKNOWN);
    }
    return settle(List.of(vm), now);
  }

  /** Takes one observation. Returns the verdicts that changed. */
  public List<Verdict> observe(Observation o, Instant now) {
    MissCountDetector d = detectors.get(o.subject());
    if (d == null) {
      return List.of();
    }
    d.observe(o);
    return settle(List.of(o.subject()), now);
  }

  /** A monitor's source was lost or came back. Returns the verdicts that changed. */
  public List<Verdict> sourceStatus(SourceStatus status, Instant now) {
    boolean changed =
        status.available()
            ? lostMonitors.remove(status.monitor())
            : lostMonitors.add(status.monitor());
    if (!changed) {
      return List.of();
    }
    List<SubjectId> affected = new ArrayList<>();
    coveredBy.forEach(
        (subject, monitors) -> {
          if (monitors.contains(status.monitor())) {
            affected.add(subject);
            if (status.available()) {
              detectors.get(subject).rebase(status.at());
            }
          }
        });
    return settle(affected, now);
  }

  /** Re-judges every subject at {@code now} (silence). Returns the verdicts that changed. */
  public List<Verdict> sweep(Instant now) {
    return settleAll(new TreeSet<>(detectors.keySet()), now);
  }

  /** The next instant at which silence alone would change some verdict. */
  public Optional<Instant> nextDeadline(Instant now) {
    Instant min = null;
    for (Map.Entry<SubjectId, MissCountDetector> e : detectors.entrySet()) {
      Optional<Instant> at = e.getValue().nextChange(now, expects(e.getKey()));
      if (at.isPresent() && (min == null || at.get().isBefore(min))) {
        min = at.get();
      }
    }
    return Optional.ofNullable(min);
  }

  /** What detection knows about {@code subject}. */
  public SubjectView view(SubjectId subject, Instant now) {
    MissCountDetector d = detectors.get(subject);
    return new SubjectView(
        subject,
        raw(subject, now),
        reported.getOrDefault(subject, Health.UNKNOWN),
        holder(subject, now),
        d == null ? "not configured" : reasonOf(subject, now));
  }

  /** The subject's health before muting: UNKNOWN while all its monitors are lost. */
  public Health raw(SubjectId subject, Instant now) {
    MissCountDetector d = detectors.get(subject);
    if (d == null || allCoveringLost(subject)) {
      return Health.UNKNOWN;
    }
    return d.health(now, expects(subject));
  }

  private boolean expects(SubjectId subject) {
    Set<String> monitors = coveredBy.get(subject);
    return monitors != null && !allLost(monitors);
  }

  private boolean allCoveringLost(SubjectId subject) {
    return allLost(coveredBy.get(subject));
  }

  private boolean allLost(Set<String> monitors) {
    return monitors != null
        && !lostMonitors.isEmpty()
        && !monitors.isEmpty()
        && lostMonitors.containsAll(monitors);
  }

  private String reasonOf(SubjectId subject, Instant now) {
    if (allCoveringLost(subject)) {
      return "monitoring lost: " + coveredBy.get(subject);
    }
    return detectors.get(subject).reason(now, expects(subject));
  }

  /** The subject whose trouble holds this one's alarms. */
  private Optional<SubjectId> holder(SubjectId subject, Instant now) {
    if (subject instanceof VmId vm) {
      HostId host = locations.get(vm);
      if (host != null && troubled(raw(host, now))) {
        return Optional.of(host);
      }
    } else if (subject instanceof ServiceId svc) {
      Optional<SubjectId> vmHolder = holder(svc.vm(), now);
      if (vmHolder.isPresent()) {
        return vmHolder;
      }
      Health vmHealth = raw(svc.vm(), now);
      if (vmHealth != Health.UP && vmHealth != Health.UNKNOWN) {
        return Optional.of(svc.vm());
      }
    }
    return Optional.empty();
  }

  private static boolean troubled(Health h) {
    return h == Health.SUSPECT || h == Health.DOWN;
  }

  /** Re-judges the given subjects and everything below them; reports what changed. */
  private List<Verdict> settle(List<SubjectId> changed, Instant now) {
    Set<SubjectId> affected = new TreeSet<>();
    for (SubjectId s : changed) {
      affected.add(s);
      affected.addAll(dependents(s));
    }
    return settleAll(affected, now);
  }

  private List<Verdict> settleAll(Set<SubjectId> affected, Instant now) {
    List<Verdict> verdicts = new ArrayList<>();
    for (SubjectId s : affected) {
      if (holder(s, now).isPresent()) {
        continue;
      }
      Health h = raw(s, now);
      if (h != reported.get(s)) {
        reported.put(s, h);
        MissCountDetector d = detectors.get(s);
        verdicts.add(new Verdict(s, h, d.reachable(now, expects(s)), reasonOf(s, now), now));
      }
    }
    return verdicts;
  }

  private List<SubjectId> dependents(SubjectId s) {
    List<SubjectId> result = new ArrayList<>();
    if (s instanceof HostId host) {
      locations.forEach(
          (vm, h) -> {
            if (h.equals(host)) {
              result.add(vm);
              result.addAll(dependents(vm));
            }
          });
    } else if (s instanceof VmId vm) {
      topology.servicesOf(vm).forEach(svc -> result.add(svc.id()));
    }
    return result;
  }
}
