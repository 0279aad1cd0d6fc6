package org.relaxha.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;

class KeyRanksTest {

  /** A key whose hash codes all collide, to exercise the probing. */
  record Clash(String name) implements Comparable<Clash> {
    @Override
    public int hashCode() {
      return 7;
    }

    @Override
    public int compareTo(Clash o) {
      return name.compareTo(o.name);
    }
  }

  @Test
  void ranksAreTheNaturalOrderWhateverTheOrderGiven() {
    KeyRanks<HostId> ranks =
        KeyRanks.of(List.of(HostId.of("h3"), HostId.of("h1"), HostId.of("h2")));
    assertThat(ranks.size()).isEqualTo(3);
    assertThat(ranks.key(0)).isEqualTo(HostId.of("h1"));
    assertThat(ranks.rank(HostId.of("h3"))).isEqualTo(2);
    assertThat(ranks.rank(HostId.of("h4"))).isEqualTo(-1);
    assertThat(ranks.rank(null)).isEqualTo(-1);
    assertThat(ranks.rank("h1")).as("a key of another type").isEqualTo(-1);
  }

  @Test
  void keysWithTheSameHashCodeKeepTheirOwnRanks() {
    List<Clash> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add(new Clash("k" + (1000 + i)));
    }
    KeyRanks<Clash> ranks = KeyRanks.of(keys);
    for (int i = 0; i < 100; i++) {
      assertThat(ranks.rank(new Clash("k" + (1000 + i)))).isEqualTo(i);
    }
    assertThat(ranks.rank(new Clash("k0"))).isEqualTo(-1);
  }

  @Test
  void theRememberedLookupAnswersOnlyForTheSameKey() {
    HostId h1 = HostId.of("h1");
    HostId h4 = HostId.of("h4");
    KeyRanks<HostId> ranks = KeyRanks.of(List.of(HostId.of("h2"), h1));
    assertThat(ranks.rank(h1)).isEqualTo(0);
    assertThat(ranks.rank(h1)).isEqualTo(0);
    assertThat(ranks.rank(HostId.of("h2"))).isEqualTo(1);
    assertThat(ranks.rank(h4)).isEqualTo(-1);
    assertThat(ranks.rank(h4)).isEqualTo(-1);
    assertThat(ranks.rank(null)).isEqualTo(-1);
    assertThat(ranks.rank(null)).isEqualTo(-1);
    assertThat(ranks.rank(h1)).isEqualTo(0);
  }

  @Test
  void threadsSharingTheRanksEachGetTheirKeysRank() throws InterruptedException {
    List<HostId> keys = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      keys.add(HostId.of(String.format("h%02d", i)));
    }
    KeyRanks<HostId> ranks = KeyRanks.of(keys);
    AtomicInteger wrong = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int offset = t;
      Thread thread =
          new Thread(
              () -> {
                for (int n = 0; n < 200_000; n++) {
                  int i = (n * 7 + offset) % keys.size();
                  if (ranks.rank(keys.get(i)) != i) {
                    wrong.incrementAndGet();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(wrong).hasValue(0);
  }

  @Test
  void rejectsAKeyGivenTwiceOrNull() {
    assertThatThrownBy(() -> KeyRanks.of(List.of(HostId.of("a"), HostId.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key given twice: a");
    assertThatThrownBy(() -> KeyRanks.of(Arrays.asList(HostId.of("a"), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null key");
    assertThatThrownBy(() -> KeyRanks.of(List.of(HostId.of("a"))).key(1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aMapOverAnEmptyKeySetTakesAnyKeyAsATree() {
    PMap<HostId, Integer> map = PMap.emptyOver(KeyRanks.<HostId>of(List.of()));
    assertThat(map.get(HostId.of("x"))).isNull();
    assertThat(map.minus(HostId.of("x"))).isSameAs(map);
    PMap<HostId, Integer> one = map.plus(HostId.of("x"), 1);
    assertThat(one.get(HostId.of("x"))).isEqualTo(1);
    assertThat(one).isEqualTo(PMap.<HostId, Integer>empty().plus(HostId.of("x"), 1));
  }
}
