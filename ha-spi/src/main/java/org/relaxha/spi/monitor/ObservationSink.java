package org.relaxha.spi.monitor;

import org.relaxha.spi.model.Observation;

/**
 * Where a {@link Monitor} delivers what it sees. Implemented by the controller.
 *
 * <p>Thread-safe; both methods enqueue and return at once, from any thread.
 */
public interface ObservationSink {

  /** Delivers one observation. */
  void accept(Observation observation);

  /** Reports that a source became unavailable or available again. */
  void sourceStatus(SourceStatus status);
}
