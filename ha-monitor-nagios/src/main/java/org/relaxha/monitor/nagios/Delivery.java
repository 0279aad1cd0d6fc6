package org.relaxha.monitor.nagios;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.monitor.ObservationSink;

/**
 * Delivers observations to the sink: each new Nagios check result once (from the file or from an
 * event, whichever comes first), and on every fresh {@code status.dat} a repeat of each alive state
 * whose active checks run and whose last check is recent, so that the controller hears "still up"
 * between Nagios checks that are further apart than its own check interval. Failures are never
 * repeated: one Nagios check is one failed observation.
 *
 * <p>Thread-safe.
 */
final class Delivery {
  private final String name;
  private final SubjectMap subjects;
  private final ResultTracker results;
  private final Duration maxCheckAge;
  private volatile ObservationSink sink;
  private volatile boolean closed;

  Delivery(String name, SubjectMap subjects, ResultTracker results, Duration maxCheckAge) {
    this.name = name;
    this.subjects = subjects;
    this.results = results;
    this.maxCheckAge = maxCheckAge;
  }

  void attach(ObservationSink target) {
    this.sink = target;
  }

  void close() {
    closed = true;
  }

  /** Delivers what a fresh snapshot shows, as observed at {@code now}. */
  void fromStatus(StatusSnapshot snapshot, Instant now) {
    for (ObjectStatus s : snapshot.objects().values()) {
      Optional<SubjectId> subject = subjects.subject(s.object());
      if (subject.isEmpty() || !s.checked()) {
        continue;
      }
      if (results.isNew(subject.get(), s)) {
        send(Observations.of(subject.get(), s, now, name, false));
      } else if (worthRepeating(s, now)) {
        send(Observations.of(subject.get(), s, now, name, false));
      }
    }
  }

  /** Delivers a pushed result if it is mapped and new; returns whether it is mapped. */
  boolean fromEvent(ObjectStatus s, Instant now) {
    Optional<SubjectId> subject = subjects.subject(s.object());
    if (subject.isEmpty()) {
      return false;
    }
    if (results.isNew(subject.get(), s)) {
      send(Observations.of(subject.get(), s, now, name, true));
    }
    return true;
  }

  private boolean worthRepeating(ObjectStatus s, Instant now) {
    long age = Observations.checkAge(s, now);
    return Observations.status(s.object().isHost(), s.state()).isAlive()
        && s.activeChecks()
        && age >= 0
        && age <= maxCheckAge.toSeconds();
  }

  private void send(Observation o) {
    ObservationSink target = sink;
    if (target != null && !closed) {
      target.accept(o);
    }
  }
}
