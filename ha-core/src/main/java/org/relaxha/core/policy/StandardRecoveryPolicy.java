package org.relaxha.core.policy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.RecoveryPolicy;
import org.relaxha.spi.policy.ServiceLadder;
import org.relaxha.spi.policy.VmLadder;

/**
 * The recovery policy most sites need: one VM ladder (optionally a different one per criticality
 * class), one service ladder and one set of host-failure settings, independent of time.
 *
 * <p>Immutable and thread-safe.
 */
public final class StandardRecoveryPolicy implements RecoveryPolicy {
  private final VmLadder vmLadder;
  private final Map<Criticality, VmLadder> vmLadderByCriticality;
  private final ServiceLadder serviceLadder;
  private final HostRecovery hostRecovery;

  private StandardRecoveryPolicy(Builder builder) {
    this.vmLadder = builder.vmLadder;
    this.vmLadderByCriticality = Map.copyOf(builder.vmLadderByCriticality);
    this.serviceLadder = builder.serviceLadder;
    this.hostRecovery = builder.hostRecovery;
  }

  /** The defaults of {@link VmLadder}, {@link ServiceLadder} and {@link HostRecovery}. */
  public static StandardRecoveryPolicy ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public VmLadder vmLadder(Vm vm, Instant now) {
    return vmLadderByCriticality.getOrDefault(vm.criticality(), vmLadder);
  }

  @Override
  public ServiceLadder serviceLadder(Service service, Instant now) {
    return serviceLadder;
  }

  @Override
  public HostRecovery hostRecovery(Instant now) {
    return hostRecovery;
  }

  @Override
  public String toString() {
    return "StandardRecoveryPolicy[vm="
        + vmLadder
        + ", byCriticality="
        + vmLadderByCriticality
        + ", service="
        + serviceLadder
        + ", host="
        + hostRecovery
        + "]";
  }

  /** Builds a {@link StandardRecoveryPolicy}. Not thread-safe. */
  public static final class Builder {
    private VmLadder vmLadder = VmLadder.ofDefaults();
    private final Map<Criticality, VmLadder> vmLadderByCriticality =
        new EnumMap<>(Criticality.class);
    private ServiceLadder serviceLadder = ServiceLadder.ofDefaults();
    private HostRecovery hostRecovery = HostRecovery.ofDefaults();

    private Builder() {}

    /** The VM ladder of every class without one of its own. */
    public Builder vmLadder(VmLadder ladder) {
      this.vmLadder = Require.nonNull(ladder, "vmLadder");
      return this;
    }

    /** The VM ladder of one criticality class. */
    public Builder vmLadder(Criticality criticality, VmLadder ladder) {
      vmLadderByCriticality.put(
          Require.nonNull(criticality, "criticality"), Require.nonNull(ladder, "vmLadder"));
      return this;
    }

    public Builder serviceLadder(ServiceLadder ladder) {
      this.serviceLadder = Require.nonNull(ladder, "serviceLadder");
      return this;
    }

    public Builder hostRecovery(HostRecovery recovery) {
      this.hostRecovery = Require.nonNull(recovery, "hostRecovery");
      return this;
    }

    public StandardRecoveryPolicy build() {
      return new StandardRecoveryPolicy(this);
    }
  }
}
