package org.relaxha.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;

class NumberingTest {
  @Test
  void numbersEveryHostByPositionAndKnowsNoOther() {
    HostId[] ids = new HostId[3000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = new HostId("rack" + (i % 40) + "-node" + i);
    }
    Numbering<HostId> numbers = new Numbering<>(ids);
    for (int i = 0; i < ids.length; i++) {
      assertThat(numbers.get(ids[i])).isEqualTo(i);
      // An equal id that is another object is found too.
      assertThat(numbers.get(new HostId(ids[i].name()))).isEqualTo(i);
    }
    assertThat(numbers.get(new HostId("rack0-node3000"))).isEqualTo(-1);
    assertThat(new Numbering<>(new HostId[0]).get(ids[0])).isEqualTo(-1);
    assertThat(numbers.get(null)).isEqualTo(-1);
  }

  @Test
  void aRepeatedIdKeepsItsFirstNumber() {
    HostId a = new HostId("a");
    HostId b = new HostId("b");
    Numbering<HostId> numbers = new Numbering<>(new HostId[] {a, b, new HostId("a")});
    assertThat(numbers.get(a)).isZero();
    assertThat(numbers.get(b)).isEqualTo(1);
  }

  @Test
  void keysWithEqualHashCodesAreToldApartByEquals() {
    // "Aa" and "BB" share a hash code, as do all four-letter strings made of them.
    String[] ids = {"Aa", "AaAa", "AaBB", "BBAa"};
    Numbering<String> numbers = new Numbering<>(ids);
    for (int i = 0; i < ids.length; i++) {
      assertThat(numbers.get(new String(ids[i]))).isEqualTo(i);
    }
    assertThat("BB".hashCode()).isEqualTo("Aa".hashCode());
    assertThat(numbers.get("BB")).isEqualTo(-1);
    assertThat(numbers.get("BBBB")).isEqualTo(-1);
  }
}
