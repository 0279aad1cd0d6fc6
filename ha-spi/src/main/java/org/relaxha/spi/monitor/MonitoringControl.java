package org.relaxha.spi.monitor;

import java.util.Set;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * Optional write-back into a monitoring system, implemented by monitors that can take commands
 * (Nagios external commands, for instance). The controller calls it when a host fails (mute what
 * ran there), when recovery ends (unmute) and after a VM moved (rewrite dependencies).
 *
 * <p>Calls come from the controller's command executor threads, may block for up to the
 * controller's per-call timeout, and report expected failures as {@link ActionResult} values.
 * Implementations are thread-safe.
 */
public interface MonitoringControl {

  /** Stops alarms about these subjects (disable checks or schedule downtime). */
  ActionResult mute(Set<SubjectId> subjects, String reason);

  /** Re-enables alarms about these subjects. */
  ActionResult unmute(Set<SubjectId> subjects, String reason);

  /** Records that a VM now runs on another host (parents, dependencies). */
  ActionResult vmMoved(VmId vm, HostId from, HostId to);
}
