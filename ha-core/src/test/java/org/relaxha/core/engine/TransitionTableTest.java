package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.VmId;

class TransitionTableTest {
  @Test
  void allowsExactlyTheListedMovesAndStayingPut() {
    sameAsListed(Transitions.VM, VmPhase.values());
    sameAsListed(Transitions.HOST, HostPhase.values());
    sameAsListed(Transitions.SERVICE, ServicePhase.values());
  }

  @Test
  void aMoveNotListedIsRefusedNamingTheSubject() {
    assertThat(Transitions.VM.allows(VmPhase.HEALTHY, VmPhase.STARTING)).isFalse();
    assertThatThrownBy(
            () -> Transitions.VM.check(VmId.of("web-1"), VmPhase.HEALTHY, VmPhase.STARTING))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("web-1");
  }

  private static <P extends Enum<P>> void sameAsListed(TransitionTable<P> table, P[] phases) {
    int listed = 0;
    for (P from : phases) {
      for (P to : phases) {
        boolean expected = from == to || table.from(from).contains(to);
        assertThat(table.allows(from, to)).as(from + " -> " + to).isEqualTo(expected);
        listed += from != to && expected ? 1 : 0;
      }
    }
    assertThat(listed).as("moves listed").isPositive();
  }
}
