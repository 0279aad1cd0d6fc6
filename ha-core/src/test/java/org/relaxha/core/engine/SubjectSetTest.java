package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

class SubjectSetTest {
  private final HostId h1 = HostId.of("h1");
  private final HostId h2 = HostId.of("h2");
  private final VmId a = VmId.of("a");
  private final VmId b = VmId.of("b");
  private final ServiceId web = ServiceId.of("a", "web");

  @Test
  void aCopyIsInSubjectOrderWithoutRepeatsAndUnmodifiable() {
    SubjectSet set = SubjectSet.copyOf(List.of(web, b, h2, a, h1, b));
    assertThat(set).containsExactly(h1, h2, a, b, web);
    assertThat(set).isEqualTo(Set.of(a, b, h1, h2, web));
    assertThat(set.contains(a)).isTrue();
    assertThat(set.contains(VmId.of("c"))).isFalse();
    assertThat(set.contains("a")).isFalse();
    assertThat(SubjectSet.copyOf(set)).isSameAs(set);
    assertThatThrownBy(() -> set.add(VmId.of("c")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.removeIf(s -> true))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(set::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rangesAgreeWithATreeSet() {
    SubjectSet set = SubjectSet.copyOf(List.of(h1, h2, a, b, web));
    TreeSet<SubjectId> oracle = new TreeSet<>(set);
    assertThat(set.first()).isEqualTo(h1);
    assertThat(set.last()).isEqualTo(web);
    assertThat(set.headSet(a)).containsExactlyElementsOf(oracle.headSet(a));
    assertThat(set.tailSet(VmId.of("aa"))).containsExactlyElementsOf(oracle.tailSet(VmId.of("aa")));
    assertThat(set.subSet(h2, web)).containsExactlyElementsOf(oracle.subSet(h2, web));
    assertThat(set.subSet(h2, web).tailSet(b)).containsExactly(b);
    assertThat(set.subSet(a, a)).isEmpty();
    assertThat(set.comparator()).isNull();
    assertThatThrownBy(() -> set.subSet(b, a)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubjectSet.copyOf(List.of()).first())
        .isInstanceOf(java.util.NoSuchElementException.class);
  }
}
