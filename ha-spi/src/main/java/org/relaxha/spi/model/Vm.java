package org.relaxha.spi.model;

import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * A virtual machine as configured.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the VM's name
 * @param demand CPU cores and memory it needs on a host; its CPU also counts as the load it adds to
 *     a host's 5-minute load average when placement projects a plan
 * @param criticality how often it is checked
 * @param mac its boot MAC address, needed for PXE reinstallation
 * @param restartPriority higher starts first after a host failure
 * @param reinstallAllowed whether the ladder may reinstall it from scratch
 * @param antiAffinityGroup VMs of one group never share a host
 * @param storagePool the shared pool holding its disks; empty means any host can run it
 * @param homeHost the host it is expected on at start-up; the hypervisor's inventory corrects it
 */
public record Vm(
    VmId id,
    Resources demand,
    Criticality criticality,
    Optional<MacAddress> mac,
    int restartPriority,
    boolean reinstallAllowed,
    Optional<String> antiAffinityGroup,
    Optional<String> storagePool,
    Optional<HostId> homeHost) {

  /** Validates every field. */
  public Vm {
    Require.nonNull(id, "vm.id");
    String where = "vm " + id + ": ";
    Require.nonNull(demand, where + "demand");
    Require.nonNull(criticality, where + "criticality");
    Require.nonNull(mac, where + "mac");
    Require.nonNull(antiAffinityGroup, where + "antiAffinityGroup");
    Require.nonNull(storagePool, where + "storagePool");
    Require.nonNull(homeHost, where + "homeHost");
    antiAffinityGroup.ifPresent(g -> Require.nonBlank(g, where + "antiAffinityGroup"));
    storagePool.ifPresent(p -> Require.nonBlank(p, where + "storagePool"));
  }

  /** A builder with defaults: 1 CPU, 512 MiB, MEDIUM, priority 0, no reinstall, no group. */
  public static Builder builder(String name) {
    return new Builder(VmId.of(name));
  }

  /** A copy of this VM with another home host. */
  public Vm withHomeHost(HostId host) {
    return new Vm(
        id,
        demand,
        criticality,
        mac,
        restartPriority,
        reinstallAllowed,
        antiAffinityGroup,
        storagePool,
        Optional.of(host));
  }

  /** Builds a {@link Vm}. Not thread-safe. */
  public static final class Builder {
    private final VmId id;
    private Resources demand = Resources.of(1, 512);
    private Criticality criticality = Criticality.MEDIUM;
    private MacAddress mac;
    private int restartPriority;
    private boolean reinstallAllowed;
    private String antiAffinityGroup;
    private String storagePool;
    private HostId homeHost;

    private Builder(VmId id) {
      this.id = id;
    }

    public Builder demand(double cpus, long memoryMib) {
      this.demand = Resources.of(cpus, memoryMib);
      return this;
    }

    public Builder criticality(Criticality value) {
      this.criticality = value;
      return this;
    }

    public Builder mac(String value) {
      this.mac = MacAddress.of(value);
      return this;
    }

    public Builder restartPriority(int value) {
      this.restartPriority = value;
      return this;
    }

    public Builder reinstallAllowed(boolean value) {
      this.reinstallAllowed = value;
      return this;
    }

    public Builder antiAffinityGroup(String value) {
      this.antiAffinityGroup = value;
      return this;
    }

    public Builder storagePool(String value) {
      this.storagePool = value;
      return this;
    }

    public Builder homeHost(String host) {
      this.homeHost = HostId.of(host);
      return this;
    }

    public Vm build() {
      return new Vm(
          id,
          demand,
          criticality,
          Optional.ofNullable(mac),
          restartPriority,
          reinstallAllowed,
          Optional.ofNullable(antiAffinityGroup),
          Optional.ofNullable(storagePool),
          Optional.ofNullable(homeHost));
    }
  }
}
