package org.relaxha.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.storage.Lease;
import org.relaxha.spi.storage.LeaseResult;
import org.relaxha.spi.storage.StorageBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence against running a VM twice. Before a start it asks every reachable host
 * where the VM runs (running on the target already: done, nothing started; running anywhere else:
 * refused), then takes the VM's disk lease when a storage backend is configured ("no lease, no
 * start"), and only then starts it. A stop is verified by reading the inventory back. Both are
 * idempotent, which is what lets a restarted controller re-issue an interrupted command.
 *
 * <p>Thread-safe.
 */
final class StartGuard {
  private static final Logger LOG = LoggerFactory.getLogger(StartGuard.class);

  private final Wiring wiring;
  private final Topology topology;
  private final Duration leaseTtl;
  private final Map<VmId, Lease> leases = new ConcurrentHashMap<>();

  StartGuard(Wiring wiring, Topology topology, Duration leaseTtl) {
    this.wiring = wiring;
    this.topology = topology;
    this.leaseTtl = leaseTtl;
  }

  ActionResult start(VmId vmId, HostId target) {
    Optional<Hypervisor> hyp = wiring.hypervisorFor(target);
    if (hyp.isEmpty()) {
      return ActionResult.failed("no hypervisor manages host " + target);
    }
    List<String> unanswered = new ArrayList<>();
    for (Hypervisor h : wiring.hypervisors()) {
      for (HostId host : h.hosts()) {
        InventoryResult inv = h.inventory(host);
        if (inv instanceof InventoryResult.Listed l && l.mayRun(vmId)) {
          return host.equals(target)
              ? ActionResult.done("already running on " + target + "; not started again")
              : ActionResult.failed(
                  "it is "
                      + l.stateOf(vmId).orElseThrow()
                      + " on "
                      + host
                      + "; refusing to start it twice");
        }
        if (inv instanceof InventoryResult.Unreachable u) {
          if (host.equals(target)) {
            return ActionResult.unreachable("target " + target + " does not answer: " + u.reason());
          }
          unanswered.add(host.name());
        }
      }
    }
    Optional<ActionResult> refused = takeLease(vmId, target);
    if (refused.isPresent()) {
      return refused.get();
    }
    Vm vm = topology.vms().get(vmId);
    ActionResult r = hyp.get().startVm(vm, target);
    if (!unanswered.isEmpty()) {
      LOG.info(
          "started {} on {} without an answer from {} (the engine holds them proven off or not hosting it)",
          vmId,
          target,
          unanswered);
    }
    return r;
  }

  /**
   * Power-cycles {@code vm} on {@code host} unless a reachable host other than {@code host} runs it
   * (a late command must never create a second copy).
   */
  ActionResult powerCycle(VmId vmId, HostId host) {
    Optional<ActionResult> refused = runningElsewhere(vmId, host);
    if (refused.isPresent()) {
      return refused.get();
    }
    Hypervisor hyp = wiring.hypervisorFor(host).orElseThrow();
    return hyp.powerCycleVm(topology.vms().get(vmId), host);
  }

  /** Reinstalls {@code vm} on {@code host} unless a reachable host other than it runs the VM. */
  ActionResult reinstall(VmId vmId, HostId host) {
    if (wiring.provisioner().isEmpty()) {
      return ActionResult.failed("no provisioner configured");
    }
    Optional<ActionResult> refused = runningElsewhere(vmId, host);
    if (refused.isPresent()) {
      return refused.get();
    }
    return wiring.provisioner().get().reinstall(topology.vms().get(vmId), host);
  }

  private Optional<ActionResult> runningElsewhere(VmId vmId, HostId host) {
    if (wiring.hypervisorFor(host).isEmpty()) {
      return Optional.of(ActionResult.failed("no hypervisor manages host " + host));
    }
    for (Hypervisor h : wiring.hypervisors()) {
      for (HostId other : h.hosts()) {
        if (!other.equals(host)
            && h.inventory(other) instanceof InventoryResult.Listed l
            && l.mayRun(vmId)) {
          return Optional.of(
              ActionResult.failed(
                  "it is "
                      + l.stateOf(vmId).orElseThrow()
                      + " on "
                      + other
                      + "; refusing to run a second copy on "
                      + host));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<ActionResult> takeLease(VmId vm, HostId target) {
    if (wiring.storage().isEmpty()) {
      return Optional.empty();
    }
    StorageBackend storage = wiring.storage().get();
    LeaseResult lease = storage.acquireLease(vm, target, leaseTtl);
    if (lease instanceof LeaseResult.Granted g) {
      leases.put(vm, g.lease());
      return Optional.empty();
    }
    if (lease instanceof LeaseResult.Held h) {
      return Optional.of(
          ActionResult.retryable(
              "disk lease held by " + h.holder() + " until " + h.until() + "; no lease, no start"));
    }
    return Optional.of(
        ActionResult.unreachable(
            "storage " + storage.name() + ": " + ((LeaseResult.Unavailable) lease).reason()));
  }

  ActionResult stopAndVerify(VmId vm, HostId host) {
    Optional<Hypervisor> hyp = wiring.hypervisorFor(host);
    if (hyp.isEmpty()) {
      return ActionResult.failed("no hypervisor manages host " + host);
    }
    ActionResult stopped = hyp.get().stopVm(vm, host);
    if (!stopped.succeeded()) {
      return stopped;
    }
    InventoryResult inv = hyp.get().inventory(host);
    if (inv instanceof InventoryResult.Unreachable u) {
      return ActionResult.unreachable(
          "stopped, but the inventory could not be read back: " + u.reason());
    }
    InventoryResult.Listed listed = (InventoryResult.Listed) inv;
    if (listed.mayRun(vm)) {
      return ActionResult.retryable(
          "still " + listed.stateOf(vm).orElseThrow() + " on " + host + " after stop");
    }
    releaseLease(vm, host);
    return ActionResult.done(
        "verified off on "
            + host
            + " ("
            + listed.stateOf(vm).map(Enum::name).orElse("not defined")
            + ")");
  }

  private void releaseLease(VmId vm, HostId host) {
    Lease lease = leases.get(vm);
    if (lease != null && lease.holder().equals(host) && wiring.storage().isPresent()) {
      wiring.storage().get().releaseLease(lease);
      leases.remove(vm, lease);
    }
  }

  /** Renews every lease this controller holds; called from the inventory poll. */
  void renewLeases() {
    if (wiring.storage().isEmpty()) {
      return;
    }
    for (Lease lease : List.copyOf(leases.values())) {
      LeaseResult r = wiring.storage().get().renewLease(lease, leaseTtl);
      if (r instanceof LeaseResult.Granted g) {
        leases.put(lease.vm(), g.lease());
      } else {
        LOG.warn("could not renew the disk lease of {} on {}: {}", lease.vm(), lease.holder(), r);
      }
    }
  }
}
