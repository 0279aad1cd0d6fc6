package org.relaxha.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupMarksTest {
  @Test
  void remembersEveryPairThroughGrowthAndForgetsThemOnClear() {
    GroupMarks marks = new GroupMarks();
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
        assertThat(marks.contains(host, group))
            .as("host %d group %d", host, group)
            .isEqualTo(added.contains(((long) host << 32) | group));
      }
    }
    marks.clear();
    for (long pair : added) {
      assertThat(marks.contains((int) (pair >>> 32), (int) pair)).isFalse();
    }
    marks.add(3, 4);
    assertThat(marks.contains(3, 4)).isTrue();
    assertThat(marks.contains(4, 3)).isFalse();
  }
}
