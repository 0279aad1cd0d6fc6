package org.relaxha.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.RecoveryPolicy;

/**
 * Everything one simulation needs: the data center (topology, how its hosts and VMs behave), the
 * controller's policy and settings, the monitoring, hypervisor, fencing and guest access the
 * controller gets, the failures to inject, the random seed and how long to run. A run of a scenario
 * is deterministic for its seed.
 *
 * <p>A scenario file may hold several variants of one data center (the paper's policy and RelaxHA's
 * defaults): each is a {@code Scenario} with its own {@link #variant()}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(Topology)}.
 */
public record Scenario(
    String name,
    String variant,
    String description,
    long seed,
    Instant start,
    Duration duration,
    Topology topology,
    Map<HostId, HostModel> hosts,
    Map<VmId, VmModel> vms,
    DetectionPolicy detection,
    RecoveryPolicy policy,
    ControllerModel controller,
    List<MonitorSpec> monitors,
    HypervisorModel hypervisor,
    FencingModel fencing,
    GuestModel guests,
    List<Failure> failures) {

  /** The instant runs start at unless a scenario says otherwise. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-15T09:00:00Z");

  /** Validates, completes the host and VM models with defaults, and sorts the failures. */
  public Scenario {
    Require.nonBlank(name, "scenario.name");
    Require.nonBlank(variant, "scenario.variant");
    Require.nonNull(description, "scenario.description");
    Require.nonNull(start, "scenario.start");
    Require.positive(duration, "scenario.duration");
    Require.nonNull(topology, "scenario.topology");
    hosts = complete(topology, Require.nonNull(hosts, "scenario.hosts"));
    vms = completeVms(topology, Require.nonNull(vms, "scenario.vms"));
    Require.nonNull(detection, "scenario.detection");
    Require.nonNull(policy, "scenario.policy");
    Require.nonNull(controller, "scenario.controller");
    monitors = List.copyOf(Require.nonNull(monitors, "scenario.monitors"));
    Require.nonNull(hypervisor, "scenario.hypervisor");
    Require.nonNull(fencing, "scenario.fencing");
    Require.nonNull(guests, "scenario.guests");
    List<Failure> sorted = new ArrayList<>(Require.nonNull(failures, "scenario.failures"));
    sorted.sort(Comparator.comparing(Failure::at));
    failures = List.copyOf(sorted);
    Set<String> names = new HashSet<>();
    for (MonitorSpec m : monitors) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("monitors: two monitors are named '" + m.name() + "'");
      }
    }
    for (Failure f : failures) {
      f.target()
          .ifPresent(
              t -> {
                if (!topology.contains(t)) {
                  throw new IllegalArgumentException(
                      "failure target " + t.key() + " is not in the topology");
                }
              });
      if (f.at().compareTo(duration) >= 0) {
        throw new IllegalArgumentException(
            "failure at " + Durations.format(f.at()) + " is after the end of the run");
      }
    }
  }

  /** A builder over {@code topology} with every default. */
  public static Builder builder(Topology topology) {
    return new Builder(topology);
  }

  /** A copy with another seed. */
  public Scenario withSeed(long other) {
    return new Scenario(
        name,
        variant,
        description,
        other,
        start,
        duration,
        topology,
        hosts,
        vms,
        detection,
        policy,
        controller,
        monitors,
        hypervisor,
        fencing,
        guests,
        failures);
  }

  /** The failures that start an incident, in time order. */
  public List<Failure> incidents() {
    return failures.stream().filter(f -> f.kind().isIncident()).toList();
  }

  private static Map<HostId, HostModel> complete(Topology t, Map<HostId, HostModel> given) {
    Map<HostId, HostModel> all = new TreeMap<>();
    for (HostId h : t.hosts().keySet()) {
      all.put(h, given.getOrDefault(h, HostModel.ofDefaults(h)));
    }
    for (HostId h : given.keySet()) {
      if (!all.containsKey(h)) {
        throw new IllegalArgumentException("host model for unknown host " + h);
      }
    }
    return java.util.Collections.unmodifiableMap(all);
  }

  private static Map<VmId, VmModel> completeVms(Topology t, Map<VmId, VmModel> given) {
    Map<VmId, VmModel> all = new TreeMap<>();
    for (VmId v : t.vms().keySet()) {
      all.put(v, given.getOrDefault(v, VmModel.ofDefaults(v)));
    }
    for (VmId v : given.keySet()) {
      if (!all.containsKey(v)) {
        throw new IllegalArgumentException("vm model for unknown vm " + v);
      }
    }
    return java.util.Collections.unmodifiableMap(all);
  }

  /** Builds a {@link Scenario}. Not thread-safe. */
  public static final class Builder {
    private final Topology topology;
    private String name = "scenario";
    private String variant = "default";
    private String description = "";
    private long seed = 1;
    private Instant start = DEFAULT_START;
    private Duration duration = Duration.ofHours(1);
    private final Map<HostId, HostModel> hosts = new TreeMap<>();
    private final Map<VmId, VmModel> vms = new TreeMap<>();
    private DetectionPolicy detection = DetectionPolicy.ofDefaults();
    private RecoveryPolicy policy = StandardRecoveryPolicy.ofDefaults();
    private ControllerModel controller = ControllerModel.ofDefaults();
    private final List<MonitorSpec> monitors = new ArrayList<>();
    private HypervisorModel hypervisor = HypervisorModel.ofDefaults();
    private FencingModel fencing = FencingModel.ofDefaults();
    private GuestModel guests = GuestModel.ofDefaults();
    private final List<Failure> failures = new ArrayList<>();

    private Builder(Topology topology) {
      this.topology = Require.nonNull(topology, "topology");
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder variant(String value) {
      this.variant = value;
      return this;
    }

    public Builder description(String value) {
      this.description = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    public Builder duration(Duration value) {
      this.duration = value;
      return this;
    }

    public Builder host(HostModel value) {
      hosts.put(value.host(), value);
      return this;
    }

    public Builder vm(VmModel value) {
      vms.put(value.vm(), value);
      return this;
    }

    public Builder detection(DetectionPolicy value) {
      this.detection = value;
      return this;
    }

    public Builder policy(RecoveryPolicy value) {
      this.policy = value;
      return this;
    }

    public Builder controller(ControllerModel value) {
      this.controller = value;
      return this;
    }

    /** Adds a monitor; with none, the scenario gets {@link MonitorSpec.Nagios#ofDefaults()}. */
    public Builder monitor(MonitorSpec value) {
      monitors.add(value);
      return this;
    }

    public Builder hypervisor(HypervisorModel value) {
      this.hypervisor = value;
      return this;
    }

    public Builder fencing(FencingModel value) {
      this.fencing = value;
      return this;
    }

    public Builder guests(GuestModel value) {
      this.guests = value;
      return this;
    }

    public Builder failure(Failure value) {
      failures.add(value);
      return this;
    }

    public Scenario build() {
      List<MonitorSpec> m =
          monitors.isEmpty() ? List.of(MonitorSpec.Nagios.ofDefaults()) : monitors;
      return new Scenario(
          name,
          variant,
          description,
          seed,
          start,
          duration,
          topology,
          hosts,
          vms,
          detection,
          policy,
          controller,
          m,
          hypervisor,
          fencing,
          guests,
          failures);
    }
  }
}
