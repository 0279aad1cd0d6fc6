package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
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

  /** Three hosts, twelve VMs (two with a service): the subjects a collector can code. */
  private static EngineContext context() {
    Topology t = Fixtures.cluster(3, 12);
    Topology withServices =
        Topology.of(
            List.copyOf(t.hosts().values()),
            List.copyOf(t.vms().values()),
            List.of(Service.of("vm2", "httpd"), Service.of("vm10", "sshd")));
    return new EngineContext(withServices, Fixtures.policy());
  }

  @Test
  void aCollectedSetAgreesWithATreeSetInEverything() {
    EngineContext ctx = context();
    List<SubjectId> all = new ArrayList<>();
    all.addAll(ctx.topology().hosts().keySet());
    all.addAll(ctx.topology().vms().keySet());
    all.addAll(ctx.topology().services().keySet());
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<SubjectId> added = new ArrayList<>();
      for (int i = random.nextInt(25); i > 0; i--) {
        added.add(all.get(random.nextInt(all.size())));
      }
      SubjectSet.Collector collector = new SubjectSet.Collector(ctx);
      added.forEach(collector::add);
      SubjectSet set = collector.toSet();
      TreeSet<SubjectId> oracle = new TreeSet<>(added);
      assertThat(set).containsExactlyElementsOf(oracle);
      assertThat(set).isEqualTo(oracle).hasSameHashCodeAs(oracle);
      assertThat(collector.isEmpty()).isEqualTo(added.isEmpty());
      for (SubjectId s : all) {
        assertThat(set.contains(s)).as("contains %s", s).isEqualTo(oracle.contains(s));
        assertThat(set.headSet(s)).containsExactlyElementsOf(oracle.headSet(s));
        assertThat(set.tailSet(s)).containsExactlyElementsOf(oracle.tailSet(s));
      }
      assertThat(set.contains(VmId.of("not-configured"))).isFalse();
      assertThat(set.tailSet(VmId.of("vm10a")))
          .containsExactlyElementsOf(oracle.tailSet(VmId.of("vm10a")));
      if (!oracle.isEmpty()) {
        assertThat(set.first()).isEqualTo(oracle.first());
        assertThat(set.last()).isEqualTo(oracle.last());
        SubjectId low = oracle.first();
        SubjectId high = oracle.last();
        assertThat(set.subSet(low, high)).containsExactlyElementsOf(oracle.subSet(low, high));
      }
    }
  }

  @Test
  void aCollectorKeepsSubjectsOutsideTheTopologyInOrderWithTheOthers() {
    EngineContext ctx = context();
    List<SubjectId> added =
        new ArrayList<>(List.of(VmId.of("vm3"), HostId.of("h9"), VmId.of("vm1"), VmId.of("old")));
    Collections.shuffle(added, new Random(3));
    SubjectSet.Collector collector = new SubjectSet.Collector(ctx);
    added.forEach(collector::add);
    SubjectSet set = collector.toSet();
    assertThat(set)
        .containsExactly(HostId.of("h9"), VmId.of("old"), VmId.of("vm1"), VmId.of("vm3"));
    assertThat(set.contains(VmId.of("old"))).isTrue();
    assertThat(set.contains(VmId.of("vm2"))).isFalse();
  }
}
