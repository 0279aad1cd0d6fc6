package org.relaxha.xen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.xen.LibvirtAdapter;
import org.relaxha.xen.LibvirtConfig;
import org.relaxha.xen.LibvirtHypervisor;

/**
 * The foundation's durability test once more, against real libvirtd and a real QEMU guest: the
 * guest's QEMU is killed, then the controller (a child JVM with its journal on disk) is killed with
 * SIGKILL at random points of the recovery and restarted, again and again; at least 50 controller
 * kills in all. Each guest crash must end in exactly one new boot of the guest: a domain started
 * twice would boot twice.
 */
class LibvirtKillIT {
  private static final String DOMAIN = "relaxha-kill-havm";
  private static final int ROUNDS = 10;
  private static final int KILLS_PER_ROUND = 5;

  @TempDir static Path dir;
  private static GuestLab lab;

  @BeforeAll
  static void startLibvirtd() throws Exception {
    lab = GuestLab.start(dir, DOMAIN);
  }

  @AfterAll
  static void stopLibvirtd() throws Exception {
    if (lab != null) {
      lab.stop();
    }
  }

  @Test
  void everyGuestCrashEndsInExactlyOneNewBootAcross50ControllerKills() throws Exception {
    long seed = Long.getLong("relaxha.kill.seed", System.nanoTime());
    System.out.println("[libvirt kill IT] seed " + seed);
    Random random = new Random(seed);
    startGuest();
    await(Duration.ofSeconds(60), () -> boots() >= 1, "first boot");
    Path log = dir.resolve("controller.log");
    Process controller = startController(log);
    int kills = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      int before = boots();
      await(Duration.ofSeconds(30), () -> Guest.qemuPidOrZero(DOMAIN) != 0, "a running guest");
      long killedAt = System.nanoTime();
      new ProcessBuilder("kill", "-9", Long.toString(Guest.qemuPid(DOMAIN))).start().waitFor();
      for (int k = 0; k < KILLS_PER_ROUND; k++) {
        Thread.sleep(200 + random.nextInt(2300));
        kill(controller);
        kills++;
        controller = startController(log);
      }
      await(
          Duration.ofSeconds(120),
          () -> boots() > before,
          "round " + round + ": the guest boots again");
      Thread.sleep(4000);
      assertThat(boots()).as("round %d: boots after one crash", round).isEqualTo(before + 1);
      System.out.printf(
          "[libvirt kill IT] round %d: crash -> booted again in %d ms across %d controller kills%n",
          round, Libvirtd.since(killedAt).toMillis(), KILLS_PER_ROUND);
    }
    kill(controller);
    kills++;
    String all = Files.readString(log);
    System.out.printf(
        "[libvirt kill IT] %d controller kills; journal recoveries %d; commands re-issued %d%n",
        kills,
        all.lines().filter(l -> l.contains("recovered engine state")).count(),
        all.lines().filter(l -> l.contains("re-issuing")).count());
    assertThat(kills).isGreaterThanOrEqualTo(50);
  }

  private static void startGuest() throws Exception {
    LibvirtHypervisor hypervisor =
        new LibvirtAdapter(
                LibvirtConfig.builder()
                    .name("setup")
                    .host(HostId.of("h1"), lab.libvirtd().uri())
                    .domainXmlDirectory(lab.xmlDir())
                    .callTimeout(Duration.ofSeconds(30))
                    .build())
            .hypervisor();
    try {
      hypervisor.start();
      assertThat(hypervisor.startVm(Vm.builder(DOMAIN).build(), HostId.of("h1")).succeeded())
          .isTrue();
    } finally {
      hypervisor.close();
    }
  }

  private static Process startController(Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                DurabilityChild.class.getName(),
                lab.libvirtd().uri(),
                lab.xmlDir().toString(),
                dir.resolve("state").toString(),
                DOMAIN))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("controller " + p.pid() + " survived SIGKILL");
    }
  }

  private static int boots() {
    try {
      return Guest.boots(lab.console());
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private static void await(Duration timeout, BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + ": not within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
