package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaxha.core.journal.JournalFiles.last;
import static org.relaxha.core.journal.JournalFiles.segments;
import static org.relaxha.core.journal.JournalFiles.sideFiles;
import static org.relaxha.core.journal.JournalFiles.small;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.journal.Fixtures.Circle;
import org.relaxha.core.journal.Fixtures.Group;
import org.relaxha.core.journal.StateStore.Recovery;

/**
 * A crash can tear the last append: the file ends inside the record. Recovery must drop exactly
 * that record (it was never acknowledged), keep its bytes aside and say so.
 */
class TornWriteTest {
  private static final RecordCodec CODEC = RecordCodec.ofDefaults();
  private static final List<Object> ACKED =
      List.of("first", new Circle(1), List.of(1, 2, 3), "fourth");
  private static final Object IN_FLIGHT =
      new Group("in flight", List.of(new Circle(2), new Circle(3)));

  @TempDir Path dir;

  private Recovery reopen() {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, small(1024))) {
      return store.recover();
    }
  }

  private static List<Object> values(Recovery recovery) {
    return recovery.entries().stream().map(StateStore.Entry::value).collect(Collectors.toList());
  }

  @Test
  void aRecordCutAtAnyByteIsSetAsideAndEverythingBeforeItRecovered() throws IOException {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, small(1024))) {
      store.recover();
      ACKED.forEach(store::append);
    }
    Path segment = last(segments(dir));
    int start = (int) Files.size(segment);
    try (FileStateStore store = FileStateStore.open(dir, CODEC, small(1024))) {
      store.recover();
      store.append(IN_FLIGHT);
    }
    byte[] whole = JournalFiles.read(segment);
    assertThat(segments(dir)).hasSize(1);

    for (int cut = start + 1; cut < whole.length; cut++) {
      JournalFiles.write(segment, Arrays.copyOf(whole, cut));

      Recovery recovery = reopen();

      int torn = cut - start;
      assertThat(values(recovery)).as("cut at %d", cut).isEqualTo(ACKED);
      assertThat(recovery.warnings())
          .as("cut at %d", cut)
          .singleElement()
          .asString()
          .contains(segment.toString())
          .contains("offset " + start + " (seq 5)")
          .contains("moved its " + torn + " bytes from offset " + start);
      assertThat(Files.size(segment)).isEqualTo(start);
      Path side = segment.resolveSibling(segment.getFileName() + ".torn-" + start);
      assertThat(JournalFiles.read(side)).isEqualTo(Arrays.copyOfRange(whole, start, cut));
      assertThat(reopen().warnings()).as("the second recovery is clean").isEmpty();
      Files.delete(side);
    }

    JournalFiles.write(segment, whole);
    assertThat(values(reopen())).hasSize(5).endsWith(IN_FLIGHT);
  }

  @Test
  void appendsContinueAfterATornRecord() {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, small(1024))) {
      store.recover();
      ACKED.forEach(store::append);
      store.append(IN_FLIGHT);
    }
    Path segment = last(segments(dir));
    JournalFiles.truncate(segment, JournalFiles.read(segment).length - 3);
    try (FileStateStore store = FileStateStore.open(dir, CODEC, small(1024))) {
      assertThat(values(store.recover())).isEqualTo(ACKED);
      assertThat(store.append("replacement")).isEqualTo(5);
    }
    Recovery recovery = reopen();
    assertThat(values(recovery)).hasSize(5).endsWith("replacement");
    assertThat(recovery.warnings()).isEmpty();
  }

  @Test
  void aSegmentTornInsideItsHeaderIsSetAside() {
    FileStateStore.Options options = small(64);
    try (FileStateStore store = FileStateStore.open(dir, CODEC, options)) {
      store.recover();
      store.append("x".repeat(40));
      store.append("y".repeat(40)); // starts segment 2
    }
    Path second = last(segments(dir));
    assertThat(second.getFileName().toString()).isEqualTo(FileNames.segment(2));
    byte[] whole = JournalFiles.read(second);
    for (int cut = 0; cut < Framing.FILE_HEADER + Framing.RECORD_HEADER; cut++) {
      JournalFiles.write(second, Arrays.copyOf(whole, cut));
      try (FileStateStore store = FileStateStore.open(dir, CODEC, options)) {
        Recovery recovery = store.recover();
        assertThat(values(recovery)).as("cut at %d", cut).containsExactly("x".repeat(40));
        if (cut == Framing.FILE_HEADER) {
          assertThat(recovery.warnings()).as("a header without records is complete").isEmpty();
        } else {
          assertThat(recovery.warnings()).singleElement().asString().contains(second.toString());
        }
        if (cut < Framing.FILE_HEADER) {
          assertThat(second).doesNotExist();
          assertThat(JournalFiles.read(sideFiles(dir, ".torn-").get(0))).hasSize(cut);
        } else {
          assertThat(second).hasSize(Framing.FILE_HEADER);
        }
        assertThat(store.append("z")).isEqualTo(2);
      }
      assertThat(values(reopen())).containsExactly("x".repeat(40), "z");
      sideFiles(dir, ".torn-").forEach(p -> p.toFile().delete());
      JournalFiles.write(second, whole);
    }
  }

  @Test
  void aZeroFilledTailIsATornWrite() {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, small(1024))) {
      store.recover();
      ACKED.forEach(store::append);
    }
    Path segment = last(segments(dir));
    int size = JournalFiles.read(segment).length;
    JournalFiles.append(segment, new byte[100]);
    Recovery recovery = reopen();
    assertThat(values(recovery)).isEqualTo(ACKED);
    assertThat(recovery.warnings())
        .singleElement()
        .asString()
        .contains("zeros")
        .contains("moved its 100 bytes");
    assertThat(segment).hasSize(size);
  }
}
