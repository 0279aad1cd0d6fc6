package org.relaxha.core.journal;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The journal or a snapshot is damaged: a record fails its CRC32C check, declares an impossible
 * length, breaks the sequence, cannot be decoded, or ends early in a segment that is not the last
 * one; or the only snapshots that could anchor recovery are damaged. Recovery never replays past
 * the damage.
 *
 * <p>The message is written for a site administrator: it names the file, the byte offset and, when
 * known, the sequence number, and says what to do (start with {@link
 * FileStateStore.Options.Builder#repair(boolean) repair} enabled, or restore the state directory).
 *
 * <p>Immutable and thread-safe.
 */
public final class JournalCorruptedException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;
  private final long seq;

  /**
   * @param file the damaged file
   * @param offset the byte offset of the damaged record (0 for a damaged file header)
   * @param seq the sequence number the damaged record holds or should hold, or -1 if unknown
   * @param message the full explanation
   * @param cause the underlying error, or null
   */
  JournalCorruptedException(Path file, long offset, long seq, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.offset = offset;
    this.seq = seq;
  }

  /** The damaged file. */
  public Path file() {
    return file;
  }

  /** The byte offset in {@link #file()} where the damage starts (a record or the file header). */
  public long offset() {
    return offset;
  }

  /** The sequence number of the damaged record, when known. */
  public OptionalLong seq() {
    return seq < 0 ? OptionalLong.empty() : OptionalLong.of(seq);
  }
}
