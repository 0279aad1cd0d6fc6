package org.relaxha.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.relaxha.core.collect.PMap;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * The engine's whole hard state: one record per VM, host and service, the commands awaiting an
 * outcome, the boot slots in use and the placement queue. Each engine step returns a new state that
 * shares everything it did not change (persistent maps), so keeping old states is cheap.
 *
 * <p>This is what the journal makes durable. Immutable and thread-safe.
 *
 * @param vms every VM's record
 * @param hosts every host's record
 * @param services every service's record
 * @param vmsByHost the VMs whose location is each host, as persistent sets (an index of {@code
 *     vms})
 * @param inflight commands issued and not yet answered, by id
 * @param startQueue VMs assigned a host and waiting for a boot slot, in start order
 * @param bootsByHost VMs booting on each target host
 * @param bootsTotal VMs booting in the whole cluster
 * @param waiting VMs no host could take, with when they started waiting
 * @param queueRetryAt when waiting VMs are offered to placement again, if scheduled
 * @param downHosts the hosts whose verdict is DOWN, with when they went down (for the safety valve)
 * @param valveTripped whether the safety valve holds fencing
 * @param nextCommandId the id of the next command
 * @param now the latest instant the engine has seen
 */
public record EngineState(
    PMap<VmId, VmRecord> vms,
    PMap<HostId, HostRecord> hosts,
    PMap<ServiceId, ServiceRecord> services,
    PMap<HostId, PMap<VmId, Boolean>> vmsByHost,
    PMap<Long, Command> inflight,
    StartQueue startQueue,
    PMap<HostId, Integer> bootsByHost,
    int bootsTotal,
    PMap<VmId, Instant> waiting,
    Optional<Instant> queueRetryAt,
    PMap<HostId, Instant> downHosts,
    boolean valveTripped,
    long nextCommandId,
    Instant now) {

  /** Validates. */
  public EngineState {
    Require.nonNull(vms, "vms");
    Require.nonNull(hosts, "hosts");
    Require.nonNull(services, "services");
    Require.nonNull(vmsByHost, "vmsByHost");
    Require.nonNull(inflight, "inflight");
    Require.nonNull(startQueue, "startQueue");
    Require.nonNull(bootsByHost, "bootsByHost");
    Require.nonNull(waiting, "waiting");
    Require.nonNull(queueRetryAt, "queueRetryAt");
    Require.nonNull(downHosts, "downHosts");
    Require.atLeast(nextCommandId, 1, "nextCommandId");
    Require.nonNull(now, "now");
  }

  /** The record of a VM; throws if the engine does not know it. */
  public VmRecord vm(VmId id) {
    return Require.nonNull(vms.get(id), "unknown vm " + id);
  }

  /** The record of a host; throws if the engine does not know it. */
  public HostRecord host(HostId id) {
    return Require.nonNull(hosts.get(id), "unknown host " + id);
  }

  /** The record of a service; throws if the engine does not know it. */
  public ServiceRecord service(ServiceId id) {
    return Require.nonNull(services.get(id), "unknown service " + id);
  }

  /** The VMs whose location is {@code host}. */
  public Set<VmId> vmsOn(HostId host) {
    PMap<VmId, Boolean> on = vmsByHost.get(host);
    return on == null ? Set.of() : new java.util.TreeSet<>(on.keys());
  }

  /**
   * Where each VM counts against a host's capacity: its location, or the host it is assigned to
   * while it waits for or goes through its start. Placement snapshots are built from this.
   */
  public Map<VmId, HostId> occupancy() {
    Map<VmId, HostId> result = new TreeMap<>();
    vmsByHost.forEach((host, vmIds) -> vmIds.forEach((vm, x) -> result.put(vm, host)));
    for (VmId vm : startQueue) {
      vms.get(vm).target().ifPresent(host -> result.put(vm, host));
    }
    // A VM whose start has not answered yet has no location, but its target is taken.
    vms.forEach(
        (vm, r) -> {
          if (r.phase() == VmPhase.STARTING && r.location().isEmpty()) {
            r.target().ifPresent(host -> result.put(vm, host));
          }
        });
    return result;
  }

  /**
   * Whether the engine still awaits {@code c}: it is in flight and, for a command about one VM or
   * host, that subject's record names it as pending. The shell carries out (or retries) a command
   * only while this holds, so a command the engine has moved past never runs late.
   */
  public boolean awaits(Command c) {
    if (!inflight.containsKey(c.id())) {
      return false;
    }
    if (c instanceof Command.FenceHost f) {
      return host(f.host()).pending() == c.id();
    }
    if (VmRules.aboutOneVm(c)) {
      return vm(VmRules.vmOf(c)).pending() == c.id();
    }
    return true;
  }

  /** Every pending wake-up: per-subject deadlines and the queue retry. For re-arming timers. */
  public List<Command.WakeMeAt> pendingWakeUps() {
    List<Command.WakeMeAt> wakeUps = new ArrayList<>();
    vms.forEach((id, r) -> r.deadline().ifPresent(at -> wakeUps.add(wake(id, at))));
    hosts.forEach((id, r) -> r.deadline().ifPresent(at -> wakeUps.add(wake(id, at))));
    services.forEach((id, r) -> r.deadline().ifPresent(at -> wakeUps.add(wake(id, at))));
    queueRetryAt.ifPresent(
        at -> wakeUps.add(new Command.WakeMeAt(0, Optional.empty(), at, "placement queue")));
    return wakeUps;
  }

  private static Command.WakeMeAt wake(SubjectId subject, Instant at) {
    return new Command.WakeMeAt(0, Optional.of(subject), at, "deadline");
  }
}
