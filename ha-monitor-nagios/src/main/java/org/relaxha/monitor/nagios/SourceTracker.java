package org.relaxha.monitor.nagios;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether {@code status.dat} is usable, reporting each change (and only changes) to the sink: lost
 * with its reason, restored when a fresh file is read again.
 *
 * <p>Thread-safe.
 */
final class SourceTracker {
  private static final Logger LOG = LoggerFactory.getLogger(SourceTracker.class);

  /** The problem before the first read. */
  static final String NOT_READ = "not read yet";

  private final String monitor;
  private final String source;
  private ObservationSink sink;
  private Boolean available;
  private String reason = NOT_READ;
  private boolean closed;

  SourceTracker(String monitor, String source) {
    this.monitor = monitor;
    this.source = source;
  }

  synchronized void attach(ObservationSink target) {
    this.sink = target;
  }

  /** Reports the source lost, unless it is already. */
  synchronized void lost(String why, Instant at) {
    reason = why;
    if (Boolean.FALSE.equals(available)) {
      return;
    }
    available = false;
    LOG.warn("{}: Nagios status lost: {}", monitor, why);
    if (sink != null && !closed) {
      sink.sourceStatus(SourceStatus.lost(monitor, source, why, at));
    }
  }

  /** Reports the source restored if it was lost. */
  synchronized void available(Instant at) {
    boolean wasLost = Boolean.FALSE.equals(available);
    available = true;
    reason = "answering";
    if (wasLost) {
      LOG.info("{}: Nagios status restored ({})", monitor, source);
      if (sink != null && !closed) {
        sink.sourceStatus(SourceStatus.restored(monitor, source, at));
      }
    }
  }

  /** Why the source is lost, if it is (or has not been read yet). */
  synchronized Optional<String> problem() {
    return Boolean.TRUE.equals(available) ? Optional.empty() : Optional.of(reason);
  }

  /** Stops reporting. */
  synchronized void close() {
    closed = true;
  }
}
