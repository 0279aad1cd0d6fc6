package org.relaxha.monitor.nagios.status;

import org.relaxha.spi.Require;

/**
 * A comment on a host or service, from a {@code hostcomment} or {@code servicecomment} block.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id Nagios's {@code comment_id}
 * @param object what it is about
 * @param entryType 1 user comment, 2 downtime, 3 flapping, 4 acknowledgement
 * @param author who wrote it
 * @param text the comment
 */
public record Comment(long id, NagiosObject object, int entryType, String author, String text) {
  /** A comment a user (or an external command) added. */
  public static final int USER = 1;

  /** The comment an acknowledgement carries. */
  public static final int ACKNOWLEDGEMENT = 4;

  /** Validates every field. */
  public Comment {
    Require.nonNull(object, "object");
    Require.nonNull(author, "author");
    Require.nonNull(text, "text");
  }

  /** Reads a comment block about {@code object}. */
  public static Comment of(NagiosObject object, Block b) {
    return new Comment(
        b.number("comment_id", -1),
        object,
        (int) b.number("entry_type", 0),
        b.text("author"),
        b.text("comment_data"));
  }
}
