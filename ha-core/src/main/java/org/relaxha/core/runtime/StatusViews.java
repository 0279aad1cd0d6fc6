package org.relaxha.core.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaxha.core.detect.DetectionBoard;
import org.relaxha.core.detect.SubjectView;
import org.relaxha.core.engine.Decision;
import org.relaxha.core.engine.EngineState;
import org.relaxha.core.engine.HostRecord;
import org.relaxha.core.engine.ServiceRecord;
import org.relaxha.core.engine.VmRecord;
import org.relaxha.spi.model.Health;

/** Builds {@link StatusSnapshot}s from the engine state and the detection board. */
final class StatusViews {
  private StatusViews() {}

  static StatusSnapshot snapshot(
      Instant now,
      EngineState state,
      DetectionBoard board,
      long journalSeq,
      int stuckCalls,
      List<String> warnings,
      List<Decision> recent) {
    List<SubjectStatus> subjects = new ArrayList<>();
    for (HostRecord h : state.hosts().values()) {
      SubjectView v = board == null ? null : board.view(h.id(), now);
      subjects.add(
          new SubjectStatus(
              h.id(),
              h.health(),
              v == null ? Health.UNKNOWN : v.raw(),
              Optional.empty(),
              h.phase().name() + (h.maintenance() ? " (maintenance)" : ""),
              Optional.empty(),
              Optional.empty(),
              h.deadline(),
              h.since(),
              h.reason()));
    }
    for (VmRecord r : state.vms().values()) {
      SubjectView v = board == null ? null : board.view(r.id(), now);
      subjects.add(
          new SubjectStatus(
              r.id(),
              r.health(),
              v == null ? Health.UNKNOWN : v.raw(),
              v == null ? Optional.empty() : v.mutedBy(),
              r.phase().name(),
              r.lastRung(),
              r.location(),
              r.deadline(),
              r.since(),
              r.reason()));
    }
    for (ServiceRecord s : state.services().values()) {
      SubjectView v = board == null ? null : board.view(s.id(), now);
      subjects.add(
          new SubjectStatus(
              s.id(),
              s.health(),
              v == null ? Health.UNKNOWN : v.raw(),
              v == null ? Optional.empty() : v.mutedBy(),
              s.phase().name() + (s.attempts() > 0 ? " (restarts " + s.attempts() + ")" : ""),
              Optional.empty(),
              Optional.empty(),
              s.deadline(),
              s.since(),
              s.reason()));
    }
    return new StatusSnapshot(
        now,
        subjects,
        List.copyOf(state.inflight().values()),
        recent,
        state.valveTripped(),
        journalSeq,
        stuckCalls,
        warnings);
  }
}
