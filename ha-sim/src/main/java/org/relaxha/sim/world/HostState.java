package org.relaxha.sim.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.relaxha.sim.HostModel;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.VmId;

/**
 * One physical host: power, network, its domains and its 5-minute load average (an exponential
 * average of the load its running VMs create, as the Linux kernel computes it). Not thread-safe.
 */
final class HostState {
  private static final double LOAD_WINDOW_SECONDS = 300;

  final Host spec;
  final HostModel model;
  boolean powered = true;
  boolean network = true;
  final Map<VmId, Domain> domains = new TreeMap<>();
  private double load;
  private double runnable;
  private Instant loadAt;

  HostState(Host spec, HostModel model, Instant now) {
    this.spec = spec;
    this.model = model;
    this.loadAt = now;
  }

  /** Whether the controller and the monitors reach it. */
  boolean answers() {
    return powered && network;
  }

  Domain domain(VmId vm, Instant now) {
    return domains.computeIfAbsent(vm, v -> new Domain(v, now));
  }

  /** The 5-minute load average now. */
  double loadAt(Instant now) {
    double dt = Math.max(0, Duration.between(loadAt, now).toMillis() / 1000.0);
    return runnable + (load - runnable) * Math.exp(-dt / LOAD_WINDOW_SECONDS);
  }

  /** Sets the runnable load from now on (the average follows it). */
  void runnable(double value, Instant now) {
    load = loadAt(now);
    loadAt = now;
    runnable = value;
  }

  /** Starts the average at its steady state (the host has run like this for a long time). */
  void settle(double value, Instant now) {
    runnable = value;
    load = value;
    loadAt = now;
  }
}
