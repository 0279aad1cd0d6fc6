package org.relaxha.sim.world;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.relaxha.sim.FencingModel;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;

/**
 * The {@link Fencer} SPI over a {@link SimWorld}: an IPMI-like device per host that powers the host
 * off out of band (also when the host's network is cut), taking the scenario's latency, failing at
 * its failure rate, and failing or slowing down for a host while a {@code fence-fails} or {@code
 * fence-slow} failure is in force.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
public final class SimFencer implements Fencer {
  private final SimWorld world;
  private final FencingModel model;

  public SimFencer(SimWorld world) {
    this.world = world;
    this.model = world.scenario().fencing();
  }

  @Override
  public String name() {
    return "ipmi";
  }

  @Override
  public FenceResult fence(Host host) {
    HostId id = host.id();
    if (!world.hostIds().contains(id)) {
      return new FenceResult.NotApplicable("no BMC configured for " + id);
    }
    Conditions c = world.fencing();
    Duration takes =
        c.slowUntil(id, world.now()).orElseGet(() -> world.sample(model.latency(), "fence"));
    world.costs().charge(takes);
    if (c.failingUntil(id, world.now())) {
      return new FenceResult.Failed("ipmi: the BMC of " + id + " does not answer");
    }
    if (model.failureRate() > 0
        && world.random("fence-failure").nextDouble() < model.failureRate()) {
      return new FenceResult.Failed("ipmi: power off of " + id + " timed out");
    }
    boolean wasOn = world.isPowered(id);
    world.powerOff(id);
    return new FenceResult.Fenced(
        "ipmi power off", wasOn ? "chassis power is off" : "chassis power was already off");
  }

  /** The fencing failures in force, by host. Confined to the simulation's thread. */
  public static final class Conditions {
    private final Map<HostId, Instant> failing = new HashMap<>();
    private final Map<HostId, Instant> slowUntil = new HashMap<>();
    private final Map<HostId, Duration> slowBy = new HashMap<>();

    void fail(HostId host, Instant until) {
      failing.put(host, until);
    }

    void slow(HostId host, Duration latency, Instant until) {
      slowUntil.put(host, until);
      slowBy.put(host, latency);
    }

    /** Ends every fencing failure (the chaos run's final repair). */
    void clear() {
      failing.clear();
      slowUntil.clear();
    }

    boolean failingUntil(HostId host, Instant now) {
      Instant until = failing.get(host);
      return until != null && now.isBefore(until);
    }

    java.util.Optional<Duration> slowUntil(HostId host, Instant now) {
      Instant until = slowUntil.get(host);
      return until != null && now.isBefore(until)
          ? java.util.Optional.of(slowBy.get(host))
          : java.util.Optional.empty();
    }
  }
}
