package org.relaxha.monitor.ganglia;

import org.relaxha.spi.Require;

/**
 * One poll of one source failed: the connection was refused or timed out, the source sent no
 * complete document in time, or what it sent was not usable Ganglia XML. The message names the
 * source ({@code host:port}) and says what happened; the cause is kept.
 *
 * <p>Immutable and thread-safe.
 */
public class GangliaSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String problem;

  /** A failure of {@code source} described by {@code problem}. */
  public GangliaSourceException(String source, String problem, Throwable cause) {
    super("ganglia source " + source + ": " + problem, cause);
    this.source = Require.nonBlank(source, "source");
    this.problem = Require.nonNull(problem, "problem");
  }

  /** The source, as {@code host:port}. */
  public String source() {
    return source;
  }

  /** What went wrong, without the source. */
  public String problem() {
    return problem;
  }
}
