package org.relaxha.testkit.file;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relaxha.spi.Require;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * A snapshot of a {@link FileBackedWorld}: each host's power and network state and the power state
 * of each VM defined on it, as of event {@link #sequence()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence the last event applied (0 for a new world)
 * @param hosts every host, by name
 */
public record WorldState(long sequence, Map<HostId, HostState> hosts) {

  /** A new, empty world. */
  public static final WorldState EMPTY = new WorldState(0, Map.of());

  /**
   * One host.
   *
   * @param poweredOn whether it has power
   * @param reachable whether it is connected (a powered host may be cut off)
   * @param vms the VMs defined on it and their power states
   */
  public record HostState(boolean poweredOn, boolean reachable, Map<VmId, PowerState> vms) {
    /** Copies the VM map, sorted by name. */
    public HostState {
      vms = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(vms, "vms")));
    }

    /** Whether it answers: powered on and reachable. */
    public boolean isUp() {
      return poweredOn && reachable;
    }
  }

  /** Validates and copies the host map, sorted by name. */
  public WorldState {
    Require.atLeast(sequence, 0, "sequence");
    hosts = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(hosts, "hosts")));
  }

  /** One host's state, if the world has it. */
  public Optional<HostState> host(HostId host) {
    return Optional.ofNullable(hosts.get(host));
  }

  /** The state of {@code vm} on {@code host}; empty if it is not defined there. */
  public Optional<PowerState> stateOf(VmId vm, HostId host) {
    return host(host).map(h -> h.vms().get(vm));
  }

  /** Every VM defined on any host. */
  public Set<VmId> vms() {
    Set<VmId> all = new TreeSet<>();
    hosts.values().forEach(h -> all.addAll(h.vms().keySet()));
    return Collections.unmodifiableSet(all);
  }

  /**
   * The powered-on hosts where {@code vm} may be running, reachable or not; more than one is a
   * split brain.
   */
  public Set<HostId> runningHostsOf(VmId vm) {
    Set<HostId> result = new TreeSet<>();
    hosts.forEach(
        (id, h) -> {
          PowerState state = h.vms().get(vm);
          if (h.poweredOn() && state != null && state.mayBeRunning()) {
            result.add(id);
          }
        });
    return Collections.unmodifiableSet(result);
  }

  /** The state after {@code event}; events are total, so replaying a log always succeeds. */
  WorldState apply(WorldEvent event) {
    Map<HostId, HostState> next = new TreeMap<>(hosts);
    HostState h = next.get(event.host());
    if (event.type() == WorldEvent.Type.ADD_HOST) {
      next.putIfAbsent(event.host(), new HostState(true, true, Map.of()));
      return new WorldState(event.sequence(), next);
    }
    if (h == null) {
      return new WorldState(event.sequence(), next);
    }
    Map<VmId, PowerState> vms = new TreeMap<>(h.vms());
    boolean on = h.poweredOn();
    boolean reachable = h.reachable();
    VmId vm = event.vm().orElse(null);
    switch (event.type()) {
      case DEFINE -> vms.put(vm, event.state().orElse(PowerState.SHUT_OFF));
      case START -> vms.put(vm, PowerState.RUNNING);
      case STOP -> vms.computeIfPresent(vm, (k, s) -> PowerState.SHUT_OFF);
      case CRASH_VM -> vms.computeIfPresent(vm, (k, s) -> PowerState.CRASHED);
      case POWER_OFF, FENCE -> {
        on = false;
        vms.replaceAll((k, s) -> s == PowerState.CRASHED ? s : PowerState.SHUT_OFF);
      }
      case POWER_ON -> on = true;
      case ISOLATE -> reachable = false;
      case RECONNECT -> reachable = true;
      default -> {
        // REBOOT changes nothing; ADD_HOST was handled above.
      }
    }
    next.put(event.host(), new HostState(on, reachable, vms));
    return new WorldState(event.sequence(), next);
  }
}
