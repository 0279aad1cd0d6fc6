package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaxha.core.journal.JournalFiles.names;
import static org.relaxha.core.journal.JournalFiles.small;
import static org.relaxha.core.journal.JournalFiles.snapshots;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.journal.StateStore.Recovery;

/** A damaged newest snapshot falls back to the previous one when the journal covers the gap. */
class SnapshotFallbackTest {
  private static final RecordCodec CODEC = RecordCodec.ofDefaults();
  private static final FileStateStore.Options OPTIONS = small(200);

  @TempDir Path dir;

  /** Appends 1..last, snapshotting the list of values so far at each of {@code at}. */
  private void write(long last, long... at) {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, OPTIONS)) {
      store.recover();
      int next = 0;
      for (long seq = 1; seq <= last; seq++) {
        store.append(seq);
        if (next < at.length && at[next] == seq) {
          store.snapshot(seq, upTo(seq));
          next++;
        }
      }
    }
  }

  private static List<Long> upTo(long seq) {
    return LongStream.rangeClosed(1, seq).boxed().collect(Collectors.toList());
  }

  private Recovery recover() {
    try (FileStateStore store = FileStateStore.open(dir, CODEC, OPTIONS)) {
      return store.recover();
    }
  }

  /** The state rebuilt the way the controller would: snapshot, then the entries after it. */
  @SuppressWarnings("unchecked")
  private static List<Long> rebuilt(Recovery recovery) {
    List<Long> state = new java.util.ArrayList<>((List<Long>) recovery.state().orElse(List.of()));
    recovery.entries().forEach(e -> state.add((Long) e.value()));
    return state;
  }

  private Path snapshot(long seq) {
    return dir.resolve(FileNames.snapshot(seq));
  }

  @Test
  void aDamagedNewestSnapshotFallsBackToThePreviousOne() {
    write(70, 20, 50);
    JournalFiles.flip(snapshot(50), 40, 0x08);
    Recovery recovery = recover();
    assertThat(recovery.snapshotSeq()).isEqualTo(20);
    assertThat(rebuilt(recovery)).isEqualTo(upTo(70));
    assertThat(recovery.warnings())
        .singleElement()
        .asString()
        .contains(snapshot(50).toString())
        .contains("fails its CRC32C check")
        .contains("recovered from " + FileNames.snapshot(20));
    assertThat(snapshot(50).resolveSibling(FileNames.snapshot(50) + ".corrupt-0")).exists();
    assertThat(names(snapshots(dir))).containsExactly(FileNames.snapshot(20));
    assertThat(recover().warnings()).isEmpty();
  }

  @Test
  void aDamagedOnlySnapshotFallsBackToTheJournalFromTheStart() {
    write(30, 20);
    JournalFiles.truncate(snapshot(20), 30);
    Recovery recovery = recover();
    assertThat(recovery.snapshotSeq()).isZero();
    assertThat(recovery.state()).isEmpty();
    assertThat(rebuilt(recovery)).isEqualTo(upTo(30));
    assertThat(recovery.warnings()).singleElement().asString().contains("the journal alone");
  }

  @Test
  void whenTheJournalNoLongerCoversTheGapRecoveryFails() {
    write(80, 20, 50, 60);
    // snapshot 60 compacted away snapshot 20 and the segments up to 50
    assertThat(names(snapshots(dir)))
        .containsExactly(FileNames.snapshot(50), FileNames.snapshot(60));
    JournalFiles.flip(snapshot(60), 20, 0x01);
    assertThat(rebuilt(recover())).isEqualTo(upTo(80));
    // now damage the only remaining snapshot: nothing older, and the journal starts after 1
    JournalFiles.flip(snapshot(50), 20, 0x01);
    assertThatThrownBy(this::recover)
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.file()).isEqualTo(snapshot(50));
              assertThat(e.seq()).hasValue(50);
            })
        .hasMessageContaining(
            snapshot(50) + ": the snapshot is damaged (its record fails its CRC32C check)")
        .hasMessageContaining("does not hold every entry from seq 1 to 50")
        .hasMessageContaining("Restore the state directory");
  }

  @Test
  void aSnapshotWithTheWrongSequenceNumberIsDamaged() {
    write(40, 20, 30);
    byte[] twenty = JournalFiles.read(snapshot(20));
    JournalFiles.write(snapshot(30), twenty); // a snapshot file under another name
    Recovery recovery = recover();
    assertThat(recovery.snapshotSeq()).isEqualTo(20);
    assertThat(recovery.warnings()).singleElement().asString().contains("names another seq");
    assertThat(rebuilt(recovery)).isEqualTo(upTo(40));
  }
}
