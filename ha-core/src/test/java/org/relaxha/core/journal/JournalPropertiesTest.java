package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaxha.core.journal.JournalFiles.segments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.relaxha.core.journal.Fixtures.Circle;
import org.relaxha.core.journal.StateStore.Recovery;

class JournalPropertiesTest {
  private static final RecordCodec CODEC = RecordCodec.ofDefaults();

  /** One step of a controller's life. */
  sealed interface Op permits Append, Snapshot, Reopen, CrashDuringAppend, CrashDuringSnapshot {}

  record Append(String value) implements Op {}

  record Snapshot() implements Op {}

  record Reopen() implements Op {}

  /** The process dies while appending {@code value}: only a prefix of it reaches the disk. */
  record CrashDuringAppend(String value, int cutSeed) implements Op {}

  /** The process dies while writing a snapshot: a partial temporary file stays behind. */
  record CrashDuringSnapshot(int bytes) implements Op {}

  @Property(tries = 300)
  void recoveryReturnsExactlyTheAcknowledgedEntries(
      @ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 64, max = 600) int segmentSize)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-property");
    FileStateStore.Options options = JournalFiles.small(segmentSize);
    List<Object> acked = new ArrayList<>();
    FileStateStore store = FileStateStore.open(dir, CODEC, options);
    try {
      assertThat(rebuild(store.recover())).isEmpty();
      for (Op op : ops) {
        if (op instanceof Append) {
          Object value = new Circle(((Append) op).value().length());
          long seq = store.append(List.of(((Append) op).value(), value));
          acked.add(List.of(((Append) op).value(), value));
          assertThat(seq).isEqualTo(acked.size());
        } else if (op instanceof Snapshot) {
          if (acked.size() > lastSnapshot(store)) {
            store.snapshot(acked.size(), List.copyOf(acked));
          }
        } else {
          if (op instanceof CrashDuringAppend) {
            crashDuringAppend(store, dir, (CrashDuringAppend) op);
          } else {
            store.close();
            if (op instanceof CrashDuringSnapshot) {
              Files.write(
                  dir.resolve(FileNames.snapshot(acked.size() + 1) + ".tmp"),
                  new byte[((CrashDuringSnapshot) op).bytes()]);
            }
          }
          store = FileStateStore.open(dir, CODEC, options);
          Recovery recovery = store.recover();
          assertThat(rebuild(recovery)).isEqualTo(acked);
          assertThat(recovery.lastSeq()).isEqualTo(acked.size());
          assertThat(recovery.warnings()).allSatisfy(w -> assertThat(w).contains(dir.toString()));
          if (op instanceof Reopen) {
            assertThat(recovery.warnings()).isEmpty();
          }
        }
      }
      store.close();
      store = FileStateStore.open(dir, CODEC, options);
      assertThat(rebuild(store.recover())).isEqualTo(acked);
    } finally {
      store.close();
      JournalFiles.deleteTree(dir);
    }
  }

  private static long lastSnapshot(FileStateStore store) {
    return JournalFiles.snapshots(store.directory()).stream()
        .mapToLong(FileNames::snapshotSeq)
        .max()
        .orElse(0);
  }

  /** Appends without acknowledging, then cuts the new bytes short, as a crash would. */
  private static void crashDuringAppend(FileStateStore store, Path dir, CrashDuringAppend crash) {
    List<Path> before = segments(dir);
    long sizeBefore = before.isEmpty() ? 0 : JournalFiles.read(JournalFiles.last(before)).length;
    store.append(List.of(crash.value(), "never acknowledged"));
    store.close();
    List<Path> after = segments(dir);
    Path last = JournalFiles.last(after);
    boolean newSegment = after.size() > before.size() || before.isEmpty();
    int from = newSegment ? 0 : (int) sizeBefore;
    int to = JournalFiles.read(last).length;
    JournalFiles.truncate(last, from + Math.floorMod(crash.cutSeed(), to - from));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> rebuild(Recovery recovery) {
    List<Object> state = new ArrayList<>((List<Object>) recovery.state().orElse(List.of()));
    recovery.entries().forEach(e -> state.add(e.value()));
    assertThat(recovery.snapshotSeq())
        .isEqualTo(recovery.state().isPresent() ? state.size() - recovery.entries().size() : 0);
    return state;
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<String> text = Arbitraries.strings().alpha().ofMaxLength(30);
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, text.map(Append::new)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(new Snapshot())),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(new Reopen())),
            net.jqwik.api.Tuple.of(
                2, Combinators.combine(text, Arbitraries.integers()).as(CrashDuringAppend::new)),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.integers().between(0, 40).map(CrashDuringSnapshot::new)));
    return op.list().ofMaxSize(40);
  }

  @Property(tries = 150)
  void anyFlippedByteIsReportedAtItsRecordAndNeverReplayed(
      @ForAll @IntRange(min = 1, max = 30) int entries,
      @ForAll @IntRange(min = 64, max = 400) int segmentSize,
      @ForAll @Size(min = 1, max = 1) List<@IntRange(min = 0, max = 1_000_000) Integer> position,
      @ForAll @IntRange(min = 1, max = 255) int mask)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-flip");
    try {
      FileStateStore.Options options = JournalFiles.small(segmentSize);
      try (FileStateStore store = FileStateStore.open(dir, CODEC, options)) {
        store.recover();
        for (int i = 1; i <= entries; i++) {
          store.append(List.of(i, "entry " + i));
        }
      }
      List<Path> segments = segments(dir);
      int total = segments.stream().mapToInt(s -> JournalFiles.read(s).length).sum();
      int at = position.get(0) % total;
      Path segment = null;
      for (Path s : segments) {
        int size = JournalFiles.read(s).length;
        if (at < size) {
          segment = s;
          break;
        }
        at -= size;
      }
      Path damaged = segment;
      int recordStart = JournalFiles.recordStartOf(damaged, at);
      JournalFiles.flip(damaged, at, mask);
      assertThatThrownBy(
              () -> {
                try (FileStateStore store = FileStateStore.open(dir, CODEC, options)) {
                  store.recover();
                }
              })
          .isInstanceOfSatisfying(
              JournalCorruptedException.class,
              e -> {
                assertThat(e.file()).isEqualTo(damaged);
                assertThat(e.offset()).isEqualTo(recordStart);
                assertThat(e.getMessage())
                    .contains(damaged.toString())
                    .contains("offset " + recordStart);
              });
    } finally {
      JournalFiles.deleteTree(dir);
    }
  }

  static List<Object> valuesOf(Recovery recovery) {
    return recovery.entries().stream().map(StateStore.Entry::value).collect(Collectors.toList());
  }
}
