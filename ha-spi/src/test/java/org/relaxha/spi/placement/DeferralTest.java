package org.relaxha.spi.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.VmId;

class DeferralTest {
  @Test
  void aDeferralWithoutExclusionsCanBeBuiltAndExplainsItself() {
    Deferral d = new Deferral(VmId.of("web"), Map.of());
    assertThat(d.reason()).isEqualTo("no host fits: placement had no host to consider");
  }

  @Test
  void reasonListsConstraintsInCheckOrder() {
    Deferral d =
        new Deferral(VmId.of("web"), Map.of(Constraint.MEMORY, 2, Constraint.HOST_DOWN, 1));
    assertThat(d.reason()).isEqualTo("no host fits: HOST_DOWN x1, MEMORY x2");
  }
}
