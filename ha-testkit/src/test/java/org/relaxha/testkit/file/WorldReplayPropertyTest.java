package org.relaxha.testkit.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;

/**
 * Whatever the fakes and the test do to a world, replaying its event log gives its state, the
 * sequence has no gaps, and the start count equals the START lines.
 */
class WorldReplayPropertyTest {
  private static final List<String> HOSTS = List.of("h1", "h2", "h3");
  private static final List<String> VMS = List.of("a", "b");

  record Op(int kind, int host, int vm) {}

  @Provide
  Arbitrary<Op> ops() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, 8),
            Arbitraries.integers().between(0, HOSTS.size() - 1),
            Arbitraries.integers().between(0, VMS.size() - 1))
        .as(Op::new);
  }

  @Property(tries = 40)
  void replayEqualsTheState(@ForAll @Size(max = 25) List<@net.jqwik.api.From("ops") Op> ops)
      throws IOException {
    Path dir = Files.createTempDirectory("relaxha-world");
    try {
      FileBackedWorld world = FileBackedWorld.create(dir).addHosts(HOSTS.toArray(String[]::new));
      world.defineVm(Vm.builder("a").build().id(), HostId.of("h1"), PowerState.RUNNING);
      FileBackedHypervisor hv = new FileBackedHypervisor(world, "hv");
      FileBackedFencer fencer = new FileBackedFencer(world, "fence");
      hv.start();
      for (Op op : ops) {
        apply(world, hv, fencer, op);
      }
      List<WorldEvent> events = world.events();
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).sequence()).isEqualTo(i + 1);
      }
      assertThat(world.replay()).isEqualTo(world.state());
      assertThat(world.state().sequence()).isEqualTo(events.size());
      long starts = events.stream().filter(e -> e.type() == WorldEvent.Type.START).count();
      assertThat(world.startCounts().values().stream().mapToInt(Integer::intValue).sum())
          .isEqualTo((int) starts);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void apply(
      FileBackedWorld world, FileBackedHypervisor hv, FileBackedFencer f, Op op) {
    HostId host = HostId.of(HOSTS.get(op.host()));
    Vm vm = Vm.builder(VMS.get(op.vm())).build();
    switch (op.kind()) {
      case 0 -> hv.startVm(vm, host);
      case 1 -> hv.stopVm(vm.id(), host);
      case 2 -> hv.powerCycleVm(vm, host);
      case 3 -> hv.rebootVm(vm.id(), host);
      case 4 -> f.fence(Host.builder(host.name()).build());
      case 5 -> world.crashHost(host);
      case 6 -> world.powerOnHost(host);
      case 7 -> world.isolateHost(host);
      default -> world.reconnectHost(host);
    }
  }
}
