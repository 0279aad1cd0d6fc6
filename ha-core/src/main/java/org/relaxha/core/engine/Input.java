package org.relaxha.core.engine;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.placement.PlacementPlan;

/**
 * Everything that can change the engine's state. Each input carries the instant it happened; the
 * engine reads no clock. Inputs are journaled before their commands run, so they are plain records.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Input {

  /** When it happened. */
  Instant at();

  /**
   * A detector changed its verdict about a subject (after muting).
   *
   * @param guestReachable for a VM: whether its guest still answers (so a reboot from inside can
   *     work); false when it is unreachable or its hypervisor reports it crashed or off
   */
  record HealthChanged(
      SubjectId subject, Health health, boolean guestReachable, String reason, Instant at)
      implements Input {
    public HealthChanged {
      Require.nonNull(subject, "subject");
      Require.nonNull(health, "health");
      Require.nonNull(reason, "reason");
      Require.nonNull(at, "at");
    }
  }

  /**
   * A wake-up the engine asked for with {@link Command.WakeMeAt}: for one subject, or for the
   * placement queue when {@code subject} is empty.
   */
  record TimerFired(Optional<SubjectId> subject, Instant at) implements Input {
    public TimerFired {
      Require.nonNull(subject, "subject");
      Require.nonNull(at, "at");
    }
  }

  /** The outcome of a command carried out through an SPI (all but fencing and placement). */
  record ActionCompleted(long command, ActionResult result, Instant at) implements Input {
    public ActionCompleted {
      Require.nonNull(result, "result");
      Require.nonNull(at, "at");
    }
  }

  /** The outcome of a {@link Command.FenceHost}. */
  record FenceCompleted(long command, FenceResult result, Instant at) implements Input {
    public FenceCompleted {
      Require.nonNull(result, "result");
      Require.nonNull(at, "at");
    }
  }

  /** The plan computed for a {@link Command.PlaceVms}. */
  record PlacementDecided(long command, PlacementPlan plan, Instant at) implements Input {
    public PlacementDecided {
      Require.nonNull(plan, "plan");
      Require.nonNull(at, "at");
    }
  }

  /**
   * What the hypervisors' inventory says about where a VM runs: on {@code host}, or (empty) on no
   * host, every managed host having answered.
   */
  record VmLocated(VmId vm, Optional<HostId> host, Instant at) implements Input {
    public VmLocated {
      Require.nonNull(vm, "vm");
      Require.nonNull(host, "host");
      Require.nonNull(at, "at");
    }
  }

  /** A monitoring source became unavailable or available again. */
  record MonitoringChanged(
      String monitor, String source, boolean available, String reason, Instant at)
      implements Input {
    public MonitoringChanged {
      Require.nonBlank(monitor, "monitor");
      Require.nonBlank(source, "source");
      Require.nonNull(reason, "reason");
      Require.nonNull(at, "at");
    }
  }

  /** An administrator confirms that a host is off (manual fencing). */
  record ConfirmFenced(HostId host, String operator, Instant at) implements Input {
    public ConfirmFenced {
      Require.nonNull(host, "host");
      Require.nonBlank(operator, "operator");
      Require.nonNull(at, "at");
    }
  }

  /** An administrator releases the safety valve: held hosts are fenced now. */
  record ReleaseHold(String operator, Instant at) implements Input {
    public ReleaseHold {
      Require.nonBlank(operator, "operator");
      Require.nonNull(at, "at");
    }
  }

  /** An administrator puts a host in or out of maintenance. */
  record SetMaintenance(HostId host, boolean maintenance, String operator, Instant at)
      implements Input {
    public SetMaintenance {
      Require.nonNull(host, "host");
      Require.nonBlank(operator, "operator");
      Require.nonNull(at, "at");
    }
  }

  /** An administrator clears a VM's GAVE_UP state so its ladder starts again. */
  record ResetVm(VmId vm, String operator, Instant at) implements Input {
    public ResetVm {
      Require.nonNull(vm, "vm");
      Require.nonBlank(operator, "operator");
      Require.nonNull(at, "at");
    }
  }
}
