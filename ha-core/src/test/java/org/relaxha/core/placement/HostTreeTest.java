package org.relaxha.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HostTreeTest {
  /**
   * The tree's maxima prune subtrees, so a stored maximum must never be below the exact one: it is
   * the least float at or above it.
   */
  @Property
  void aMaximumIsStoredAsTheLeastFloatNotBelowIt(@ForAll double x) {
    float up = HostTree.up(x);
    assertThat((double) up).isGreaterThanOrEqualTo(x);
    assertThat((double) Math.nextDown(up)).isLessThan(x);
  }

  @Test
  void valuesAFloatHoldsExactlyStayAsTheyAre() {
    assertThat(HostTree.up(0.0)).isEqualTo(0.0f);
    assertThat(HostTree.up(393_216.0)).isEqualTo(393_216.0f);
    assertThat(HostTree.up(-2.5)).isEqualTo(-2.5f);
    assertThat(HostTree.up(Double.NEGATIVE_INFINITY)).isEqualTo(Float.NEGATIVE_INFINITY);
  }

  @Test
  void aValueBetweenTwoFloatsGoesToTheUpperOne() {
    assertThat((double) HostTree.up(0.1)).isGreaterThan(0.1);
    assertThat((double) HostTree.up(-0.1)).isGreaterThan(-0.1);
    assertThat((double) HostTree.up(16_777_217.0)).isEqualTo(16_777_218.0);
    assertThat(HostTree.up(1e300)).isEqualTo(Float.POSITIVE_INFINITY);
  }
}
