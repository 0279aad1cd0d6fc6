package org.relaxha.core.engine;

import static org.relaxha.core.engine.HostPhase.FENCED;
import static org.relaxha.core.engine.HostPhase.FENCING;
import static org.relaxha.core.engine.HostPhase.HELD;
import static org.relaxha.core.engine.VmPhase.AWAITING_FENCE;
import static org.relaxha.core.engine.VmPhase.GAVE_UP;
import static org.relaxha.core.engine.VmPhase.HEALTHY;
import static org.relaxha.core.engine.VmPhase.PLACING;
import static org.relaxha.core.engine.VmPhase.QUEUED;
import static org.relaxha.core.engine.VmPhase.REBOOTING;
import static org.relaxha.core.engine.VmPhase.REINSTALLING;
import static org.relaxha.core.engine.VmPhase.RESTARTING;
import static org.relaxha.core.engine.VmPhase.STABILIZING;
import static org.relaxha.core.engine.VmPhase.STARTING;
import static org.relaxha.core.engine.VmPhase.START_PENDING;
import static org.relaxha.core.engine.VmPhase.STOPPING;

/**
 * The legal phase changes of VMs, hosts and services. This table is the specification: the engine
 * checks every change against it, the README's state diagrams are drawn from it, and a change it
 * does not list is a bug ({@link IllegalTransitionException}).
 */
public final class Transitions {
  private Transitions() {}

  /** VM phases. */
  public static final TransitionTable<VmPhase> VM =
      TransitionTable.of(VmPhase.class)
          .allow(
              HEALTHY,
              REBOOTING,
              RESTARTING,
              STOPPING,
              PLACING,
              REINSTALLING,
              AWAITING_FENCE,
              GAVE_UP)
          .allow(
              REBOOTING,
              RESTARTING,
              STOPPING,
              PLACING,
              REINSTALLING,
              STABILIZING,
              AWAITING_FENCE,
              GAVE_UP)
          .allow(RESTARTING, STOPPING, PLACING, REINSTALLING, STABILIZING, AWAITING_FENCE, GAVE_UP)
          .allow(STOPPING, PLACING, AWAITING_FENCE, GAVE_UP)
          .allow(
              AWAITING_FENCE,
              PLACING,
              HEALTHY,
              STABILIZING,
              RESTARTING,
              STOPPING,
              REINSTALLING,
              GAVE_UP)
          .allow(PLACING, START_PENDING, QUEUED, GAVE_UP)
          .allow(QUEUED, PLACING, GAVE_UP)
          .allow(START_PENDING, STARTING, PLACING, GAVE_UP)
          .allow(STARTING, STABILIZING, PLACING, STOPPING, REINSTALLING, AWAITING_FENCE, GAVE_UP)
          .allow(REINSTALLING, STABILIZING, AWAITING_FENCE, GAVE_UP)
          .allow(
              STABILIZING,
              HEALTHY,
              REBOOTING,
              RESTARTING,
              STOPPING,
              PLACING,
              REINSTALLING,
              AWAITING_FENCE,
              GAVE_UP)
          .allow(GAVE_UP, HEALTHY)
          .build();

  /** Host phases. */
  public static final TransitionTable<HostPhase> HOST =
      TransitionTable.of(HostPhase.class)
          .allow(HostPhase.UP, HELD, FENCING)
          .allow(HELD, HostPhase.UP, FENCING, FENCED)
          .allow(FENCING, FENCED, HostPhase.UP)
          .allow(FENCED, HostPhase.UP)
          .build();

  /** Service phases. */
  public static final TransitionTable<ServicePhase> SERVICE =
      TransitionTable.of(ServicePhase.class)
          .allow(
              ServicePhase.HEALTHY,
              ServicePhase.RESTARTING,
              ServicePhase.ESCALATED,
              ServicePhase.GAVE_UP)
          .allow(
              ServicePhase.RESTARTING,
              ServicePhase.STABILIZING,
              ServicePhase.ESCALATED,
              ServicePhase.GAVE_UP,
              ServicePhase.HEALTHY)
          .allow(
              ServicePhase.STABILIZING,
              ServicePhase.HEALTHY,
              ServicePhase.RESTARTING,
              ServicePhase.ESCALATED,
              ServicePhase.GAVE_UP)
          .allow(
              ServicePhase.ESCALATED,
              ServicePhase.RESTARTING,
              ServicePhase.STABILIZING,
              ServicePhase.HEALTHY,
              ServicePhase.GAVE_UP)
          .allow(ServicePhase.GAVE_UP, ServicePhase.HEALTHY)
          .build();
}
