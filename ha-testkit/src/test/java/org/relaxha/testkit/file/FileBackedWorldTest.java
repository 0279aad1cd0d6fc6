package org.relaxha.testkit.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.ManualClock;

class FileBackedWorldTest {
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");
  private static final Vm WEB = Vm.builder("web-1").build();

  @TempDir Path dir;
  private final ManualClock clock = ManualClock.atOddInstant();

  private FileBackedWorld world() {
    return FileBackedWorld.create(dir, clock)
        .addHosts("h1", "h2")
        .defineVm(WEB.id(), H1, PowerState.RUNNING);
  }

  @Test
  void createOpenAndExists() {
    assertThat(FileBackedWorld.exists(dir)).isFalse();
    assertThatThrownBy(() -> FileBackedWorld.open(dir)).hasMessageContaining("no world");
    world();
    assertThat(FileBackedWorld.exists(dir)).isTrue();
    assertThatThrownBy(() -> FileBackedWorld.create(dir)).hasMessageContaining("already");
    WorldState state = FileBackedWorld.open(dir).state();
    assertThat(state.sequence()).isEqualTo(3);
    assertThat(state.stateOf(WEB.id(), H1)).contains(PowerState.RUNNING);
    assertThat(state.host(H2).orElseThrow().isUp()).isTrue();
    assertThat(Files.exists(dir.resolve("world.lock"))).isTrue();
  }

  @Test
  void theEventLogHasOneNumberedLinePerChange() throws Exception {
    FileBackedWorld world = world();
    FileBackedHypervisor hv = new FileBackedHypervisor(world, "file-hv");
    hv.start();
    hv.startVm(WEB, H1);
    hv.stopVm(WEB.id(), H1);
    hv.startVm(WEB, H2);
    new FileBackedFencer(world, "file-fence").fence(Host.builder("h1").build());
    world.crashHost(H2);

    List<WorldEvent> events = world.events();
    assertThat(events).extracting(WorldEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(events)
        .extracting(WorldEvent::type)
        .containsExactly(
            WorldEvent.Type.ADD_HOST,
            WorldEvent.Type.ADD_HOST,
            WorldEvent.Type.DEFINE,
            WorldEvent.Type.STOP,
            WorldEvent.Type.START,
            WorldEvent.Type.FENCE,
            WorldEvent.Type.POWER_OFF);
    assertThat(events.get(4).detail()).isEqualTo("startVm by file-hv");
    assertThat(events)
        .allSatisfy(e -> assertThat(e.pid()).isEqualTo(ProcessHandle.current().pid()));
    assertThat(events).allSatisfy(e -> assertThat(e.at()).isEqualTo(ManualClock.ODD_START));
    assertThat(world.startCount(WEB.id())).isEqualTo(1);
    assertThat(world.startCounts()).containsExactly(java.util.Map.entry(WEB.id(), 1));
    assertThat(Files.readAllLines(world.eventLog())).hasSize(7);
    assertThat(world.replay()).isEqualTo(world.state());
    assertThat(world.state().runningHostsOf(WEB.id())).isEmpty();
  }

  @Test
  void findsStartsWhileTheVmRanElsewhere() {
    FileBackedWorld world = world();
    FileBackedHypervisor hv = new FileBackedHypervisor(world, "file-hv");
    hv.start();
    world.isolateHost(H1);
    assertThat(hv.inventory(H1))
        .isInstanceOf(org.relaxha.spi.hypervisor.InventoryResult.Unreachable.class);
    hv.startVm(WEB, H2);
    assertThat(world.state().runningHostsOf(WEB.id())).containsExactly(H1, H2);
    assertThat(world.startsWhileRunningElsewhere())
        .singleElement()
        .satisfies(e -> assertThat(e.host()).isEqualTo(H2));
  }

  @Test
  void noViolationWhenTheOldHostWasFencedFirst() {
    FileBackedWorld world = world();
    FileBackedHypervisor hv = new FileBackedHypervisor(world, "file-hv");
    hv.start();
    world.isolateHost(H1);
    FenceResult fenced = new FileBackedFencer(world, "fence").fence(Host.builder("h1").build());
    assertThat(fenced).isInstanceOf(FenceResult.Fenced.class);
    assertThat(fenced.detail()).contains("event 5");
    hv.startVm(WEB, H2);
    world.powerOnHost(H1);
    world.reconnectHost(H1);
    assertThat(world.startsWhileRunningElsewhere()).isEmpty();
    assertThat(world.state().stateOf(WEB.id(), H1)).contains(PowerState.SHUT_OFF);
  }

  @Test
  void crashesAVm() {
    FileBackedWorld world = world();
    world.crashVm(WEB.id(), H1);
    assertThat(world.state().stateOf(WEB.id(), H1)).contains(PowerState.CRASHED);
    assertThatThrownBy(() -> world.crashVm(VmId.of("nope"), H1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> world.crashHost(HostId.of("nope")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replaysEventsTheStateFileMissed() throws Exception {
    FileBackedWorld world = world();
    String line =
        "4\t2026-03-29T01:59:59.123Z\tSTART\th2\tweb-1\t-\t4242\tstartVm by a process killed"
            + " before it replaced the state\n";
    Files.writeString(world.eventLog(), line, StandardOpenOption.APPEND);
    assertThat(world.state().runningHostsOf(WEB.id())).containsExactly(H1, H2);
    assertThat(world.state().sequence()).isEqualTo(4);
    assertThat(world.events().get(3).pid()).isEqualTo(4242);
  }

  @Test
  void dropsATornLastLine() throws Exception {
    FileBackedWorld world = world();
    long length = Files.size(world.eventLog());
    Files.writeString(world.eventLog(), "4\t2026-03-29T01:59", StandardOpenOption.APPEND);
    assertThat(world.state().sequence()).isEqualTo(3);
    assertThat(Files.size(world.eventLog())).isEqualTo(length);
    world.crashHost(H1);
    assertThat(world.events()).extracting(WorldEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aTruncatedLogIsAnError() throws Exception {
    FileBackedWorld world = world();
    try (var channel =
        java.nio.channels.FileChannel.open(world.eventLog(), StandardOpenOption.WRITE)) {
      channel.truncate(10);
    }
    assertThatThrownBy(world::state).hasMessageContaining("shorter");
  }

  @Test
  void threadsOfOneJvmTakeTurns() throws Exception {
    FileBackedWorld world = world();
    FileBackedHypervisor hv = new FileBackedHypervisor(world, "file-hv");
    hv.start();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      VmId vm = VmId.of("vm-" + t);
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 10; i++) {
                  hv.startVm(Vm.builder(vm.name()).build(), H2);
                  hv.stopVm(vm, H2);
                }
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    List<WorldEvent> events = FileBackedWorld.open(dir).events();
    assertThat(events)
        .extracting(WorldEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 83).boxed().toList());
    assertThat(world.replay()).isEqualTo(world.state());
    assertThat(new String(Files.readAllBytes(world.eventLog()), StandardCharsets.UTF_8))
        .endsWith("\n");
  }
}
