package org.relaxha.spi.policy;

import java.time.Instant;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Vm;

/**
 * Says how each subject is recovered. Pure: the engine calls it while deciding, with the instant of
 * the input being decided as {@code now}; the same arguments give the same answer.
 *
 * <p>Thread-safe: implementations hold no mutable state.
 */
public interface RecoveryPolicy {

  /** The ladder for a failed VM. */
  VmLadder vmLadder(Vm vm, Instant now);

  /** The ladder for a failed service. */
  ServiceLadder serviceLadder(Service service, Instant now);

  /** The host-failure settings. */
  HostRecovery hostRecovery(Instant now);
}
