package org.relaxha.core.journal;

import java.util.List;
import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * Durable state for the controller: a write-ahead journal of values (the inputs that change
 * escalation state) plus snapshots of the whole state, so a controller killed at any instant
 * resumes where it was.
 *
 * <p>Use: open, call {@link #recover()} once, rebuild the state from its snapshot and entries, then
 * {@link #append} each input before acting on it, and from time to time {@link #snapshot} the state
 * so recovery stays short and old journal space is reclaimed.
 *
 * <p>Durability: when {@link #append} returns, the value is on stable storage (for stores that
 * promise it, such as {@link FileStateStore} with fsync enabled) and will be in every later
 * recovery. A value whose append did not return (the process died, or append threw) may or may not
 * be recovered; it is never recovered damaged. Sequence numbers start at 1, grow by one with each
 * append, and continue across restarts.
 *
 * <p>Threading: one writer. Implementations in this package serialize their methods with a lock, so
 * a stray call from another thread (a shutdown hook closing the store) is safe, but the store is
 * not designed for concurrent writers.
 */
public interface StateStore extends AutoCloseable {

  /**
   * Reads back what the store holds: the newest usable snapshot and every journal entry after it,
   * in order. Must be called exactly once, before {@link #append} or {@link #snapshot}.
   *
   * @throws JournalCorruptedException if the stored data is damaged and cannot be recovered
   * @throws IllegalStateException if called twice or after close
   */
  Recovery recover();

  /**
   * Journals {@code value} and returns its sequence number once it is durable.
   *
   * @param value the value to journal, not null; anything the store's {@link RecordCodec} encodes
   * @return the sequence number given to the value: one more than the previous one
   * @throws CodecException if the value cannot be encoded (nothing is written)
   * @throws IllegalArgumentException if the encoded value exceeds the store's record limit (256 MiB
   *     for {@link FileStateStore}; nothing is written)
   * @throws StateStoreException if writing or forcing fails; the store then refuses further
   *     appends, since the journal's tail is uncertain until the next recovery
   * @throws IllegalStateException before {@link #recover()}, after close, or after a failure
   */
  long append(Object value);

  /**
   * Saves {@code state} as the state after applying every entry up to and including {@code seq},
   * then compacts: journal space no longer needed is reclaimed, and the previous snapshot is kept
   * as a fallback.
   *
   * @param seq the last journal entry the state reflects: greater than the newest snapshot's and at
   *     most the last appended sequence number
   * @param state the state, not null
   * @throws IllegalArgumentException if {@code seq} is out of range
   * @throws CodecException if the state cannot be encoded (nothing is written)
   * @throws StateStoreException if the snapshot cannot be written; the journal is unaffected
   * @throws IllegalStateException before {@link #recover()} or after close
   */
  void snapshot(long seq, Object state);

  /** Releases files and locks. Idempotent. */
  @Override
  void close();

  /**
   * One journal entry.
   *
   * @param seq its sequence number
   * @param value the decoded value
   */
  record Entry(long seq, Object value) {
    /** Validates. */
    public Entry {
      Require.atLeast(seq, 1L, "entry.seq");
      Require.nonNull(value, "entry.value");
    }
  }

  /**
   * What {@link #recover()} found.
   *
   * @param state the newest usable snapshot's state, empty if there is none
   * @param snapshotSeq the last sequence number the snapshot covers, 0 if there is none
   * @param entries every journal entry after {@code snapshotSeq}, in order, without gaps
   * @param warnings what recovery repaired or set aside (a torn final record, a damaged snapshot it
   *     fell back from, files moved aside in repair mode), one sentence each naming the file; empty
   *     after a clean shutdown
   */
  record Recovery(
      Optional<Object> state, long snapshotSeq, List<Entry> entries, List<String> warnings) {
    /** Validates (entries must follow the snapshot without gaps) and copies. */
    public Recovery {
      Require.nonNull(state, "recovery.state");
      Require.atLeast(snapshotSeq, 0L, "recovery.snapshotSeq");
      entries = List.copyOf(Require.nonNull(entries, "recovery.entries"));
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).seq() != snapshotSeq + 1 + i) {
          throw new IllegalArgumentException(
              "recovery.entries must follow seq "
                  + snapshotSeq
                  + " without gaps, but entry "
                  + i
                  + " has seq "
                  + entries.get(i).seq());
        }
      }
      warnings = List.copyOf(Require.nonNull(warnings, "recovery.warnings"));
    }

    /** The last sequence number recovered: the last entry's, or the snapshot's if none. */
    public long lastSeq() {
      return entries.isEmpty() ? snapshotSeq : entries.get(entries.size() - 1).seq();
    }
  }
}
