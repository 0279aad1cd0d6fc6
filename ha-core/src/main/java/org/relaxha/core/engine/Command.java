package org.relaxha.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Notification;

/**
 * What the engine asks the runtime shell to do. Every command has an id unique within the engine's
 * state and the reason it was decided; the shell reports each outcome back as an {@link Input}
 * carrying that id (except {@link WakeMeAt}, answered by {@link Input.TimerFired}).
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Command {

  /** The id the outcome will carry. */
  long id();

  /** Why the engine decided it. */
  String reason();

  /** Whether the engine waits for an outcome (all but {@link WakeMeAt}). */
  default boolean awaitsOutcome() {
    return true;
  }

  /** Restart a service inside its VM. */
  record RestartService(long id, ServiceId service, String reason) implements Command {
    public RestartService {
      Require.nonNull(service, "service");
      Require.nonNull(reason, "reason");
    }
  }

  /** Reboot a VM's guest (from inside, or by ACPI). */
  record RebootVm(long id, VmId vm, HostId host, String reason) implements Command {
    public RebootVm {
      Require.nonNull(vm, "vm");
      Require.nonNull(host, "host");
      Require.nonNull(reason, "reason");
    }
  }

  /** Destroy and start a VM on the same host. */
  record PowerCycleVm(long id, VmId vm, HostId host, String reason) implements Command {
    public PowerCycleVm {
      Require.nonNull(vm, "vm");
      Require.nonNull(host, "host");
      Require.nonNull(reason, "reason");
    }
  }

  /** Power a VM off on a host, proving it no longer runs there. */
  record StopVm(long id, VmId vm, HostId host, String reason) implements Command {
    public StopVm {
      Require.nonNull(vm, "vm");
      Require.nonNull(host, "host");
      Require.nonNull(reason, "reason");
    }
  }

  /** Prove a failed host off (attempt counts from 1). */
  record FenceHost(long id, HostId host, int attempt, String reason) implements Command {
    public FenceHost {
      Require.nonNull(host, "host");
      Require.nonNull(reason, "reason");
    }
  }

  /** One VM to place, and the hosts it must avoid. */
  record PlaceRequest(VmId vm, Set<HostId> avoid) {
    public PlaceRequest {
      Require.nonNull(vm, "vm");
      avoid = Set.copyOf(Require.nonNull(avoid, "avoid"));
    }
  }

  /** Compute a placement for these VMs together, against the current cluster. */
  record PlaceVms(long id, List<PlaceRequest> requests, String reason) implements Command {
    public PlaceVms {
      requests = List.copyOf(Require.nonNull(requests, "requests"));
      Require.nonNull(reason, "reason");
    }
  }

  /**
   * Start a VM on a host. The engine issues it only for a VM proven off everywhere; the shell still
   * checks the inventory (and takes the disk lease) before it starts anything.
   */
  record StartVm(long id, VmId vm, HostId host, String reason) implements Command {
    public StartVm {
      Require.nonNull(vm, "vm");
      Require.nonNull(host, "host");
      Require.nonNull(reason, "reason");
    }
  }

  /** Reinstall a VM from scratch on a host. */
  record ReinstallVm(long id, VmId vm, HostId host, String reason) implements Command {
    public ReinstallVm {
      Require.nonNull(vm, "vm");
      Require.nonNull(host, "host");
      Require.nonNull(reason, "reason");
    }
  }

  /** Change the monitoring systems (mute, unmute, dependencies after a move). */
  record UpdateMonitoring(long id, MonitoringUpdate update, String reason) implements Command {
    public UpdateMonitoring {
      Require.nonNull(update, "update");
      Require.nonNull(reason, "reason");
    }
  }

  /** Tell the administrators. */
  record Notify(long id, Notification notification, String reason) implements Command {
    public Notify {
      Require.nonNull(notification, "notification");
      Require.nonNull(reason, "reason");
    }
  }

  /** Deliver {@link Input.TimerFired} for {@code subject} (or the queue) at {@code at}. */
  record WakeMeAt(long id, Optional<SubjectId> subject, Instant at, String reason)
      implements Command {
    public WakeMeAt {
      Require.nonNull(subject, "subject");
      Require.nonNull(at, "at");
      Require.nonNull(reason, "reason");
    }

    @Override
    public boolean awaitsOutcome() {
      return false;
    }
  }
}
