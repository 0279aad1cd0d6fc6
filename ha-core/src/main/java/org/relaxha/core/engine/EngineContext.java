package org.relaxha.core.engine;

import org.relaxha.core.collect.KeyRanks;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.RecoveryPolicy;

/**
 * What the engine decides with besides its state: the topology and the recovery policy, and the
 * ranks of the configured hosts, VMs and services that the state's maps keyed by them are built
 * over (see {@link org.relaxha.core.collect.PMap#emptyOver}). Immutable and thread-safe.
 */
final class EngineContext {
  private final Topology topology;
  private final RecoveryPolicy policy;
  private final KeyRanks<HostId> hostKeys;
  private final KeyRanks<VmId> vmKeys;
  private final KeyRanks<ServiceId> serviceKeys;

  EngineContext(Topology topology, RecoveryPolicy policy) {
    this.topology = Require.nonNull(topology, "topology");
    this.policy = Require.nonNull(policy, "policy");
    this.hostKeys = KeyRanks.of(topology.hosts().keySet());
    this.vmKeys = KeyRanks.of(topology.vms().keySet());
    this.serviceKeys = KeyRanks.of(topology.services().keySet());
  }

  KeyRanks<HostId> hostKeys() {
    return hostKeys;
  }

  KeyRanks<VmId> vmKeys() {
    return vmKeys;
  }

  KeyRanks<ServiceId> serviceKeys() {
    return serviceKeys;
  }

  Topology topology() {
    return topology;
  }

  RecoveryPolicy policy() {
    return policy;
  }
}
