package org.relaxha.examples.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.file.FileBackedWorld;
import org.relaxha.testkit.file.WorldEvent;
import org.relaxha.testkit.file.WorldState;

/**
 * Kills a real controller (a child JVM running {@code relaxha run}) with SIGKILL at random points
 * of recoveries, at least 50 times, restarting it on the same state directory each time, against a
 * world of hosts and VMs kept in files outside its process. After every scenario: no VM ever ran on
 * two hosts at once, no VM was started more often than it was stopped plus one, and every VM runs
 * (no escalation was forgotten).
 */
class ControllerKillIT {
  private static final int HOSTS = 4;
  private static final int KILLS_PER_SCENARIO = 10;
  private static final List<VmId> VMS = List.of(vm(1), vm(2), vm(3), vm(4), vm(5), vm(6));

  @TempDir Path dir;

  private static VmId vm(int i) {
    return VmId.of("vm" + i);
  }

  @Test
  void noVmStartsTwiceAndNoEscalationIsForgottenAcross50Kills() throws Exception {
    long seed = Long.getLong("relaxha.kill.seed", System.nanoTime());
    System.out.println(
        "ControllerKillIT seed " + seed + " (replay with -Drelaxha.kill.seed=" + seed + ")");
    Random random = new Random(seed);
    Path worldDir = dir.resolve("world");
    FileBackedWorld world = FileBackedWorld.create(worldDir);
    for (int h = 1; h <= HOSTS; h++) {
      world.addHost(HostId.of("h" + h));
    }
    int[] homes = {1, 1, 1, 2, 2, 3};
    for (int i = 0; i < VMS.size(); i++) {
      world.defineVm(VMS.get(i), HostId.of("h" + homes[i]), PowerState.RUNNING);
    }
    Path config = writeConfig(worldDir);
    Path log = dir.resolve("controller.log");
    int kills = 0;
    List<String> scenarios =
        List.of("host crash", "host isolation", "vm crash", "host crash", "vm crash");
    for (String scenario : scenarios) {
      long fromSeq = lastSequence(world);
      ControllerProcess controller = ControllerProcess.start(config, log);
      awaitAllUp(dir.resolve("state").resolve("status.txt"), Duration.ofSeconds(30), log);
      String injected = inject(world, scenario, random);
      System.out.println("scenario " + scenario + ": " + injected);
      for (int k = 0; k < KILLS_PER_SCENARIO; k++) {
        Thread.sleep(300 + random.nextInt(2700));
        controller.kill();
        kills++;
        controller = ControllerProcess.start(config, log);
      }
      awaitConverged(world, Duration.ofSeconds(90), log);
      controller.kill();
      kills++;
      checkScenario(world, fromSeq, scenario);
      restoreHosts(world);
    }
    String all = Files.readString(log);
    System.out.printf(
        "%d kills; restarts that recovered a journal: %d; commands re-issued after a kill: %d%n",
        kills, count(all, "recovered engine state"), count(all, "re-issuing"));
    assertThat(kills).isGreaterThanOrEqualTo(50);
    assertThat(world.startsWhileRunningElsewhere()).as("starts while running elsewhere").isEmpty();
  }

  private Path writeConfig(Path worldDir) throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("stateDirectory: ").append(dir.resolve("state")).append('\n');
    yaml.append(
        "controller: { callTimeout: 3s, fenceTimeout: 5s, threads: 4, inventoryInterval: 2s, snapshotEvery: 25 }\n");
    yaml.append("detection: { high: { interval: 1s, missThreshold: 2 } }\n");
    yaml.append("policy:\n");
    yaml.append(
        "  vm: { rebootTimeout: 3s, restartTimeout: 6s, reinstallTimeout: 6s, stabilityWindow: 4s,\n");
    yaml.append("        budget: { maxRestarts: 50, maxRelocations: 50, window: 1h } }\n");
    yaml.append(
        "  host: { fenceAttempts: 3, fenceRetryDelay: 1s, bootsPerHost: 2, parallelStarts: 4, placementRetry: 2s,\n");
    yaml.append("          safetyValve: { maxShareDown: 0.9, minHostsDown: 4, window: 1m } }\n");
    yaml.append("hosts:\n");
    for (int h = 1; h <= HOSTS; h++) {
      yaml.append("  - { name: h")
          .append(h)
          .append(", cpus: 16, memory: 64GiB, criticality: high }\n");
    }
    yaml.append("vms:\n");
    int[] homes = {1, 1, 1, 2, 2, 3};
    for (int i = 0; i < VMS.size(); i++) {
      yaml.append("  - { name: ")
          .append(VMS.get(i))
          .append(", host: h")
          .append(homes[i])
          .append(", cpus: 1, memory: 1GiB, criticality: high }\n");
    }
    yaml.append("adapters:\n  - { type: file-world, directory: ")
        .append(worldDir)
        .append(", pollInterval: 200ms }\n");
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  private static String inject(FileBackedWorld world, String scenario, Random random) {
    WorldState state = world.state();
    List<VmId> running = new ArrayList<>();
    for (VmId vm : VMS) {
      if (!state.runningHostsOf(vm).isEmpty()) {
        running.add(vm);
      }
    }
    VmId victim = running.get(random.nextInt(running.size()));
    HostId host = state.runningHostsOf(victim).iterator().next();
    switch (scenario) {
      case "host crash" -> world.crashHost(host);
      case "host isolation" -> world.isolateHost(host);
      default -> world.crashVm(victim, host);
    }
    return scenario.startsWith("host")
        ? host + " (runs " + victim + " and others)"
        : victim + " on " + host;
  }

  /** Waits until the controller's status report shows every VM UP. */
  private static void awaitAllUp(Path status, Duration timeout, Path log)
      throws InterruptedException, IOException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (Files.exists(status)) {
        String text = Files.readString(status);
        long up = text.lines().filter(l -> l.matches("vm:vm\\d+\\s+UP\\s.*")).count();
        if (up == VMS.size()) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the controller did not see every VM up within " + timeout + "\n" + tail(log));
  }

  private static void awaitConverged(FileBackedWorld world, Duration timeout, Path log)
      throws InterruptedException, IOException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      WorldState s = world.state();
      boolean allRunning = VMS.stream().allMatch(vm -> runsOnceOnAnUpHost(s, vm));
      if (allRunning) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "not every VM runs "
            + timeout
            + " after the last restart: "
            + world.state()
            + "\ncontroller log tail:\n"
            + tail(log));
  }

  private static boolean runsOnceOnAnUpHost(WorldState s, VmId vm) {
    Set<HostId> hosts = s.runningHostsOf(vm);
    return hosts.size() == 1
        && s.host(hosts.iterator().next()).map(WorldState.HostState::isUp).orElse(false);
  }

  private static void checkScenario(FileBackedWorld world, long fromSeq, String scenario) {
    Map<VmId, Integer> starts = new HashMap<>();
    Map<VmId, Integer> stops = new HashMap<>();
    for (WorldEvent e : world.events()) {
      if (e.sequence() <= fromSeq || e.vm().isEmpty()) {
        continue;
      }
      if (e.type() == WorldEvent.Type.START) {
        starts.merge(e.vm().get(), 1, Integer::sum);
      } else if (e.type() == WorldEvent.Type.STOP) {
        stops.merge(e.vm().get(), 1, Integer::sum);
      }
    }
    System.out.println("  starts " + starts + ", stops " + stops);
    for (VmId vm : VMS) {
      assertThat(starts.getOrDefault(vm, 0))
          .as("%s: %s started more often than stopped + 1", scenario, vm)
          .isLessThanOrEqualTo(stops.getOrDefault(vm, 0) + 1);
    }
    assertThat(world.startsWhileRunningElsewhere())
        .as("%s: a VM ran on two hosts", scenario)
        .isEmpty();
  }

  private static void restoreHosts(FileBackedWorld world) {
    world
        .state()
        .hosts()
        .forEach(
            (host, state) -> {
              if (!state.poweredOn()) {
                world.powerOnHost(host);
              } else if (!state.reachable()) {
                world.reconnectHost(host);
              }
            });
  }

  private static long lastSequence(FileBackedWorld world) {
    List<WorldEvent> events = world.events();
    return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
  }

  private static long count(String text, String needle) {
    return text.lines().filter(l -> l.contains(needle)).count();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
