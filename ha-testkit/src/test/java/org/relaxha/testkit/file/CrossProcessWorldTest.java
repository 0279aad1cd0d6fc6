package org.relaxha.testkit.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/** The world's lock and log across real processes: child JVMs on the test class path. */
class CrossProcessWorldTest {
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private FileBackedWorld world() {
    return FileBackedWorld.create(dir.resolve("world"))
        .addHosts("h1", "h2")
        .defineVm(VmId.of("web-1"), H1, PowerState.RUNNING);
  }

  private Process child(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(WorldChild.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(dir.resolve("child-" + children.size() + ".err").toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    children.add(process);
    return process;
  }

  private static void awaitFile(Path file, Process owner) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(file)) {
      assertThat(owner.isAlive()).as("child alive while we wait for " + file).isTrue();
      assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void aChildHoldingTheLockBlocksUsUntilItReleases() throws Exception {
    FileBackedWorld world = world();
    Path ready = dir.resolve("ready");
    Process holder = child("hold", world.directory().toString(), ready.toString());
    awaitFile(ready, holder);

    CompletableFuture<WorldEvent> crash = CompletableFuture.supplyAsync(() -> world.crashHost(H1));
    Thread.sleep(300);
    assertThat(crash).as("blocked by the child's lock").isNotDone();

    holder.getOutputStream().close();
    WorldEvent event = crash.get(30, TimeUnit.SECONDS);
    assertThat(event.sequence()).isEqualTo(4);
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(holder.exitValue()).isZero();
  }

  @Test
  void aChildKilledWhileHoldingTheLockReleasesIt() throws Exception {
    FileBackedWorld world = world();
    Path ready = dir.resolve("ready");
    Process holder = child("hold", world.directory().toString(), ready.toString());
    awaitFile(ready, holder);
    CompletableFuture<WorldEvent> crash = CompletableFuture.supplyAsync(() -> world.crashHost(H1));
    Thread.sleep(200);
    assertThat(crash).isNotDone();

    holder.destroyForcibly(); // SIGKILL on Unix
    assertThat(crash.get(30, TimeUnit.SECONDS).type()).isEqualTo(WorldEvent.Type.POWER_OFF);
  }

  @Test
  void twoProcessesMutatingAtOnceKeepOneGaplessLog() throws Exception {
    FileBackedWorld world = world();
    int rounds = 40;
    Process churner = child("churn", world.directory().toString(), "vm-child", "" + rounds);
    FileBackedHypervisor hv = new FileBackedHypervisor(world, "parent");
    hv.start();
    Vm vm = Vm.builder("vm-parent").build();
    for (int i = 0; i < rounds; i++) {
      hv.startVm(vm, H2);
      hv.stopVm(vm.id(), H2);
    }
    assertThat(churner.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(churner.exitValue()).as(Files.readString(dir.resolve("child-0.err"))).isZero();

    List<WorldEvent> events = world.events();
    assertThat(events)
        .extracting(WorldEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 3 + 4L * rounds).boxed().toList());
    assertThat(events.stream().map(WorldEvent::pid).distinct()).hasSize(2);
    assertThat(world.startCount(VmId.of("vm-child"))).isEqualTo(rounds);
    assertThat(world.startCount(vm.id())).isEqualTo(rounds);
    assertThat(world.replay()).isEqualTo(world.state());
  }

  @Test
  void killingAWriterAtRandomInstantsNeverCorruptsTheWorld() throws Exception {
    FileBackedWorld world = world();
    for (int round = 0; round < 5; round++) {
      Process churner = child("churn", world.directory().toString(), "vm-" + round, "0");
      long before = world.state().sequence();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (world.state().sequence() < before + 5 + round * 3L) {
        assertThat(churner.isAlive()).as(errors()).isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(5);
      }
      churner.destroyForcibly();
      assertThat(churner.waitFor(30, TimeUnit.SECONDS)).isTrue();

      WorldState state = world.state();
      assertThat(world.replay()).isEqualTo(state);
      List<WorldEvent> events = world.events();
      assertThat(events.get(events.size() - 1).sequence()).isEqualTo(state.sequence());
      assertThat(events)
          .extracting(WorldEvent::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }
    world.crashHost(H2);
    assertThat(world.state().host(H2).orElseThrow().poweredOn()).isFalse();
  }

  private String errors() throws Exception {
    StringBuilder text = new StringBuilder();
    File[] files = dir.toFile().listFiles((d, n) -> n.endsWith(".err"));
    for (File file : files == null ? new File[0] : files) {
      text.append(Files.readString(file.toPath()));
    }
    return text.toString();
  }
}
