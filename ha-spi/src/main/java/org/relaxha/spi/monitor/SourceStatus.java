package org.relaxha.spi.monitor;

import java.time.Instant;
import org.relaxha.spi.Require;

/**
 * Whether a monitoring source can currently see anything. While a source is lost, the subjects only
 * it covers are judged {@link org.relaxha.spi.model.Health#UNKNOWN}, never DOWN: a dead gmetad is
 * not a dead data center.
 *
 * <p>Immutable and thread-safe.
 *
 * @param monitor the monitor's name
 * @param source which of its sources (a host:port, a file); equals {@code monitor} if it has one
 * @param available whether the source answers
 * @param reason why it is lost, or what restored it
 * @param at when this was established
 */
public record SourceStatus(
    String monitor, String source, boolean available, String reason, Instant at) {

  /** Validates every field. */
  public SourceStatus {
    Require.nonBlank(monitor, "sourceStatus.monitor");
    Require.nonBlank(source, "sourceStatus.source");
    Require.nonNull(reason, "sourceStatus.reason");
    Require.nonNull(at, "sourceStatus.at");
  }

  /** A lost source. */
  public static SourceStatus lost(String monitor, String source, String reason, Instant at) {
    return new SourceStatus(monitor, source, false, reason, at);
  }

  /** A source that answers again. */
  public static SourceStatus restored(String monitor, String source, Instant at) {
    return new SourceStatus(monitor, source, true, "answering", at);
  }
}
