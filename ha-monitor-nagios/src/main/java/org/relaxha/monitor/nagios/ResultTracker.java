package org.relaxha.monitor.nagios;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.spi.model.SubjectId;

/**
 * Remembers the last Nagios check result delivered for each subject, so that one check counts once
 * however it arrives: through {@code status.dat} on every rewrite, or pushed by the event handler
 * and then seen again in the file. A result is identified by when the check ran, its state, its
 * state type and its attempt.
 *
 * <p>Thread-safe: the status poller and the event listener share it.
 */
final class ResultTracker {
  private final ConcurrentMap<SubjectId, Key> last = new ConcurrentHashMap<>();

  /**
   * Whether {@code s} is a result not delivered yet for {@code subject} and not older than the last
   * one delivered; remembers it if so.
   */
  boolean isNew(SubjectId subject, ObjectStatus s) {
    Key key = new Key(s.lastCheck(), s.state(), s.hard(), s.attempt());
    boolean[] fresh = new boolean[1];
    last.compute(
        subject,
        (k, before) -> {
          fresh[0] = before == null || (!before.equals(key) && key.lastCheck >= before.lastCheck);
          return fresh[0] ? key : before;
        });
    return fresh[0];
  }

  /** Forgets everything (the source was lost: its next results are all new). */
  void clear() {
    last.clear();
  }

  private record Key(long lastCheck, int state, boolean hard, int attempt) {}
}
