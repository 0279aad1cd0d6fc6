package org.relaxha.monitor.nagios.status;

import org.relaxha.spi.Require;

/**
 * A scheduled downtime of a host or service, from a {@code hostdowntime} or {@code servicedowntime}
 * block.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id Nagios's {@code downtime_id}
 * @param object what is down
 * @param author who scheduled it
 * @param comment why
 * @param inEffect whether it has started
 */
public record Downtime(
    long id, NagiosObject object, String author, String comment, boolean inEffect) {
  /** Validates every field. */
  public Downtime {
    Require.nonNull(object, "object");
    Require.nonNull(author, "author");
    Require.nonNull(comment, "comment");
  }

  /** Reads a downtime block about {@code object}. */
  public static Downtime of(NagiosObject object, Block b) {
    return new Downtime(
        b.number("downtime_id", -1),
        object,
        b.text("author"),
        b.text("comment"),
        b.flag("is_in_effect", false));
  }
}
