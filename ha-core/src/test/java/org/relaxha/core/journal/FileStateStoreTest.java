package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaxha.core.journal.JournalFiles.names;
import static org.relaxha.core.journal.JournalFiles.segments;
import static org.relaxha.core.journal.JournalFiles.small;
import static org.relaxha.core.journal.JournalFiles.snapshots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.journal.Fixtures.Circle;
import org.relaxha.core.journal.Fixtures.Event;
import org.relaxha.core.journal.StateStore.Entry;
import org.relaxha.core.journal.StateStore.Recovery;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.VmId;

class FileStateStoreTest {
  private static final RecordCodec CODEC = RecordCodec.ofDefaults();

  @TempDir Path dir;

  private FileStateStore open(FileStateStore.Options options) {
    return FileStateStore.open(dir, CODEC, options);
  }

  private static Event event(long i) {
    return new Event(
        i, "event number " + i, Instant.ofEpochSecond(1_700_000_000L + i), Duration.ofMillis(i));
  }

  private static List<Object> values(Recovery recovery) {
    return recovery.entries().stream().map(Entry::value).collect(Collectors.toList());
  }

  private static List<Long> seqs(Recovery recovery) {
    return recovery.entries().stream().map(Entry::seq).collect(Collectors.toList());
  }

  @Test
  void recoversWhatWasAppendedAcrossReopens() {
    Observation observation =
        Observation.of(VmId.of("web-1"), ObservedStatus.FAILED, Instant.EPOCH, "nagios", "down");
    List<Object> appended =
        List.of(observation, ActionResult.failed("busy"), new Circle(2), "text");
    try (FileStateStore store = open(FileStateStore.Options.ofDefaults())) {
      Recovery empty = store.recover();
      assertThat(empty.state()).isEmpty();
      assertThat(empty.snapshotSeq()).isZero();
      assertThat(empty.entries()).isEmpty();
      assertThat(empty.warnings()).isEmpty();
      assertThat(empty.lastSeq()).isZero();
      List<Long> seqs = new ArrayList<>();
      for (Object value : appended) {
        seqs.add(store.append(value));
      }
      assertThat(seqs).containsExactly(1L, 2L, 3L, 4L);
    }
    try (FileStateStore store = open(FileStateStore.Options.ofDefaults())) {
      Recovery recovery = store.recover();
      assertThat(values(recovery)).isEqualTo(appended);
      assertThat(seqs(recovery)).containsExactly(1L, 2L, 3L, 4L);
      assertThat(recovery.warnings()).isEmpty();
      assertThat(store.append("more")).isEqualTo(5);
      assertThat(store.lastSeq()).isEqualTo(5);
    }
    assertThat(names(segments(dir))).containsExactly("journal-00000000000000000001.log");
  }

  @Test
  void rollsOverToNewSegmentsAndReadsThemBackInOrder() {
    try (FileStateStore store = open(small(256))) {
      store.recover();
      for (long i = 1; i <= 40; i++) {
        assertThat(store.append(event(i))).isEqualTo(i);
      }
    }
    List<Path> segments = segments(dir);
    assertThat(segments).hasSizeGreaterThan(5);
    assertThat(segments.get(0).getFileName().toString())
        .isEqualTo("journal-00000000000000000001.log");
    long expectedFirst = 1;
    for (Path segment : segments) {
      assertThat(segment.getFileName().toString()).isEqualTo(FileNames.segment(expectedFirst));
      assertThat(JournalFiles.read(segment).length).isLessThanOrEqualTo(256);
      expectedFirst += JournalFiles.recordStarts(segment).size();
    }
    assertThat(expectedFirst).isEqualTo(41);
    try (FileStateStore store = open(small(256))) {
      Recovery recovery = store.recover();
      assertThat(values(recovery))
          .isEqualTo(
              LongStream.rangeClosed(1, 40)
                  .mapToObj(FileStateStoreTest::event)
                  .collect(Collectors.toList()));
      assertThat(store.append(event(41))).isEqualTo(41);
    }
  }

  @Test
  void aRecordLargerThanASegmentGetsOneOfItsOwn() {
    try (FileStateStore store = open(small(128))) {
      store.recover();
      store.append("small");
      store.append("x".repeat(1000));
      store.append("small again");
    }
    assertThat(names(segments(dir)))
        .containsExactly(FileNames.segment(1), FileNames.segment(2), FileNames.segment(3));
    try (FileStateStore store = open(small(128))) {
      assertThat(values(store.recover())).containsExactly("small", "x".repeat(1000), "small again");
    }
  }

  @Test
  void snapshotsCompactTheJournalAndKeepThePreviousSnapshotAsFallback() {
    FileStateStore.Options options = small(256);
    try (FileStateStore store = open(options)) {
      store.recover();
      for (long i = 1; i <= 30; i++) {
        store.append(event(i));
      }
      store.snapshot(20, Map.of("upTo", 20L));
      // the new snapshot's fallback is the journal from seq 1: nothing is deleted yet
      assertThat(segments(dir).get(0).getFileName().toString()).isEqualTo(FileNames.segment(1));
      assertThat(store.append(event(31))).isEqualTo(31);
      assertThat(JournalFiles.last(segments(dir)).getFileName().toString())
          .as("a snapshot starts a new segment")
          .isEqualTo(FileNames.segment(31));
      for (long i = 32; i <= 60; i++) {
        store.append(event(i));
      }
      store.snapshot(50, Map.of("upTo", 50L));
      store.append(event(61));
    }
    assertThat(names(snapshots(dir)))
        .containsExactly(FileNames.snapshot(20), FileNames.snapshot(50));
    List<Path> segments = segments(dir);
    long firstKept = FileNames.segmentSeq(segments.get(0));
    assertThat(firstKept)
        .as("segments wholly covered by snapshot 20 are gone")
        .isGreaterThan(1)
        .isLessThanOrEqualTo(21);
    assertThat(segments.size() > 1 ? FileNames.segmentSeq(segments.get(1)) : Long.MAX_VALUE)
        .isGreaterThan(21);

    try (FileStateStore store = open(options)) {
      Recovery recovery = store.recover();
      assertThat(recovery.state()).contains(Map.of("upTo", 50L));
      assertThat(recovery.snapshotSeq()).isEqualTo(50);
      assertThat(seqs(recovery))
          .containsExactlyElementsOf(
              LongStream.rangeClosed(51, 61).boxed().collect(Collectors.toList()));
      assertThat(values(recovery).get(0)).isEqualTo(event(51));
      assertThat(recovery.warnings()).isEmpty();
      store.snapshot(61, Map.of("upTo", 61L));
    }
    assertThat(names(snapshots(dir)))
        .containsExactly(FileNames.snapshot(50), FileNames.snapshot(61));
    assertThat(FileNames.segmentSeq(segments(dir).get(0)))
        .isGreaterThan(firstKept)
        .isLessThanOrEqualTo(51);
  }

  @Test
  void refusesSnapshotsOutsideTheJournal() {
    try (FileStateStore store = open(small(256))) {
      store.recover();
      store.append("a");
      store.append("b");
      assertThatThrownBy(() -> store.snapshot(3, "s"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at most the last appended seq (2), was 3");
      assertThatThrownBy(() -> store.snapshot(0, "s")).isInstanceOf(IllegalArgumentException.class);
      store.snapshot(2, "s");
      assertThatThrownBy(() -> store.snapshot(2, "again"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("after the newest snapshot (2)");
      assertThatThrownBy(() -> store.snapshot(2, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("state");
    }
  }

  @Test
  void enforcesItsLifecycle() {
    FileStateStore store = open(small(256));
    assertThatThrownBy(() -> store.append("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call recover() first");
    store.recover();
    assertThatThrownBy(store::recover).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.append(null)).isInstanceOf(NullPointerException.class);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(store.toString()).contains(dir.toString());
  }

  @Test
  void aValueTheCodecRefusesWritesNothing() {
    try (FileStateStore store = open(small(256))) {
      store.recover();
      store.append("a");
      assertThatThrownBy(() -> store.append(new StringBuilder()))
          .isInstanceOf(CodecException.class);
      assertThat(store.append("b")).isEqualTo(2);
    }
    try (FileStateStore store = open(small(256))) {
      assertThat(values(store.recover())).containsExactly("a", "b");
    }
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
    FileStateStore first = open(small(256));
    first.recover();
    first.append("a");
    assertThatThrownBy(() -> open(small(256)))
        .isInstanceOfSatisfying(
            StateDirectoryLockedException.class,
            e -> {
              assertThat(e.directory()).isEqualTo(dir.toAbsolutePath());
              assertThat(e.holder()).contains("pid " + ProcessHandle.current().pid());
            })
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("two controllers must never share a state directory");
    // the refused open must not have released the first store's OS lock
    assertThat(JournalFiles.read(dir.resolve("LOCK"))).isNotEmpty();
    first.append("b");
    first.close();
    try (FileStateStore second = open(small(256))) {
      assertThat(values(second.recover())).containsExactly("a", "b");
    }
  }

  @Test
  void namesThePathWhenTheDirectoryCannotBeCreated(@TempDir Path other) throws IOException {
    Path file = Files.createFile(other.resolve("not-a-dir"));
    assertThatThrownBy(() -> FileStateStore.open(file.resolve("state"), CODEC, small(256)))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("cannot create the state directory " + file.resolve("state"));
    assertThatThrownBy(() -> FileStateStore.open(file, CODEC, small(256)))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void optionsValidateTheirFields() {
    FileStateStore.Options defaults = FileStateStore.Options.ofDefaults();
    assertThat(defaults.segmentSize()).isEqualTo(64L << 20);
    assertThat(defaults.fsync()).isTrue();
    assertThat(defaults.repair()).isFalse();
    assertThatThrownBy(() -> FileStateStore.Options.builder().segmentSize(10).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segmentSize must be >= 64, was 10");
    assertThatThrownBy(() -> FileStateStore.Options.builder().segmentSize(2L << 30).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentSize must be <= 1 GiB");
  }

  @Test
  void deletesAnUnfinishedSnapshotWithAWarning() throws IOException {
    try (FileStateStore store = open(small(256))) {
      store.recover();
      store.append("a");
      store.snapshot(1, "state at 1");
      store.append("b");
    }
    Path temp = dir.resolve(FileNames.snapshot(2) + ".tmp");
    Files.write(temp, new byte[] {1, 2, 3});
    try (FileStateStore store = open(small(256))) {
      Recovery recovery = store.recover();
      assertThat(recovery.state()).contains("state at 1");
      assertThat(values(recovery)).containsExactly("b");
      assertThat(recovery.warnings())
          .singleElement()
          .asString()
          .contains(temp.toString())
          .contains("unfinished snapshot");
    }
    assertThat(temp).doesNotExist();
  }

  @Test
  void withFsyncAllWritesAreForced() {
    FileStateStore.Options options = FileStateStore.Options.builder().segmentSize(128).build();
    try (FileStateStore store = open(options)) {
      store.recover();
      for (int i = 0; i < 10; i++) {
        store.append(event(i));
      }
      store.snapshot(5, Optional.of("five"));
    }
    try (FileStateStore store = open(options)) {
      Recovery recovery = store.recover();
      assertThat(recovery.state()).contains(Optional.of("five"));
      assertThat(recovery.entries()).hasSize(5);
    }
  }

  @Test
  void anEmptySegmentLeftByACrashIsReusedEvenAfterASnapshot() {
    try (FileStateStore store = open(small(64))) {
      store.recover();
      store.append("x".repeat(40));
      store.append("y".repeat(40)); // segment 2
    }
    Path second = JournalFiles.last(segments(dir));
    JournalFiles.truncate(second, Framing.FILE_HEADER + 3); // the crash tore record 2
    try (FileStateStore store = open(small(64))) {
      assertThat(store.recover().entries()).hasSize(1);
      store.snapshot(1, "state at 1");
      assertThat(store.append("z")).isEqualTo(2);
      assertThat(store.append("w")).isEqualTo(3);
    }
    assertThat(names(segments(dir))).containsExactly(FileNames.segment(1), FileNames.segment(2));
    try (FileStateStore store = open(small(64))) {
      Recovery recovery = store.recover();
      assertThat(recovery.state()).contains("state at 1");
      assertThat(values(recovery)).containsExactly("z", "w");
    }
  }

  @Test
  void createsMissingParentDirectories() {
    Path nested = dir.resolve("var/lib/relaxha");
    try (FileStateStore store =
        FileStateStore.open(nested, CODEC, FileStateStore.Options.ofDefaults())) {
      store.recover();
      store.append("x");
      assertThat(store.directory()).isEqualTo(nested.toAbsolutePath());
    }
    assertThat(nested.resolve(FileNames.segment(1))).exists();
    assertThat(nested.resolve("LOCK")).content().startsWith("pid " + ProcessHandle.current().pid());
  }
}
