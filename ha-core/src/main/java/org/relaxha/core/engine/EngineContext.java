package org.relaxha.core.engine;

import org.relaxha.spi.Require;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.policy.RecoveryPolicy;

/** What the engine decides with besides its state: the topology and the recovery policy. */
record EngineContext(Topology topology, RecoveryPolicy policy) {
  EngineContext {
    Require.nonNull(topology, "topology");
    Require.nonNull(policy, "policy");
  }
}
