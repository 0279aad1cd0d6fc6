/**
 * Durable state: the controller's write-ahead journal and snapshots, so a controller killed at any
 * instant resumes where it was.
 *
 * <p>{@link org.relaxha.core.journal.StateStore} is the contract; {@link
 * org.relaxha.core.journal.FileStateStore} the embedded default in a directory the user names;
 * {@link org.relaxha.core.journal.InMemoryStateStore} serves tests and the simulator. {@link
 * org.relaxha.core.journal.RecordCodec} turns the journaled values (records, enums, collections...)
 * into compact bytes and back through each record's canonical constructor, refusing classes outside
 * the allowed packages; Java serialization is never used.
 *
 * <h2>Files in the state directory</h2>
 *
 * <ul>
 *   <li>{@code LOCK}: held with an OS file lock while a store is open; it names the holder's pid
 *       and start time. A second store on the directory fails with {@link
 *       org.relaxha.core.journal.StateDirectoryLockedException}. The OS drops the lock when the
 *       holder dies.
 *   <li>{@code journal-<first seq, 20 digits>.log}: a journal segment. A 16-byte header (the magic
 *       {@code "RHAJ"}, the format version {@code 1} as an int, the first sequence number as a
 *       long), then records back to back. A new segment starts when the current one would grow past
 *       the segment size, and after each snapshot.
 *   <li>{@code snapshot-<seq, 20 digits>.bin}: the state after every entry up to and including
 *       {@code seq}. A 16-byte header (magic {@code "RHAS"}, version, seq), then exactly one
 *       record. Written to {@code snapshot-<seq>.bin.tmp}, forced, renamed atomically, and the
 *       directory forced; a leftover {@code .tmp} file is deleted on recovery.
 *   <li>{@code *.torn-<offset>} and {@code *.corrupt-<offset>}: bytes recovery moved aside, with
 *       the offset they came from ({@code -1}, {@code -2}... are added if the name is taken).
 *       Nothing reads them again; they are kept for the administrator.
 * </ul>
 *
 * <p>A record (all integers big-endian) is {@code [int length][int CRC32C of the
 * payload][payload]}, where the payload is {@code [long seq][codec message]} and {@code length} is
 * the payload's size (at least 9 bytes, at most 256 MiB). A codec message is a format-version byte
 * ({@code 1}) and one tagged value; records are written as their class name (through a per-message
 * dictionary) and their components in declaration order.
 *
 * <p>Compaction: after writing a snapshot, the store deletes the snapshots older than the previous
 * one and every segment whose entries the previous snapshot covers. So the newest snapshot always
 * has a fallback, the previous snapshot plus the journal after it.
 *
 * <h2>Recovery rules</h2>
 *
 * <ol>
 *   <li>The newest snapshot that passes its checks (header, length, CRC32C, sequence number,
 *       decoding) is the starting point. A damaged newer snapshot is moved aside with a warning,
 *       but only if the older snapshot (or, with none, the journal from seq 1) and the journal
 *       after it cover every entry up to the damaged snapshot's seq; otherwise recovery fails with
 *       {@link org.relaxha.core.journal.JournalCorruptedException}.
 *   <li>Segments are read in order from the one holding the entry after the snapshot; each must
 *       start where the previous one ended, and every record must hold the next sequence number.
 *   <li>An incomplete record at the end of the last segment (the file ends inside the record's
 *       header or before its declared length, or the rest of the file is zeros), or an incomplete
 *       header of the last segment, is a write torn by a crash. Appends are acknowledged only after
 *       the record is forced, so nothing ever acted on it: it is not replayed, its bytes move to a
 *       {@code .torn-<offset>} side file, the segment is truncated to its last good record, and a
 *       warning names the file, offset and byte count. (If a shorter prefix of such a record
 *       matches its CRC, the record is complete and its length field is damaged: corruption.)
 *   <li>Anything else is damage: a CRC32C mismatch, an impossible length, a broken sequence, a
 *       record that cannot be decoded, a bad header, or an incomplete record in a segment that is
 *       not the last. Recovery throws {@link org.relaxha.core.journal.JournalCorruptedException}
 *       naming the file, the offset and the sequence number, and never replays past it.
 *   <li>With {@link org.relaxha.core.journal.FileStateStore.Options#repair() repair} on, the
 *       damaged bytes (to the end of their segment) and every later segment are moved aside, the
 *       segment is truncated at its last good record, recovery continues, and a warning says what
 *       was moved and which entries were lost.
 * </ol>
 *
 * <p>Thread-safety: the codec is immutable and thread-safe; the stores serialize their methods but
 * are designed for one writer, the controller's loop.
 */
package org.relaxha.core.journal;
