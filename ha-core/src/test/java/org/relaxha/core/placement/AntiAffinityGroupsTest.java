package org.relaxha.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AntiAffinityGroupsTest {
  @Test
  void remembersEveryPairThroughGrowthAndForgetsThemOnClear() {
    AntiAffinityGroups marks = new AntiAffinityGroups(10_000);
    Set<Long> added = new HashSet<>();
    Random r = new Random(5);
    for (int i = 0; i < 5_000; i++) {
      int host = r.nextInt(10_000);
      int group = r.nextInt(300);
      marks.add(host, group);
      added.add(((long) host << 32) | group);
    }
    for (int host = 0; host < 10_000; host += 7) {
      for (int group = 0; group < 300; group += 13) {
        assertThat(marks.has(host, group))
            .as("host %d group %d", host, group)
            .isEqualTo(added.contains(((long) host << 32) | group));
      }
    }
    marks.clearAdded();
    for (long pair : added) {
      assertThat(marks.has((int) (pair >>> 32), (int) pair)).isFalse();
    }
    marks.add(3, 4);
    assertThat(marks.has(3, 4)).isTrue();
    assertThat(marks.has(4, 3)).isFalse();
  }

  @Test
  void aHostsOwnGroupsStayAfterThePlansAdditionsAreCleared() {
    AntiAffinityGroups groups = new AntiAffinityGroups(3);
    groups.setHost(1, java.util.Set.of("db", "web"));
    int db = groups.number("db");
    int cache = groups.number("cache");
    assertThat(groups.number("db")).isEqualTo(db);
    groups.add(2, cache);
    assertThat(groups.has(1, db)).isTrue();
    assertThat(groups.has(1, cache)).isFalse();
    assertThat(groups.has(2, cache)).isTrue();
    groups.clearAdded();
    assertThat(groups.has(2, cache)).isFalse();
    assertThat(groups.has(1, groups.number("web"))).isTrue();
    groups.setHost(1, java.util.Set.of());
    assertThat(groups.has(1, db)).isFalse();
  }

  @Test
  void groupsSharingAFilterBitAreStillToldApart() {
    AntiAffinityGroups groups = new AntiAffinityGroups(2);
    int[] n = new int[130];
    for (int i = 0; i < n.length; i++) {
      n[i] = groups.number("g" + i);
    }
    groups.setHost(0, Set.of("g1"));
    groups.add(1, n[2]);
    assertThat(groups.has(0, n[1])).isTrue();
    assertThat(groups.has(0, n[65])).as("same filter bit as g1").isFalse();
    assertThat(groups.has(0, n[129])).as("same filter bit as g1").isFalse();
    assertThat(groups.has(1, n[2])).isTrue();
    assertThat(groups.has(1, n[66])).as("same filter bit as g2").isFalse();
    groups.clearAdded();
    assertThat(groups.has(1, n[2])).isFalse();
    assertThat(groups.has(0, n[1])).isTrue();
  }

  @Test
  void newOwnGroupsKeepThePlansAdditions() {
    AntiAffinityGroups groups = new AntiAffinityGroups(1);
    int five = groups.number("five");
    groups.setHost(0, Set.of("one"));
    groups.add(0, five);
    groups.setHost(0, Set.of("seven"));
    assertThat(groups.has(0, five)).isTrue();
    assertThat(groups.has(0, groups.number("seven"))).isTrue();
    assertThat(groups.has(0, groups.number("one"))).isFalse();
    groups.clearAdded();
    assertThat(groups.has(0, five)).isFalse();
    assertThat(groups.has(0, groups.number("seven"))).isTrue();
  }
}
