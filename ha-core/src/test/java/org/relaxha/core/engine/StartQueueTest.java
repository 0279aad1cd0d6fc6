package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.relaxha.core.collect.KeyRanks;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

class StartQueueTest {
  private static final Comparator<Vm> START_ORDER =
      Comparator.comparingInt((Vm v) -> -v.restartPriority())
          .thenComparingDouble(v -> -v.demand().cpus())
          .thenComparing(Vm::id);

  @Test
  void waitsInStartOrderAndFindsTheFirstVmWhoseHostHasASlot() {
    Vm low = vm("a-low", 0, 1);
    Vm big = vm("b-big", 1, 8);
    Vm small = vm("c-small", 1, 2);
    Vm urgent = vm("d-urgent", 3, 1);
    StartQueue q =
        StartQueue.empty()
            .plus(low, host("h1"))
            .plus(big, host("h2"))
            .plus(small, host("h2"))
            .plus(urgent, host("h1"));

    assertThat(q.toList()).containsExactly(urgent.id(), big.id(), small.id(), low.id());
    assertThat(q.on(host("h2"))).containsExactly(big.id(), small.id());
    assertThat(q.firstOnHost(h -> true)).isEqualTo(urgent.id());
    assertThat(q.firstOnHost(h -> !h.equals(host("h1")))).isEqualTo(big.id());
    assertThat(q.firstOnHost(h -> false)).isNull();
  }

  @Test
  void removingAHostsFirstVmMakesItsNextOneFirstAndOldQueuesStayAsTheyWere() {
    Vm a = vm("a", 0, 4);
    Vm b = vm("b", 0, 2);
    StartQueue both = StartQueue.empty().plus(a, host("h1")).plus(b, host("h1"));
    StartQueue rest = both.minus(a, host("h1"));

    assertThat(rest.firstOnHost(h -> true)).isEqualTo(b.id());
    assertThat(rest.minus(b, host("h1")).isEmpty()).isTrue();
    assertThat(rest.minus(a, host("h1"))).isSameAs(rest);
    assertThat(rest.minus(b, host("h2"))).as("not waiting for h2").isSameAs(rest);
    assertThat(both.toList()).containsExactly(a.id(), b.id());
    assertThat(both.plus(a, host("h1"))).isSameAs(both);
  }

  @Test
  void aVmMovedToAnotherHostWaitsThereOnly() {
    Vm a = vm("a", 0, 1);
    StartQueue q = StartQueue.empty().plus(a, host("h1")).minus(a, host("h1")).plus(a, host("h2"));

    assertThat(q.size()).isEqualTo(1);
    assertThat(q.on(host("h1"))).isEmpty();
    assertThat(q.on(host("h2"))).containsExactly(a.id());
    assertThat(q.firstOnHost(h -> h.equals(host("h1")))).isNull();
  }

  /**
   * Random adds, moves, removals and removals of VMs that do not wait, against a sorted map; every
   * view is checked after each.
   */
  @Test
  void aVmWhoseSpecChangedSinceTheQueueWasMadeWaitsByItsNewSpec() {
    Vm a = vm("a", 0, 4);
    Vm b = vm("b", 0, 2);
    StartQueue over =
        StartQueue.emptyOver(
            KeyRanks.of(List.of(host("h1"))), KeyRanks.of(List.of(a.id(), b.id())), List.of(a, b));
    Vm urgentB = vm("b", 5, 2);

    StartQueue q = over.plus(a, host("h1")).plus(urgentB, host("h1"));

    assertThat(q.toList()).containsExactly(b.id(), a.id());
    assertThat(q.firstOnHost(h -> true)).isEqualTo(b.id());
    assertThat(q.minus(urgentB, host("h1")).toList()).containsExactly(a.id());
    assertThat(q.minus(b, host("h1"))).as("b waits under its new spec").isSameAs(q);
  }

  @Test
  void agreesWithASortedMapUnderRandomChanges() {
    for (long seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      List<Vm> vms = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        vms.add(vm(String.format("vm%02d", i), r.nextInt(3), 1 + r.nextInt(3)));
      }
      TreeMap<Vm, HostId> model = new TreeMap<>(START_ORDER);
      StartQueue q = emptyQueue((int) (seed % 3), vms);
      for (int op = 0; op < 400; op++) {
        Vm vm = vms.get(r.nextInt(vms.size()));
        StartQueue before = q;
        List<VmId> beforeList = before.toList();
        HostId was = model.get(vm);
        if (r.nextInt(3) == 0) {
          q = q.minus(vm, was != null ? was : host("h" + r.nextInt(5)));
          model.remove(vm);
        } else {
          HostId h = host("h" + r.nextInt(5));
          if (was != null && !was.equals(h)) {
            q = q.minus(vm, was);
          }
          q = q.plus(vm, h);
          model.put(vm, h);
        }
        assertThat(before.toList())
            .as("seed %d: an old queue never changes", seed)
            .isEqualTo(beforeList);
        check(seed, q, model, r);
      }
    }
  }

  private static void check(long seed, StartQueue q, TreeMap<Vm, HostId> model, Random r) {
    List<VmId> order = new ArrayList<>();
    model.keySet().forEach(v -> order.add(v.id()));
    assertThat(q.toList()).as("seed %d", seed).isEqualTo(order);
    assertThat(q.size()).isEqualTo(model.size());
    for (int h = 0; h < 5; h++) {
      HostId host = host("h" + h);
      List<VmId> on = new ArrayList<>();
      model.forEach(
          (v, at) -> {
            if (at.equals(host)) {
              on.add(v.id());
            }
          });
      assertThat(q.on(host)).as("seed %d, on %s", seed, host).containsExactlyElementsOf(on);
    }
    Set<HostId> full = new HashSet<>();
    for (int h = 0; h < 5; h++) {
      if (r.nextBoolean()) {
        full.add(host("h" + h));
      }
    }
    VmId expected = null;
    for (Map.Entry<Vm, HostId> e : model.entrySet()) {
      if (!full.contains(e.getValue())) {
        expected = e.getKey().id();
        break;
      }
    }
    assertThat(q.firstOnHost(h -> !full.contains(h)))
        .as("seed %d, full %s", seed, full)
        .isEqualTo(expected);
  }

  /**
   * An empty queue: plain (trees only), over the hosts h0..h3 and every VM, or over those hosts and
   * half the VMs (the others, and host h4, take the slower path).
   */
  private static StartQueue emptyQueue(int kind, List<Vm> vms) {
    if (kind == 0) {
      return StartQueue.empty();
    }
    KeyRanks<HostId> hosts = KeyRanks.of(List.of(host("h0"), host("h1"), host("h2"), host("h3")));
    List<Vm> over = kind == 1 ? vms : vms.subList(0, vms.size() / 2);
    return StartQueue.emptyOver(hosts, KeyRanks.of(over.stream().map(Vm::id).toList()), over);
  }

  private static Vm vm(String name, int priority, double cpus) {
    return Vm.builder(name).demand(cpus, 1024).restartPriority(priority).build();
  }

  private static HostId host(String name) {
    return HostId.of(name);
  }
}
