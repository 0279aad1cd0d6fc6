package org.relaxha.core.engine;

import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * A change the engine asks the monitoring systems to make.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface MonitoringUpdate {

  /** Stop alarms about these subjects (iterated in subject order, the same on every run). */
  record Mute(Set<SubjectId> subjects) implements MonitoringUpdate {
    public Mute {
      subjects = sorted(subjects);
    }
  }

  /** Re-enable alarms about these subjects (iterated in subject order, the same on every run). */
  record Unmute(Set<SubjectId> subjects) implements MonitoringUpdate {
    public Unmute {
      subjects = sorted(subjects);
    }
  }

  private static Set<SubjectId> sorted(Set<SubjectId> subjects) {
    return SubjectSet.copyOf(Require.nonNull(subjects, "subjects"));
  }

  /** A VM now runs on another host. */
  record Moved(VmId vm, HostId from, HostId to) implements MonitoringUpdate {
    public Moved {
      Require.nonNull(vm, "vm");
      Require.nonNull(from, "from");
      Require.nonNull(to, "to");
    }
  }
}
