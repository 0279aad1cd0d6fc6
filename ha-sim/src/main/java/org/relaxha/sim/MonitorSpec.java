package org.relaxha.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.SubjectId;

/**
 * A simulated monitoring source, with the delays of its kind.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface MonitorSpec {

  /** The monitor's name (observations carry it). */
  String name();

  /**
   * A Nagios-like poller: each covered subject is checked every {@code interval} of its
   * criticality, at its own phase; after a failed check it is checked again after {@code
   * retryInterval}; the {@code maxCheckAttempts}-th consecutive failure is a HARD state, reported
   * as authoritative (0: never). With {@code checkParents}, a VM whose check fails gets its host
   * checked at once (Nagios parents). It implements the monitoring write-back (mute, unmute, VM
   * moved).
   */
  record Nagios(
      String name,
      Map<Criticality, Duration> interval,
      Map<Criticality, Duration> retryInterval,
      int maxCheckAttempts,
      Distribution latency,
      Set<SubjectId.Kind> covers,
      boolean checkParents)
      implements MonitorSpec {
    public Nagios {
      Require.nonBlank(name, "monitor.name");
      interval = complete(interval, "interval");
      retryInterval = complete(retryInterval, "retryInterval");
      Require.atLeast(maxCheckAttempts, 0, "monitor.maxCheckAttempts");
      Require.nonNull(latency, "monitor.latency");
      covers = Set.copyOf(Require.nonNull(covers, "monitor.covers"));
    }

    /** A poller that checks a failing VM's parent host at once. */
    public Nagios(
        String name,
        Map<Criticality, Duration> interval,
        Map<Criticality, Duration> retryInterval,
        int maxCheckAttempts,
        Distribution latency,
        Set<SubjectId.Kind> covers) {
      this(name, interval, retryInterval, maxCheckAttempts, latency, covers, true);
    }

    /**
     * Checks every 20 / 40 / 60 s (GHAX), no faster retry, HARD after 3, parents checked, hosts VMs
     * services.
     */
    public static Nagios ofDefaults() {
      Map<Criticality, Duration> every = ghaxIntervals();
      return new Nagios(
          "nagios",
          every,
          every,
          3,
          Distribution.fixed(Duration.ofMillis(500)),
          EnumSet.allOf(SubjectId.Kind.class));
    }
  }

  /**
   * A Ganglia-like feed: every covered host and VM runs gmond, which sends a heartbeat every {@code
   * heartbeat}; the controller reads gmetad every {@code poll} and sees a subject whose last
   * heartbeat is older than {@code deadAfter} as unreachable (hosts carry {@code load_five}).
   */
  record Ganglia(
      String name,
      Duration heartbeat,
      Duration deadAfter,
      Duration poll,
      Distribution latency,
      Set<SubjectId.Kind> covers)
      implements MonitorSpec {
    public Ganglia {
      Require.nonBlank(name, "monitor.name");
      Require.positive(heartbeat, "monitor.heartbeat");
      Require.positive(deadAfter, "monitor.deadAfter");
      Require.positive(poll, "monitor.poll");
      Require.nonNull(latency, "monitor.latency");
      covers = Set.copyOf(Require.nonNull(covers, "monitor.covers"));
      if (covers.contains(SubjectId.Kind.SERVICE)) {
        throw new IllegalArgumentException("monitor.covers: ganglia sees hosts and vms only");
      }
    }

    /** Heartbeats every 20 s (TMAX), dead after 80 s (4 x TMAX), read every 60 s. */
    public static Ganglia ofDefaults() {
      return new Ganglia(
          "ganglia",
          Duration.ofSeconds(20),
          Duration.ofSeconds(80),
          Duration.ofSeconds(60),
          Distribution.fixed(Duration.ofMillis(500)),
          EnumSet.of(SubjectId.Kind.HOST, SubjectId.Kind.VM));
    }
  }

  /**
   * A hypervisor event feed with near-zero lag: a VM crashed (authoritative), a guest finished
   * booting, a host's connection was lost or came back. It covers nothing: its silence means
   * nothing.
   */
  record Events(String name, Distribution latency) implements MonitorSpec {
    public Events {
      Require.nonBlank(name, "monitor.name");
      Require.nonNull(latency, "monitor.latency");
    }

    /** Events within 1 s. */
    public static Events ofDefaults() {
      return new Events("events", Distribution.fixed(Duration.ofSeconds(1)));
    }
  }

  /** HIGH 20 s, MEDIUM 40 s, LOW 60 s. */
  static Map<Criticality, Duration> ghaxIntervals() {
    Map<Criticality, Duration> m = new EnumMap<>(Criticality.class);
    m.put(Criticality.HIGH, Duration.ofSeconds(20));
    m.put(Criticality.MEDIUM, Duration.ofSeconds(40));
    m.put(Criticality.LOW, Duration.ofSeconds(60));
    return m;
  }

  private static Map<Criticality, Duration> complete(Map<Criticality, Duration> m, String what) {
    Require.nonNull(m, "monitor." + what);
    for (Criticality c : Criticality.values()) {
      Duration d = m.get(c);
      if (d == null) {
        throw new IllegalArgumentException("monitor." + what + " must give every criticality");
      }
      Require.positive(d, "monitor." + what + "." + c.name().toLowerCase(java.util.Locale.ROOT));
    }
    return Map.copyOf(m);
  }
}
