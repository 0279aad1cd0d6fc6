package org.relaxha.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Host;

/**
 * Fencing through a hypervisor that still answers: destroy every VM on the host and read the
 * inventory back to prove none runs. It proves the host unable to run its VMs (not the host off),
 * which is what keeps a VM from running twice. Used after the configured fencers, when enabled.
 *
 * <p>Thread-safe as far as the hypervisors are.
 */
final class HypervisorFencer implements Fencer {
  private final Wiring wiring;

  HypervisorFencer(Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public String name() {
    return "hypervisor";
  }

  @Override
  public FenceResult fence(Host host) {
    Optional<Hypervisor> hyp = wiring.hypervisorFor(host.id());
    if (hyp.isEmpty()) {
      return new FenceResult.NotApplicable("no hypervisor manages " + host.id());
    }
    InventoryResult before = hyp.get().inventory(host.id());
    if (before instanceof InventoryResult.Unreachable u) {
      return new FenceResult.Failed(
          "hypervisor on " + host.id() + " does not answer: " + u.reason());
    }
    List<String> destroyed = new ArrayList<>();
    for (VmStatus s : ((InventoryResult.Listed) before).vms()) {
      if (s.state().mayBeRunning()) {
        ActionResult r = hyp.get().stopVm(s.vm(), host.id());
        if (!r.succeeded()) {
          return new FenceResult.Failed("could not destroy " + s.vm() + ": " + r.detail());
        }
        destroyed.add(s.vm().name());
      }
    }
    InventoryResult after = hyp.get().inventory(host.id());
    if (!(after instanceof InventoryResult.Listed listed)) {
      return new FenceResult.Failed("hypervisor stopped answering while fencing " + host.id());
    }
    for (VmStatus s : listed.vms()) {
      if (s.state().mayBeRunning()) {
        return new FenceResult.Failed(s.vm() + " is still " + s.state() + " after destroy");
      }
    }
    return new FenceResult.Fenced(
        "hypervisor " + hyp.get().name(),
        destroyed.isEmpty()
            ? "inventory shows no VM running"
            : "destroyed " + destroyed + "; inventory shows none running");
  }
}
