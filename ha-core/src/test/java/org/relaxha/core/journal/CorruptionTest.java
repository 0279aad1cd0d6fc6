package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaxha.core.journal.JournalFiles.segments;
import static org.relaxha.core.journal.JournalFiles.sideFiles;
import static org.relaxha.core.journal.JournalFiles.small;

import com.example.outside.ForeignPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.journal.StateStore.Recovery;

/** Damage anywhere in the journal is reported with its file and offset, never replayed. */
class CorruptionTest {
  private static final RecordCodec CODEC = RecordCodec.ofDefaults();
  private static final FileStateStore.Options OPTIONS = small(200);
  private static final int ENTRIES = 24;

  @TempDir Path dir;

  @BeforeEach
  void writeJournal() {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, OPTIONS)) {
      store.recover();
      for (int i = 1; i <= ENTRIES; i++) {
        store.append(value(i));
      }
    }
    assertThat(segments(dir)).hasSizeGreaterThanOrEqualTo(3);
  }

  private static Object value(int i) {
    return List.of("entry", i, Instant.ofEpochSecond(i));
  }

  private Recovery recover(FileStateStore.Options options) {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, options)) {
      return store.recover();
    }
  }

  private static List<Object> values(Recovery recovery) {
    return recovery.entries().stream().map(StateStore.Entry::value).collect(Collectors.toList());
  }

  private static List<Object> valuesUpTo(long seq) {
    return IntStream.rangeClosed(1, (int) seq)
        .mapToObj(CorruptionTest::value)
        .collect(Collectors.toList());
  }

  @Test
  void aFlippedBitAtEveryOffsetOfEverySegmentIsReportedWhereItIs() {
    for (Path segment : segments(dir)) {
      byte[] original = JournalFiles.read(segment);
      for (int offset = 0; offset < original.length; offset++) {
        int mask = 1 << (offset % 8);
        int recordStart = JournalFiles.recordStartOf(segment, offset);
        JournalFiles.flip(segment, offset, mask);
        int at = offset;
        assertThatThrownBy(() -> recover(OPTIONS))
            .as("bit %d flipped at %s offset %d", mask, segment.getFileName(), at)
            .isInstanceOfSatisfying(
                JournalCorruptedException.class,
                e -> {
                  assertThat(e.file()).isEqualTo(segment);
                  assertThat(e.offset()).isEqualTo(recordStart);
                  assertThat(e.getMessage())
                      .startsWith(segment + ": ")
                      .contains("offset " + recordStart)
                      .contains("Start with repair enabled");
                });
        JournalFiles.write(segment, original);
      }
    }
    assertThat(values(recover(OPTIONS))).isEqualTo(valuesUpTo(ENTRIES));
  }

  @Test
  void theMessageSaysWhatFailedForAnAdministrator() {
    Path first = segments(dir).get(0);
    int second = JournalFiles.recordStarts(first).get(1);
    JournalFiles.flip(first, second + Framing.RECORD_HEADER + 9, 0x40);
    assertThatThrownBy(() -> recover(OPTIONS))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class, e -> assertThat(e.seq()).hasValue(2))
        .hasMessage(
            first
                + ": record at offset "
                + second
                + " (seq 2) fails its CRC32C check; the journal is damaged. Start with repair"
                + " enabled (FileStateStore.Options repair) to move the damaged part aside and"
                + " continue from the last good record, or restore the state directory.");
  }

  @Test
  void aMissingSegmentIsASequenceGap() throws IOException {
    List<Path> segments = segments(dir);
    Files.delete(segments.get(1));
    long expected = FileNames.segmentSeq(segments.get(1));
    assertThatThrownBy(() -> recover(OPTIONS))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.file()).isEqualTo(segments.get(2));
              assertThat(e.offset()).isZero();
              assertThat(e.seq()).hasValue(expected);
            })
        .hasMessageContaining(
            "entries "
                + expected
                + ".."
                + (FileNames.segmentSeq(segments.get(2)) - 1)
                + " are missing");
  }

  @Test
  void anIncompleteRecordInAnEarlierSegmentIsDamageNotATornWrite() {
    Path first = segments(dir).get(0);
    byte[] bytes = JournalFiles.read(first);
    JournalFiles.write(first, Arrays.copyOf(bytes, bytes.length - 5));
    int lastStart =
        JournalFiles.recordStarts(segments(dir).get(0)).size() > 0
            ? JournalFiles.recordStartOf(first, bytes.length - 6)
            : 0;
    assertThatThrownBy(() -> recover(OPTIONS))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class, e -> assertThat(e.offset()).isEqualTo(lastStart))
        .hasMessageContaining("is incomplete")
        .hasMessageContaining("but later segments exist");
  }

  @Test
  void aRecordThatCannotBeDecodedIsDamage() {
    RecordCodec wider = RecordCodec.builder().allowPackage("com.example.outside.").build();
    try (FileStateStore store = FileStateStore.open(dir, wider, OPTIONS)) {
      store.recover();
      store.append(new ForeignPoint(1, 2));
    }
    Path last = JournalFiles.last(segments(dir));
    assertThatThrownBy(() -> recover(OPTIONS))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.file()).isEqualTo(last);
              assertThat(e.seq()).hasValue(ENTRIES + 1);
            })
        .hasMessageContaining("(seq " + (ENTRIES + 1) + ") cannot be decoded")
        .hasMessageContaining("com.example.outside.ForeignPoint is outside the allowed packages");
  }

  @Test
  void repairMovesTheDamageAndEveryLaterSegmentAsideAndContinues() throws IOException {
    List<Path> segments = segments(dir);
    Path damaged = segments.get(1);
    List<Integer> starts = JournalFiles.recordStarts(damaged);
    int badRecord = starts.get(1);
    long badSeq = FileNames.segmentSeq(damaged) + 1;
    byte[] original = JournalFiles.read(damaged);
    JournalFiles.flip(damaged, badRecord + 12, 0x01);
    byte[] flipped = JournalFiles.read(damaged);
    byte[] later = JournalFiles.read(segments.get(2));

    Recovery recovery = recover(JournalFiles.repairing(200));

    assertThat(values(recovery)).isEqualTo(valuesUpTo(badSeq - 1));
    assertThat(recovery.warnings())
        .singleElement()
        .asString()
        .contains(damaged.toString())
        .contains("fails its CRC32C check")
        .contains("Repair mode")
        .contains("Journal entries from seq " + badSeq + " on are not replayed");
    Path tail = damaged.resolveSibling(damaged.getFileName() + ".corrupt-" + badRecord);
    assertThat(JournalFiles.read(tail))
        .isEqualTo(Arrays.copyOfRange(flipped, badRecord, flipped.length));
    assertThat(JournalFiles.read(damaged)).isEqualTo(Arrays.copyOf(original, badRecord));
    Path movedLater = segments.get(2).resolveSibling(segments.get(2).getFileName() + ".corrupt-0");
    assertThat(JournalFiles.read(movedLater)).isEqualTo(later);
    assertThat(segments(dir)).containsExactly(segments.get(0), damaged);

    try (FileStateStore store = FileStateStore.open(dir, CODEC, OPTIONS)) {
      Recovery again = store.recover();
      assertThat(again.warnings()).isEmpty();
      assertThat(store.append("after repair")).isEqualTo(badSeq);
    }
    assertThat(values(recover(OPTIONS))).hasSize((int) badSeq).endsWith("after repair");
  }

  @Test
  void repairOfADamagedHeaderMovesTheWholeSegment() {
    List<Path> segments = segments(dir);
    Path damaged = segments.get(1);
    JournalFiles.flip(damaged, 2, 0x10);
    Recovery recovery = recover(JournalFiles.repairing(200));
    assertThat(values(recovery)).isEqualTo(valuesUpTo(FileNames.segmentSeq(damaged) - 1));
    assertThat(segments(dir)).containsExactly(segments.get(0));
    assertThat(sideFiles(dir, ".corrupt-0")).hasSize(segments.size() - 1);
    assertThat(recovery.warnings())
        .singleElement()
        .asString()
        .contains("lacks the journal magic number");
  }
}
