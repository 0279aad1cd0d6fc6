package org.relaxha.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The timeout guard around libvirt calls, with calls that block like a hung native call (they
 * ignore interrupts until released).
 */
class LibvirtCallsTest {
  private static final HostId H = HostId.of("h1");
  private final CountDownLatch release = new CountDownLatch(1);
  private final LibvirtCalls calls = new LibvirtCalls("t", 1);

  @AfterEach
  void tearDown() {
    release.countDown();
    calls.close();
  }

  private Object hang() {
    while (true) {
      try {
        if (release.await(10, TimeUnit.SECONDS)) {
          return "late";
        }
      } catch (InterruptedException e) {
        // like native code: the interrupt changes nothing
      }
    }
  }

  @Test
  void aHungCallIsGivenUpAfterItsTimeoutAndCountedStuckUntilItReturns() throws Exception {
    long t0 = System.nanoTime();
    LibvirtCalls.Outcome<Object> outcome =
        calls.run(H, Optional.of(VmId.of("v")), "destroy", Duration.ofMillis(200), this::hang);
    long tookMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(outcome).isInstanceOf(LibvirtCalls.Outcome.Unreachable.class);
    assertThat(((LibvirtCalls.Outcome.Unreachable<Object>) outcome).reason())
        .isEqualTo("destroy on h1 for v timed out after 200 ms (libvirt did not answer)");
    assertThat(tookMs).isBetween(200L, 2000L);
    assertThat(calls.stuckCalls()).isEqualTo(1);

    LibvirtCalls.Outcome<Object> refused =
        calls.run(H, Optional.empty(), "list", Duration.ofMillis(100), () -> "x");
    assertThat(refused)
        .as("queued behind the stuck call")
        .isInstanceOf(LibvirtCalls.Outcome.Unreachable.class);

    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (calls.stuckCalls() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(calls.stuckCalls()).isZero();
    assertThat(calls.run(H, Optional.empty(), "list", Duration.ofSeconds(1), () -> "ok"))
        .isEqualTo(new LibvirtCalls.Outcome.Ok<>("ok"));
  }

  @Test
  void whenTheThreadIsStuckAndTheQueueFullFurtherCallsAreRefusedAtOnce() throws Exception {
    calls.run(H, Optional.empty(), "hang", Duration.ofMillis(100), this::hang);
    assertThat(calls.stuckCalls()).isEqualTo(1);
    List<Thread> waiting = new ArrayList<>();
    // More callers than the queue's 16 places, so it fills even if the probes below take one.
    for (int i = 0; i < 24; i++) {
      Thread t =
          new Thread(() -> calls.run(H, Optional.empty(), "q", Duration.ofSeconds(20), () -> "x"));
      t.start();
      waiting.add(t);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    LibvirtCalls.Outcome<Object> outcome;
    do {
      outcome = calls.run(H, Optional.empty(), "list", Duration.ofMillis(50), () -> "x");
    } while (!(outcome instanceof LibvirtCalls.Outcome.Unreachable<Object> u
            && u.reason().contains("refused"))
        && System.nanoTime() < deadline);
    long t0 = System.nanoTime();
    outcome = calls.run(H, Optional.empty(), "list", Duration.ofSeconds(30), () -> "x");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    assertThat(((LibvirtCalls.Outcome.Unreachable<Object>) outcome).reason())
        .isEqualTo(
            "list on h1 refused: all 1 libvirt threads busy (1 stuck past their timeout) and the"
                + " queue is full");
    release.countDown();
    for (Thread t : waiting) {
      t.join(5000);
    }
  }

  @Test
  void aCallStillQueuedWhenThePoolStopsIsAnsweredThenNotAtItsTimeout() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    Thread busy =
        new Thread(
            () ->
                calls.run(
                    H,
                    Optional.empty(),
                    "hang",
                    Duration.ofSeconds(60),
                    () -> {
                      running.countDown();
                      return hang();
                    }));
    busy.start();
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<LibvirtCalls.Outcome<Object>> queued =
        CompletableFuture.supplyAsync(
            () -> calls.run(H, Optional.empty(), "list", Duration.ofSeconds(60), () -> "x"));
    while (calls.queued() == 0) {
      Thread.sleep(5);
    }

    calls.shutdown(Duration.ofMillis(100));

    assertThat(queued.get(10, TimeUnit.SECONDS))
        .isEqualTo(
            new LibvirtCalls.Outcome.Unreachable<>(
                "list on h1 did not run: the libvirt adapter was closed"));
    release.countDown();
    busy.join(5000);
  }

  @Test
  void aBugInACallIsAFailureNotAnEscapedException() {
    LibvirtCalls.Outcome<Object> outcome =
        calls.run(
            H,
            Optional.empty(),
            "list",
            Duration.ofSeconds(1),
            () -> {
              throw new IllegalStateException("boom");
            });
    assertThat(((LibvirtCalls.Outcome.Failed<Object>) outcome).error().describe())
        .isEqualTo("libvirt on h1: ADAPTER_ERROR (-1): IllegalStateException: boom");
  }
}
