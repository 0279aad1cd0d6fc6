package org.relaxha.core.engine;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The engine's hard state about one host.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the host
 * @param phase where it is in failure handling
 * @param health the last verdict about it
 * @param maintenance whether it is in maintenance
 * @param downSince when it was last declared down, while it is down
 * @param acknowledged whether an operator released the safety valve for this failure
 * @param fenceAttempts fence tries in this failure
 * @param pending the fence command awaited (0 if none)
 * @param deadline when to try fencing again
 * @param evacuees the VMs being moved off it
 * @param evacuationStart when fencing succeeded and its VMs were handed to placement
 * @param since when it entered its phase
 * @param reason why it is in its phase
 */
public record HostRecord(
    HostId id,
    HostPhase phase,
    Health health,
    boolean maintenance,
    Optional<Instant> downSince,
    boolean acknowledged,
    int fenceAttempts,
    long pending,
    Optional<Instant> deadline,
    Set<VmId> evacuees,
    Optional<Instant> evacuationStart,
    Instant since,
    String reason) {

  /** Validates and copies. */
  public HostRecord {
    Require.nonNull(id, "id");
    Require.nonNull(phase, "phase");
    Require.nonNull(health, "health");
    Require.nonNull(downSince, "downSince");
    Require.nonNull(deadline, "deadline");
    evacuees = Set.copyOf(Require.nonNull(evacuees, "evacuees"));
    Require.nonNull(evacuationStart, "evacuationStart");
    Require.nonNull(since, "since");
    Require.nonNull(reason, "reason");
  }

  static HostRecord initial(HostId id, boolean maintenance, Instant now) {
    return new HostRecord(
        id,
        HostPhase.UP,
        Health.UNKNOWN,
        maintenance,
        Optional.empty(),
        false,
        0,
        0,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        now,
        "configured");
  }

  /**
   * Whether VMs may be started or power-cycled on it: in service, not in maintenance, and not
   * judged SUSPECT or DOWN (a host no monitor covers stays UNKNOWN and counts as usable).
   */
  public boolean usable() {
    return phase == HostPhase.UP
        && (health == Health.UP || health == Health.UNKNOWN)
        && !maintenance;
  }

  Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy used inside one engine step. Not thread-safe. */
  static final class Builder {
    HostId id;
    HostPhase phase;
    Health health;
    boolean maintenance;
    Optional<Instant> downSince;
    boolean acknowledged;
    int fenceAttempts;
    long pending;
    Optional<Instant> deadline;
    Set<VmId> evacuees;
    Optional<Instant> evacuationStart;
    Instant since;
    String reason;

    private Builder(HostRecord r) {
      id = r.id;
      phase = r.phase;
      health = r.health;
      maintenance = r.maintenance;
      downSince = r.downSince;
      acknowledged = r.acknowledged;
      fenceAttempts = r.fenceAttempts;
      pending = r.pending;
      deadline = r.deadline;
      evacuees = r.evacuees;
      evacuationStart = r.evacuationStart;
      since = r.since;
      reason = r.reason;
    }

    /** Adds a VM to the evacuees and builds. */
    HostRecord withEvacuee(VmId vm) {
      Set<VmId> more = new java.util.TreeSet<>(evacuees);
      more.add(vm);
      evacuees = more;
      return build();
    }

    HostRecord build() {
      return new HostRecord(
          id,
          phase,
          health,
          maintenance,
          downSince,
          acknowledged,
          fenceAttempts,
          pending,
          deadline,
          evacuees,
          evacuationStart,
          since,
          reason);
    }
  }
}
