package org.relaxha.sim.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.sim.Distribution;
import org.relaxha.sim.Failure;
import org.relaxha.sim.FailureKind;
import org.relaxha.sim.FencingModel;
import org.relaxha.sim.GuestModel;
import org.relaxha.sim.MonitorSpec;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.VmModel;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.Rung;
import org.relaxha.spi.policy.VmLadder;

/**
 * Draws one random chaos schedule from a seed: a small data center (3 to 6 hosts, VMs filling up to
 * about half of them, services), a random mix of monitors, fencing, guest access and policy knobs,
 * and 2 to 7 failures of every kind in the first 40 minutes, overlapping, plus controller restarts
 * shortly after some of them (mid-recovery). The same seed always gives the same schedule.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChaosSchedule {
  /** How long failures are injected; the run then repairs everything and waits. */
  public static final Duration ACTIVE = Duration.ofMinutes(45);

  /** The quiet period after the repair, before the end check. */
  public static final Duration QUIET = Duration.ofMinutes(60);

  private static final FailureKind[] KINDS = FailureKind.values();

  private ChaosSchedule() {}

  /** The schedule of {@code seed}. */
  public static Scenario of(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Topology topology = topology(r);
    Scenario.Builder b =
        Scenario.builder(topology)
            .name("chaos")
            .variant("seed " + Long.toUnsignedString(seed, 16))
            .seed(seed)
            .duration(ACTIVE);
    for (Vm vm : topology.vms().values()) {
      long boot = 15 + r.nextInt(46);
      b.vm(
          new VmModel(
              vm.id(),
              Distribution.uniformSeconds(boot - 5, boot + 5),
              Distribution.uniformSeconds(boot / 2, boot),
              Distribution.uniformSeconds(120, 300),
              vm.demand().cpus() * (0.3 + r.nextDouble() * 0.7)));
    }
    monitors(r, b);
    b.policy(policy(r));
    b.fencing(
        r.nextInt(10) == 0
            ? FencingModel.none()
            : new FencingModel(
                true, Distribution.uniformSeconds(1, 1 + r.nextInt(10)), r.nextInt(4) * 0.05));
    b.guests(new GuestModel(r.nextInt(5) != 0, Distribution.uniformSeconds(1, 5)));
    failures(r, topology).forEach(b::failure);
    return b.build();
  }

  private static Topology topology(SplittableRandom r) {
    int hostCount = 3 + r.nextInt(4);
    List<Host> hosts = new ArrayList<>();
    double[] freeCpu = new double[hostCount];
    long[] freeMem = new long[hostCount];
    for (int i = 0; i < hostCount; i++) {
      int cpus = 8 + 4 * r.nextInt(3);
      long mem = 16384L * (1 + r.nextInt(4));
      hosts.add(
          Host.builder("h" + (i + 1))
              .capacity(cpus, mem)
              .loadThreshold(cpus * 1.5)
              .criticality(criticality(r))
              .build());
      freeCpu[i] = cpus / 2.0;
      freeMem[i] = mem / 2;
    }
    List<Vm> vms = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    Map<String, java.util.Set<Integer>> groups = new java.util.HashMap<>();
    int vmCount = hostCount + r.nextInt(hostCount * 2);
    for (int i = 0; i < vmCount; i++) {
      int cpus = 1 + r.nextInt(3);
      long mem = 1024L * (1 + r.nextInt(6));
      int home = -1;
      for (int k = 0; k < hostCount; k++) {
        int h = (i + k) % hostCount;
        if (freeCpu[h] >= cpus && freeMem[h] >= mem) {
          home = h;
          break;
        }
      }
      if (home < 0) {
        break;
      }
      freeCpu[home] -= cpus;
      freeMem[home] -= mem;
      String name = "vm" + (i + 1);
      Vm.Builder vb =
          Vm.builder(name)
              .homeHost("h" + (home + 1))
              .demand(cpus, mem)
              .criticality(criticality(r))
              .reinstallAllowed(r.nextBoolean())
              .restartPriority(r.nextInt(4));
      String group = "group" + r.nextInt(2);
      if (r.nextInt(5) == 0
          && groupHosts(groups, group).size() < hostCount - 1
          && !groupHosts(groups, group).contains(home)) {
        vb.antiAffinityGroup(group);
        groups.computeIfAbsent(group, g -> new java.util.HashSet<>()).add(home);
      }
      vms.add(vb.build());
      for (int s = r.nextInt(3); s > 0; s--) {
        services.add(new Service(ServiceId.of(name, "svc" + s), criticality(r), "svc" + s));
      }
    }
    return Topology.of(hosts, vms, services);
  }

  private static java.util.Set<Integer> groupHosts(
      Map<String, java.util.Set<Integer>> groups, String group) {
    return groups.getOrDefault(group, java.util.Set.of());
  }

  private static Criticality criticality(SplittableRandom r) {
    return Criticality.values()[r.nextInt(3)];
  }

  private static void monitors(SplittableRandom r, Scenario.Builder b) {
    int fast = 5 + r.nextInt(16);
    Map<Criticality, Duration> every = new EnumMap<>(Criticality.class);
    Map<Criticality, Duration> retry = new EnumMap<>(Criticality.class);
    for (Criticality c : Criticality.values()) {
      every.put(c, Duration.ofSeconds((long) fast * (c.ordinal() + 1)));
      retry.put(c, Duration.ofSeconds(Math.max(1, (long) fast * (c.ordinal() + 1) / 2)));
    }
    boolean nagios = r.nextInt(4) != 0;
    DetectionPolicy.Builder d = DetectionPolicy.builder();
    int misses = 1 + r.nextInt(2);
    if (nagios) {
      b.monitor(
          new MonitorSpec.Nagios(
              "nagios",
              every,
              r.nextBoolean() ? every : retry,
              r.nextInt(4),
              Distribution.fixed(Duration.ofMillis(500)),
              EnumSet.allOf(SubjectId.Kind.class),
              r.nextInt(4) != 0));
      every.forEach((c, i) -> d.check(c, i, misses));
    }
    if (!nagios || r.nextInt(3) == 0) {
      Duration poll = Duration.ofSeconds(10 + r.nextInt(51));
      Duration heartbeat = Duration.ofSeconds(10 + r.nextInt(11));
      b.monitor(
          new MonitorSpec.Ganglia(
              "ganglia",
              heartbeat,
              heartbeat.multipliedBy(2 + r.nextInt(3)),
              poll,
              Distribution.fixed(Duration.ofMillis(500)),
              EnumSet.of(SubjectId.Kind.HOST, SubjectId.Kind.VM)));
      if (!nagios) {
        // Ganglia's news is up to a heartbeat old when it is read: the check interval allows it.
        for (Criticality c : Criticality.values()) {
          d.check(c, poll.plus(heartbeat), misses);
        }
      }
    }
    if (r.nextInt(3) != 0) {
      b.monitor(MonitorSpec.Events.ofDefaults());
    }
    b.detection(d.build());
  }

  private static StandardRecoveryPolicy policy(SplittableRandom r) {
    List<Rung> rungs =
        switch (r.nextInt(6)) {
          case 0 -> List.of(Rung.RESTART);
          case 1 -> List.of(Rung.RESTART, Rung.REINSTALL);
          case 2 -> List.of(Rung.REBOOT, Rung.RESTART);
          default -> List.of(Rung.REBOOT, Rung.RESTART, Rung.REINSTALL);
        };
    VmLadder base = VmLadder.ofDefaults();
    VmLadder ladder =
        new VmLadder(
            rungs,
            Duration.ofSeconds(60 + r.nextInt(180)),
            Duration.ofSeconds(60 + r.nextInt(180)),
            Duration.ofMinutes(8 + r.nextInt(8)),
            Duration.ofMinutes(2 + r.nextInt(10)),
            base.budget(),
            r.nextInt(3) == 0);
    HostRecovery defaults = HostRecovery.ofDefaults();
    HostRecovery host =
        new HostRecovery(
            1 + r.nextInt(3),
            Duration.ofSeconds(5 + r.nextInt(20)),
            1 + r.nextInt(3),
            r.nextInt(4) == 0 ? 1 : 16,
            Duration.ofSeconds(10 + r.nextInt(50)),
            defaults.valve());
    return StandardRecoveryPolicy.builder().vmLadder(ladder).hostRecovery(host).build();
  }

  private static List<Failure> failures(SplittableRandom r, Topology t) {
    List<HostId> hosts = List.copyOf(t.hosts().keySet());
    List<SubjectId> vms = List.copyOf(t.vms().keySet());
    List<SubjectId> services = List.copyOf(t.services().keySet());
    List<Failure> out = new ArrayList<>();
    int count = 2 + r.nextInt(6);
    for (int i = 0; i < count; i++) {
      Duration at = Duration.ofSeconds(60 + r.nextInt(40 * 60));
      FailureKind kind = KINDS[r.nextInt(KINDS.length)];
      if (kind == FailureKind.SERVICE_CRASH && services.isEmpty()) {
        kind = FailureKind.VM_CRASH;
      }
      SubjectId target =
          switch (kind) {
            case SERVICE_CRASH -> pick(r, services);
            case VM_CRASH, VM_HANG, DESTRUCTIVE_CRASH -> pick(r, vms);
            case FLAPPING -> flapTarget(r, hosts, vms, services);
            case CONTROLLER_RESTART -> null;
            default -> pick(r, hosts);
          };
      Failure f =
          Failure.of(at, kind, target)
              .withPeriod(Duration.ofSeconds(5 + r.nextInt(56)))
              .withLatency(Duration.ofSeconds(20 + r.nextInt(180)));
      if (kind == FailureKind.CONTROLLER_RESTART) {
        f = f.lasting(Duration.ofSeconds(r.nextInt(90)));
      } else if (kind == FailureKind.FLAPPING) {
        f = f.lasting(Duration.ofMinutes(1 + r.nextInt(10)));
      } else if (r.nextInt(3) != 0) {
        f = f.lasting(Duration.ofMinutes(1 + r.nextInt(20)));
      }
      out.add(f);
      if (kind.isIncident() && r.nextInt(3) == 0) {
        Duration later = at.plusSeconds(r.nextInt(120));
        out.add(
            Failure.of(later, FailureKind.CONTROLLER_RESTART, null)
                .lasting(Duration.ofSeconds(r.nextInt(60))));
      }
    }
    return out;
  }

  private static SubjectId flapTarget(
      SplittableRandom r, List<HostId> hosts, List<SubjectId> vms, List<SubjectId> services) {
    int which = r.nextInt(3);
    if (which == 0) {
      return pick(r, hosts);
    }
    return which == 1 || services.isEmpty() ? pick(r, vms) : pick(r, services);
  }

  private static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
