package org.relaxha.xen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.VmId;

/**
 * Domain look-ups and state mapping, run on the adapter's call threads. Domain handles are freed
 * here as soon as they have been read; a domain that disappears between two calls (undefined by
 * someone else) is treated as absent, not as an error.
 *
 * <p>Thread-safe: the name maps are immutable.
 */
final class Domains {
  private final Map<VmId, String> domainOfVm;
  private final Map<String, VmId> vmOfDomain;

  Domains(LibvirtConfig config) {
    this.domainOfVm = config.domains();
    Map<String, VmId> reverse = new HashMap<>();
    config.domains().forEach((vm, domain) -> reverse.put(domain, vm));
    this.vmOfDomain = Map.copyOf(reverse);
  }

  /** The domain name of a VM. */
  String domainOf(VmId vm) {
    return domainOfVm.getOrDefault(vm, vm.name());
  }

  /** The VM a domain name stands for; empty for a name that is no valid VM name. */
  Optional<VmId> vmOf(String domain) {
    VmId mapped = vmOfDomain.get(domain);
    if (mapped != null) {
      return Optional.of(mapped);
    }
    Optional<VmId> own = safeVm(domain);
    if (own.isPresent() && domainOfVm.containsKey(own.get())) {
      return Optional.empty(); // that VM's domain has another name: this is someone else's
    }
    return own;
  }

  private static Optional<VmId> safeVm(String name) {
    try {
      return Optional.of(VmId.of(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * libvirt's state, as precisely as the SPI can say it: blocked counts as running, a paused or
   * PM-suspended domain still holds its disks (PAUSED), one being shut down is SHUTTING_DOWN, and a
   * state libvirt does not know (NOSTATE) is UNKNOWN, which also counts as possibly running.
   */
  static PowerState powerState(DomainState state) {
    if (state == null) {
      return PowerState.UNKNOWN;
    }
    switch (state) {
      case VIR_DOMAIN_RUNNING:
      case VIR_DOMAIN_BLOCKED:
        return PowerState.RUNNING;
      case VIR_DOMAIN_PAUSED:
      case VIR_DOMAIN_PMSUSPENDED:
        return PowerState.PAUSED;
      case VIR_DOMAIN_SHUTDOWN:
        return PowerState.SHUTTING_DOWN;
      case VIR_DOMAIN_SHUTOFF:
        return PowerState.SHUT_OFF;
      case VIR_DOMAIN_CRASHED:
        return PowerState.CRASHED;
      default:
        return PowerState.UNKNOWN;
    }
  }

  /** Every domain defined or running on the connection, with its state. */
  List<VmStatus> list(Connect c) throws LibvirtException {
    Domain[] all = c.listAllDomains(0);
    List<VmStatus> result = new ArrayList<>(all.length);
    for (Domain d : all) {
      try {
        Optional<VmId> vm = vmOf(d.getName());
        Optional<PowerState> state = state(d);
        if (vm.isPresent() && state.isPresent()) {
          result.add(new VmStatus(vm.get(), state.get()));
        }
      } finally {
        HostLink.free(d);
      }
    }
    return result;
  }

  /** The domain of {@code vm} on the connection, if it is defined there. Free it after use. */
  Optional<Domain> lookup(Connect c, VmId vm) throws LibvirtException {
    try {
      return Optional.of(c.domainLookupByName(domainOf(vm)));
    } catch (LibvirtException e) {
      if (absent(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The domain's state; empty if it vanished meanwhile. */
  static Optional<PowerState> state(Domain d) throws LibvirtException {
    try {
      return Optional.of(powerState(d.getInfo().state));
    } catch (LibvirtException e) {
      if (absent(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Whether libvirt said there is no such domain. */
  static boolean absent(LibvirtException e) {
    return e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN;
  }

  /** Whether libvirt refused because of the domain's state (already running, not running). */
  static boolean invalidForState(LibvirtException e) {
    return e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_OPERATION_INVALID;
  }
}
