package org.relaxha.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
    TreeMap<Integer, Integer> oracle = new TreeMap<>();
    PMap<Integer, Integer> map = PMap.empty();
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
  }

  @Property
  void unchangedUpdatesReturnTheSameMap(@ForAll("ops") List<Op> ops) {
    PMap<Integer, Integer> map = PMap.empty();
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
