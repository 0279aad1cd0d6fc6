package org.relaxha.core.engine;

import java.util.Comparator;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.RecoveryPolicy;

/**
 * What the engine decides with besides its state: the topology, the recovery policy, and the start
 * order derived from the topology once. Immutable and thread-safe.
 */
final class EngineContext {
  private final Topology topology;
  private final RecoveryPolicy policy;
  private final Comparator<VmId> startOrder;

  EngineContext(Topology topology, RecoveryPolicy policy) {
    this.topology = Require.nonNull(topology, "topology");
    this.policy = Require.nonNull(policy, "policy");
    this.startOrder = Indexes.startOrder(topology);
  }

  Topology topology() {
    return topology;
  }

  RecoveryPolicy policy() {
    return policy;
  }

  /** Higher restart priority first, then larger CPU demand, then name. */
  Comparator<VmId> startOrder() {
    return startOrder;
  }
}
