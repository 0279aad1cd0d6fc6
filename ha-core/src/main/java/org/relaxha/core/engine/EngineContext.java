package org.relaxha.core.engine;

import org.relaxha.spi.Require;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.policy.RecoveryPolicy;

/**
 * What the engine decides with besides its state: the topology and the recovery policy. Immutable
 * and thread-safe.
 */
final class EngineContext {
  private final Topology topology;
  private final RecoveryPolicy policy;

  EngineContext(Topology topology, RecoveryPolicy policy) {
    this.topology = Require.nonNull(topology, "topology");
    this.policy = Require.nonNull(policy, "policy");
  }

  Topology topology() {
    return topology;
  }

  RecoveryPolicy policy() {
    return policy;
  }
}
