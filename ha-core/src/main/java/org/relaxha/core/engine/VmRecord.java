package org.relaxha.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.Rung;

/**
 * The engine's hard state about one VM.
 *
 * <p>{@code location} is where the VM <i>may</i> be running: it is cleared only by proof (its host
 * fenced, a stop that succeeded, a start the hypervisor refused), and a VM is started only when its
 * location is known and empty. Immutable and thread-safe.
 *
 * @param id the VM
 * @param phase where it is in its recovery
 * @param location the host it may be running on
 * @param locationKnown false until the inventory (or the configured home host) placed it
 * @param health the last verdict about it
 * @param guestReachable whether its guest answered at the last verdict
 * @param lastRung the highest rung tried in this episode
 * @param cause why the episode started
 * @param trigger the service whose failure started the episode, if that was the cause
 * @param deadline when the current wait ends
 * @param pending the command the engine awaits for it (0 if none)
 * @param target the host it is assigned to while being started elsewhere
 * @param avoid hosts not to place it on in this episode
 * @param origin the host it left (failed host, or its host before a relocation)
 * @param waitingSince when it first found no host, while it waits
 * @param restarts instants of recovery actions within the budget window
 * @param relocations instants of moves to another host within the budget window
 * @param episodeStart when the current episode started
 * @param since when it entered its phase
 * @param reason why it is in its phase
 */
public record VmRecord(
    VmId id,
    VmPhase phase,
    Optional<HostId> location,
    boolean locationKnown,
    Health health,
    boolean guestReachable,
    Optional<Rung> lastRung,
    Cause cause,
    Optional<ServiceId> trigger,
    Optional<Instant> deadline,
    long pending,
    Optional<HostId> target,
    Set<HostId> avoid,
    Optional<HostId> origin,
    Optional<Instant> waitingSince,
    List<Instant> restarts,
    List<Instant> relocations,
    Optional<Instant> episodeStart,
    Instant since,
    String reason) {

  /** Validates and copies. */
  public VmRecord {
    Require.nonNull(id, "id");
    Require.nonNull(phase, "phase");
    Require.nonNull(location, "location");
    Require.nonNull(health, "health");
    Require.nonNull(lastRung, "lastRung");
    Require.nonNull(cause, "cause");
    Require.nonNull(trigger, "trigger");
    Require.nonNull(deadline, "deadline");
    Require.nonNull(target, "target");
    avoid = Set.copyOf(Require.nonNull(avoid, "avoid"));
    Require.nonNull(origin, "origin");
    Require.nonNull(waitingSince, "waitingSince");
    restarts = List.copyOf(Require.nonNull(restarts, "restarts"));
    relocations = List.copyOf(Require.nonNull(relocations, "relocations"));
    Require.nonNull(episodeStart, "episodeStart");
    Require.nonNull(since, "since");
    Require.nonNull(reason, "reason");
  }

  /** A healthy VM on {@code home} (or not yet located). */
  static VmRecord initial(VmId id, Optional<HostId> home, Instant now) {
    return new VmRecord(
        id,
        VmPhase.HEALTHY,
        home,
        home.isPresent(),
        Health.UNKNOWN,
        true,
        Optional.empty(),
        Cause.NONE,
        Optional.empty(),
        Optional.empty(),
        0,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        now,
        home.map(h -> "configured on " + h).orElse("location not yet known"));
  }

  /** Whether it is proven to run nowhere, so it may be started. */
  public boolean provenOff() {
    return locationKnown && location.isEmpty();
  }

  /**
   * This VM awaiting the fencing of its failed host {@code host}, from {@code now}, for {@code
   * why}: its episode starts now unless one is under way. Written without a {@link Builder}, as is
   * {@link #assigned}: a host failure writes these for every VM of the host, and a builder's copy
   * of twenty fields (each store with the garbage collector's barriers, too large a method to be
   * inlined and optimised away) was an eighth of the step.
   */
  VmRecord awaitingFence(HostId host, Instant now, String why) {
    boolean fresh = phase == VmPhase.HEALTHY || phase == VmPhase.STABILIZING;
    return new VmRecord(
        id,
        VmPhase.AWAITING_FENCE,
        location,
        locationKnown,
        health,
        guestReachable,
        lastRung,
        Cause.HOST_DOWN,
        Optional.empty(),
        Optional.empty(),
        0,
        Optional.empty(),
        avoid,
        Optional.of(host),
        waitingSince,
        restarts,
        relocations,
        Optional.of(fresh ? now : episodeStart.orElse(now)),
        now,
        why);
  }

  /**
   * This VM assigned to {@code host} by a plan, waiting for a boot slot there, from {@code now}.
   */
  VmRecord assigned(HostId host, Instant now, String why) {
    return new VmRecord(
        id,
        VmPhase.START_PENDING,
        location,
        locationKnown,
        health,
        guestReachable,
        lastRung,
        cause,
        trigger,
        deadline,
        0,
        Optional.of(host),
        avoid,
        origin,
        Optional.empty(),
        restarts,
        relocations,
        episodeStart,
        now,
        why);
  }

  /**
   * This VM, proven off because its host was fenced, located nowhere and waiting for the placement
   * command {@code command}, from {@code now}.
   */
  VmRecord placingOffItsHost(long command, Instant now, String why) {
    return new VmRecord(
        id,
        VmPhase.PLACING,
        Optional.empty(),
        true,
        health,
        guestReachable,
        lastRung,
        cause,
        trigger,
        Optional.empty(),
        command,
        Optional.empty(),
        avoid,
        origin,
        waitingSince,
        restarts,
        relocations,
        episodeStart,
        now,
        why);
  }

  /** A builder initialised from this record. */
  Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy used inside one engine step. Not thread-safe. */
  static final class Builder {
    VmId id;
    VmPhase phase;
    Optional<HostId> location;
    boolean locationKnown;
    Health health;
    boolean guestReachable;
    Optional<Rung> lastRung;
    Cause cause;
    Optional<ServiceId> trigger;
    Optional<Instant> deadline;
    long pending;
    Optional<HostId> target;
    Set<HostId> avoid;
    Optional<HostId> origin;
    Optional<Instant> waitingSince;
    List<Instant> restarts;
    List<Instant> relocations;
    Optional<Instant> episodeStart;
    Instant since;
    String reason;

    private Builder(VmRecord r) {
      id = r.id;
      phase = r.phase;
      location = r.location;
      locationKnown = r.locationKnown;
      health = r.health;
      guestReachable = r.guestReachable;
      lastRung = r.lastRung;
      cause = r.cause;
      trigger = r.trigger;
      deadline = r.deadline;
      pending = r.pending;
      target = r.target;
      avoid = r.avoid;
      origin = r.origin;
      waitingSince = r.waitingSince;
      restarts = r.restarts;
      relocations = r.relocations;
      episodeStart = r.episodeStart;
      since = r.since;
      reason = r.reason;
    }

    VmRecord build() {
      return new VmRecord(
          id,
          phase,
          location,
          locationKnown,
          health,
          guestReachable,
          lastRung,
          cause,
          trigger,
          deadline,
          pending,
          target,
          avoid,
          origin,
          waitingSince,
          restarts,
          relocations,
          episodeStart,
          since,
          reason);
    }
  }
}
