package org.relaxha.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery of a {@link FileStateStore}'s directory: picks the newest usable snapshot, scans the
 * journal after it, sets torn tails aside, and reports or (in repair mode) sets aside damage. See
 * the package documentation for the rules. Used once, by the store's thread.
 */
final class JournalRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);
  private static final String ADVICE =
      " Start with repair enabled (FileStateStore.Options repair) to move the damaged part aside"
          + " and continue from the last good record, or restore the state directory.";

  /** The segment appends continue in, when it can: its first seq, size and next seq. */
  record Active(long firstSeq, long size, long nextSeq) {}

  /** The recovered state and what the store needs to continue. */
  record Outcome(
      StateStore.Recovery recovery,
      TreeSet<Long> segments,
      TreeSet<Long> snapshots,
      long lastSeq,
      Active active) {}

  private record Damaged(long seq, Path file, String reason) {}

  private record Anchor(long seq, Optional<Object> state, List<Damaged> damaged) {}

  private record Scan(List<StateStore.Entry> entries, long lastSeq, Active active) {}

  private final Path dir;
  private final RecordCodec codec;
  private final boolean repair;
  private final boolean fsync;
  private final List<String> warnings = new ArrayList<>();
  private final TreeSet<Long> segments = new TreeSet<>();
  private final TreeSet<Long> snapshots = new TreeSet<>();

  private JournalRecovery(Path dir, RecordCodec codec, boolean repair, boolean fsync) {
    this.dir = dir;
    this.codec = codec;
    this.repair = repair;
    this.fsync = fsync;
  }

  static Outcome run(Path dir, RecordCodec codec, boolean repair, boolean fsync)
      throws IOException {
    return new JournalRecovery(dir, codec, repair, fsync).run();
  }

  private Outcome run() throws IOException {
    listDirectory();
    Anchor anchor = chooseAnchor();
    Scan scan = scanJournal(anchor);
    if (!anchor.damaged().isEmpty()) {
      requireCoverage(anchor, scan.lastSeq() >= anchor.damaged().get(0).seq());
      setDamagedSnapshotsAside(anchor);
    }
    StateStore.Recovery recovery =
        new StateStore.Recovery(anchor.state(), anchor.seq(), scan.entries(), warnings);
    return new Outcome(recovery, segments, snapshots, scan.lastSeq(), scan.active());
  }

  private void listDirectory() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (!Files.isRegularFile(file)) {
          continue;
        }
        long segment = FileNames.segmentSeq(file);
        long snapshot = FileNames.snapshotSeq(file);
        if (segment > 0) {
          segments.add(segment);
        } else if (snapshot > 0) {
          snapshots.add(snapshot);
        } else if (FileNames.isSnapshotTemp(file)) {
          Files.delete(file);
          warn(
              file
                  + ": an unfinished snapshot left by a crash while it was being written; deleted"
                  + " it (the journal and the older snapshots hold everything it would have).");
        }
      }
    }
  }

  /** The newest snapshot that loads, and the newer ones that did not. */
  private Anchor chooseAnchor() throws IOException {
    List<Damaged> damaged = new ArrayList<>();
    for (long seq : snapshots.descendingSet()) {
      Path file = dir.resolve(FileNames.snapshot(seq));
      try {
        return new Anchor(seq, Optional.of(loadSnapshot(file, seq)), damaged);
      } catch (SnapshotDamage e) {
        damaged.add(new Damaged(seq, file, e.getMessage()));
      }
    }
    return new Anchor(0, Optional.empty(), damaged);
  }

  private Object loadSnapshot(Path file, long seq) throws IOException {
    long size = Files.size(file);
    long limit = Framing.FILE_HEADER + Framing.RECORD_HEADER + (long) Framing.MAX_PAYLOAD;
    if (size < Framing.FILE_HEADER + Framing.RECORD_HEADER + Framing.MIN_PAYLOAD || size > limit) {
      throw new SnapshotDamage("its size of " + size + " bytes is impossible");
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    if (bytes.getInt() != Framing.SNAPSHOT_MAGIC) {
      throw new SnapshotDamage("its header lacks the snapshot magic number");
    }
    int version = bytes.getInt();
    if (version != Framing.VERSION) {
      throw new SnapshotDamage("its header says format version " + version);
    }
    if (bytes.getLong() != seq) {
      throw new SnapshotDamage("its header names another seq than its file name");
    }
    int length = bytes.getInt();
    int crc = bytes.getInt();
    if (length != bytes.remaining()) {
      throw new SnapshotDamage(
          "it declares a record of " + length + " bytes but holds " + bytes.remaining());
    }
    if (Framing.crc(bytes.array(), bytes.position(), length) != crc) {
      throw new SnapshotDamage("its record fails its CRC32C check");
    }
    if (bytes.getLong() != seq) {
      throw new SnapshotDamage("its record names another seq than its file name");
    }
    try {
      Object state = codec.decode(bytes.array(), bytes.position(), bytes.remaining());
      if (state == null) {
        throw new SnapshotDamage("it holds no state");
      }
      return state;
    } catch (CodecException e) {
      throw new SnapshotDamage("it cannot be decoded: " + e.getMessage());
    }
  }

  private Scan scanJournal(Anchor anchor) throws IOException {
    long base = anchor.seq();
    List<Long> segs = new ArrayList<>(segments);
    int start = 0;
    while (start + 1 < segs.size() && segs.get(start + 1) <= base + 1) {
      start++; // every entry in segs[start] is covered by the snapshot
    }
    if (!anchor.damaged().isEmpty()) {
      requireCoverage(anchor, start < segs.size() && segs.get(start) <= base + 1);
    }
    List<StateStore.Entry> entries = new ArrayList<>();
    long expected = base + 1;
    for (int i = start; i < segs.size(); i++) {
      long first = segs.get(i);
      Path file = dir.resolve(FileNames.segment(first));
      if (i == start ? first > base + 1 : first != expected) {
        damage(file, gap(first, expected), segs, i, Files.size(file));
        break;
      }
      SegmentScanner.Result scan = scanAndDecode(file, first, i == segs.size() - 1, base, entries);
      expected = scan.nextSeq();
      SegmentScanner.Problem problem = scan.problem();
      if (problem != null) {
        boolean survives =
            problem.torn()
                ? setTornAside(file, problem, scan.size())
                : damage(file, problem, segs, i, scan.size());
        Active active = survives ? new Active(first, scan.goodEnd(), expected) : null;
        return new Scan(entries, Math.max(base, expected - 1), active);
      }
    }
    Active active = null;
    if (!segments.isEmpty() && segments.last() >= segs.get(start)) {
      long first = segments.last(); // scanned to its end without a problem
      active = new Active(first, Files.size(dir.resolve(FileNames.segment(first))), expected);
    }
    return new Scan(entries, Math.max(base, expected - 1), active);
  }

  private static SegmentScanner.Problem gap(long first, long expected) {
    String what =
        "the segment starts at seq "
            + first
            + " but seq "
            + expected
            + " comes next: "
            + (first > expected
                ? "entries " + expected + ".." + (first - 1) + " are missing"
                : "it overlaps the previous segment");
    return new SegmentScanner.Problem(false, 0, expected, what);
  }

  /**
   * Scans one segment and decodes its records after {@code base} into {@code entries}; a record
   * that does not decode becomes the scan's problem.
   */
  private SegmentScanner.Result scanAndDecode(
      Path file, long first, boolean last, long base, List<StateStore.Entry> entries)
      throws IOException {
    SegmentScanner.Result scan = SegmentScanner.scan(file, first, last, base);
    for (SegmentScanner.RawRecord record : scan.records()) {
      String failure = decodeInto(entries, record);
      if (failure != null) {
        SegmentScanner.Problem problem =
            new SegmentScanner.Problem(false, record.offset(), record.seq(), failure);
        return new SegmentScanner.Result(
            scan.records(), record.offset(), record.seq(), scan.size(), problem);
      }
    }
    return scan;
  }

  /** Decodes one record into {@code entries}; returns why it failed, or null. */
  private String decodeInto(List<StateStore.Entry> entries, SegmentScanner.RawRecord record) {
    String at = "record at offset " + record.offset() + " (seq " + record.seq() + ")";
    try {
      Object value = codec.decode(record.body());
      if (value == null) {
        return at + " holds no value";
      }
      entries.add(new StateStore.Entry(record.seq(), value));
      return null;
    } catch (CodecException e) {
      return at + " cannot be decoded: " + e.getMessage();
    }
  }

  /** Moves a torn final record (or a torn segment header) aside; returns whether the file stays. */
  private boolean setTornAside(Path file, SegmentScanner.Problem torn, long size)
      throws IOException {
    long bytes = size - torn.offset();
    String cause = ". A crash tore this write before it was acknowledged, so it is not replayed: ";
    if (torn.offset() < Framing.FILE_HEADER) {
      Path side = DurableFiles.moveAside(file, ".torn-0", fsync);
      segments.remove(FileNames.segmentSeq(file));
      warn(
          file
              + ": "
              + torn.what()
              + cause
              + "moved the file ("
              + size
              + " bytes) to "
              + side
              + ".");
      return false;
    }
    Path side = DurableFiles.cutTail(file, torn.offset(), ".torn-" + torn.offset(), fsync);
    warn(
        file
            + ": "
            + torn.what()
            + cause
            + "moved its "
            + bytes
            + " bytes from offset "
            + torn.offset()
            + " to "
            + side
            + " and truncated the segment to "
            + torn.offset()
            + " bytes.");
    return true;
  }

  /**
   * Reports damage in {@code segs[index]}: throws, or in repair mode moves the damaged bytes and
   * every later segment aside. Returns whether the damaged file stays (truncated).
   */
  private boolean damage(
      Path file, SegmentScanner.Problem problem, List<Long> segs, int index, long size)
      throws IOException {
    if (!repair) {
      throw new JournalCorruptedException(
          file,
          problem.offset(),
          problem.seq(),
          file + ": " + problem.what() + "; the journal is damaged." + ADVICE,
          null);
    }
    List<Path> later = new ArrayList<>();
    for (int j = segs.size() - 1; j > index; j--) {
      later.add(
          0,
          DurableFiles.moveAside(dir.resolve(FileNames.segment(segs.get(j))), ".corrupt-0", fsync));
      segments.remove(segs.get(j));
    }
    boolean stays = problem.offset() >= Framing.FILE_HEADER;
    Path side;
    if (stays) {
      side = DurableFiles.cutTail(file, problem.offset(), ".corrupt-" + problem.offset(), fsync);
    } else {
      side = DurableFiles.moveAside(file, ".corrupt-0", fsync);
      segments.remove(segs.get(index));
    }
    warn(
        file
            + ": "
            + problem.what()
            + ". Repair mode: moved its "
            + (size - problem.offset())
            + " bytes from offset "
            + problem.offset()
            + " to "
            + side
            + (later.isEmpty() ? "" : " and the later segments to " + later)
            + "; recovery continues from the last good record before seq "
            + problem.seq()
            + ". Journal entries from seq "
            + problem.seq()
            + " on are not replayed: check that the controller's view matches the site.");
    return stays;
  }

  private void requireCoverage(Anchor anchor, boolean covered) {
    if (covered) {
      return;
    }
    Damaged newest = anchor.damaged().get(0);
    String from =
        anchor.seq() == 0
            ? "the journal alone"
            : "the older snapshot " + FileNames.snapshot(anchor.seq()) + " and the journal";
    throw new JournalCorruptedException(
        newest.file(),
        0,
        newest.seq(),
        newest.file()
            + ": the snapshot is damaged ("
            + newest.reason()
            + "), and the state"
            + " cannot be rebuilt from "
            + from
            + ": the journal does not hold every entry from"
            + " seq "
            + (anchor.seq() + 1)
            + " to "
            + newest.seq()
            + ". Restore the state"
            + " directory from a backup.",
        null);
  }

  private void setDamagedSnapshotsAside(Anchor anchor) throws IOException {
    for (Damaged damaged : anchor.damaged()) {
      Path side = DurableFiles.moveAside(damaged.file(), ".corrupt-0", fsync);
      snapshots.remove(damaged.seq());
      warn(
          damaged.file()
              + ": the snapshot is damaged ("
              + damaged.reason()
              + "); recovered from "
              + (anchor.seq() == 0
                  ? "the journal alone"
                  : FileNames.snapshot(anchor.seq()) + " and the journal")
              + " instead, and moved the damaged file to "
              + side
              + ".");
    }
  }

  private void warn(String warning) {
    LOG.warn(warning);
    warnings.add(warning);
  }

  /** A snapshot file that cannot be used; the message says why. */
  private static final class SnapshotDamage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SnapshotDamage(String message) {
      super(message, null, false, false);
    }
  }
}
