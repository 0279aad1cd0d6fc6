package org.relaxha.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PMapPropertiesTest {

  /** One operation: put (key, value) or remove (key, null). */
  record Op(int key, Integer value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> put =
        Arbitraries.integers()
            .between(0, 200)
            .flatMap(k -> Arbitraries.integers().between(0, 5).map(v -> new Op(k, v)));
    Arbitrary<Op> remove = Arbitraries.integers().between(0, 200).map(k -> new Op(k, null));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, put), net.jqwik.api.Tuple.of(1, remove))
        .list()
        .ofMaxSize(400);
  }

  @Property
  void behavesLikeATreeMapAndKeepsOldVersionsIntact(@ForAll("ops") List<Op> ops) {
    checkAgainstTreeMap(PMap.empty(), ops);
  }

  /**
   * A map over a key set behaves the same whatever the set's size (one to four trie levels), and
   * keys outside the set (the ops use 0..200) turn it into a tree without losing an entry.
   */
  @Property
  void aMapOverKeyRanksBehavesLikeATreeMap(
      @ForAll("ops") List<Op> ops, @ForAll("universes") int universe) {
    List<Integer> keys = new ArrayList<>();
    for (int k = 0; k < universe; k++) {
      keys.add(k);
    }
    checkAgainstTreeMap(PMap.emptyOver(KeyRanks.of(keys)), ops);
  }

  @Provide
  Arbitrary<Integer> universes() {
    return Arbitraries.of(0, 1, 31, 32, 33, 150, 201, 1024, 1025, 40_000);
  }

  private static void checkAgainstTreeMap(PMap<Integer, Integer> start, List<Op> ops) {
    TreeMap<Integer, Integer> oracle = new TreeMap<>();
    PMap<Integer, Integer> map = start;
    List<PMap<Integer, Integer>> versions = new ArrayList<>();
    List<Map<Integer, Integer>> expected = new ArrayList<>();
    for (Op op : ops) {
      if (op.value() == null) {
        oracle.remove(op.key());
        map = map.minus(op.key());
      } else {
        oracle.put(op.key(), op.value());
        map = map.plus(op.key(), op.value());
      }
      versions.add(map);
      expected.add(new TreeMap<>(oracle));
    }
    for (int i = 0; i < versions.size(); i++) {
      assertThat(toMap(versions.get(i))).isEqualTo(expected.get(i));
      assertThat(versions.get(i).size()).isEqualTo(expected.get(i).size());
    }
    PMap<Integer, Integer> last = map;
    assertThat(last.keys()).isEqualTo(new ArrayList<>(oracle.keySet()));
    oracle.forEach((k, v) -> assertThat(last.get(k)).isEqualTo(v));
    assertThat(last).isEqualTo(PMap.copyOf(oracle));
    assertThat(last.hashCode()).isEqualTo(PMap.copyOf(oracle).hashCode());
    assertThat(last.firstKey())
        .isEqualTo(oracle.isEmpty() ? Optional.empty() : Optional.of(oracle.firstKey()));
    List<Integer> iterated = new ArrayList<>();
    last.iterator().forEachRemaining(e -> iterated.add(e.getKey()));
    assertThat(iterated).isEqualTo(new ArrayList<>(oracle.keySet()));
  }

  /**
   * A batch applies the same updates as plain puts and removes, and neither its start map nor a
   * snapshot it gave is changed by the updates after it, on a tree or on a map over key ranks.
   */
  @Property
  void aBatchLeavesItsStartAndEverySnapshotIntact(
      @ForAll("ops") List<Op> ops,
      @ForAll("universes") int universe,
      @ForAll @IntRange(min = 1, max = 50) int snapshotEvery) {
    List<Integer> keys = new ArrayList<>();
    for (int k = 0; k < universe; k++) {
      keys.add(k);
    }
    PMap<Integer, Integer> start = PMap.<Integer, Integer>emptyOver(KeyRanks.of(keys)).plus(7, 1);
    PMap.Batch<Integer, Integer> batch = new PMap.Batch<>(start);
    TreeMap<Integer, Integer> oracle = new TreeMap<>(Map.of(7, 1));
    List<PMap<Integer, Integer>> snapshots = new ArrayList<>();
    List<Map<Integer, Integer>> expected = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.value() == null) {
        oracle.remove(op.key());
        batch.remove(op.key());
      } else {
        oracle.put(op.key(), op.value());
        batch.put(op.key(), op.value());
      }
      assertThat(batch.get(op.key())).isEqualTo(oracle.get(op.key()));
      if (i % snapshotEvery == 0) {
        snapshots.add(batch.snapshot());
        expected.add(new TreeMap<>(oracle));
      }
    }
    assertThat(batch.size()).isEqualTo(oracle.size());
    assertThat(batch.values()).isEqualTo(new ArrayList<>(oracle.values()));
    for (int i = 0; i < snapshots.size(); i++) {
      assertThat(toMap(snapshots.get(i))).isEqualTo(expected.get(i));
      assertThat(snapshots.get(i).size()).isEqualTo(expected.get(i).size());
    }
    assertThat(toMap(batch.snapshot())).isEqualTo(oracle);
    assertThat(toMap(start)).isEqualTo(Map.of(7, 1));
  }

  @Property
  void unchangedUpdatesReturnTheSameMap(@ForAll("ops") List<Op> ops, @ForAll boolean ranked) {
    PMap<Integer, Integer> map =
        ranked ? PMap.emptyOver(KeyRanks.of(List.of(-2, 3, 7))) : PMap.empty();
    for (Op op : ops) {
      if (op.value() != null) {
        map = map.plus(op.key(), op.value());
      }
    }
    for (Integer k : map.keys()) {
      assertThat(map.plus(k, map.get(k))).isSameAs(map);
    }
    assertThat(map.minus(-1)).isSameAs(map);
  }

  private static Map<Integer, Integer> toMap(PMap<Integer, Integer> m) {
    Map<Integer, Integer> out = new TreeMap<>();
    m.forEach(out::put);
    return out;
  }
}
