package org.relaxha.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * A retired connection is released exactly once, and never under a call that is still using it; on
 * real connections to libvirt's in-process test driver.
 */
class SharedConnectionTest {
  private static final String URI = "test:///default";

  private final List<Thread> releasedOn = new CopyOnWriteArrayList<>();
  private Connect connect;
  private SharedConnection shared;

  @BeforeEach
  void open() throws LibvirtException {
    LibvirtEventLoop.acquire(); // sets libvirt's silent error callback, as the adapter does
    connect = new Connect(URI);
    shared =
        new SharedConnection(
            connect,
            URI,
            c -> {
              releasedOn.add(Thread.currentThread());
              try {
                c.close();
              } catch (LibvirtException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @AfterEach
  void close() throws LibvirtException {
    if (releasedOn.isEmpty()) {
      connect.close();
    }
    LibvirtEventLoop.release();
  }

  @Test
  void anUnusedConnectionIsForTheRetiringCallerToReleaseOnce() throws LibvirtException {
    assertThat(shared.use(Connect::numOfDomains)).isEqualTo(1);
    assertThat(shared.alive()).isTrue();

    assertThat(shared.retire("adapter closed")).isTrue();
    assertThat(shared.retire("connection lost")).as("only the first retirement counts").isFalse();

    assertThat(releasedOn).as("the caller releases it, not the connection").isEmpty();
    assertThat(connect.isConnected()).isTrue();
  }

  @Test
  void aCallAfterRetirementNeverReachesLibvirt() {
    shared.retire("adapter closed");
    AtomicBoolean ran = new AtomicBoolean();

    assertThatThrownBy(() -> shared.use(c -> ran.getAndSet(true)))
        .isInstanceOf(SharedConnection.Retired.class)
        .hasMessage(
            "the connection to test:///default was closed before the call started: adapter closed");
    assertThat(ran).isFalse();
    assertThat(shared.alive()).isFalse();
  }

  @Test
  void retiringDuringACallLeavesTheReleaseToTheCallsThread() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    Thread[] caller = new Thread[1];
    CompletableFuture<Integer> call =
        CompletableFuture.supplyAsync(
            () -> {
              caller[0] = Thread.currentThread();
              try {
                return shared.use(
                    c -> {
                      inside.countDown();
                      await(proceed);
                      return c.numOfDomains(); // still open after the retirement
                    });
              } catch (LibvirtException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(shared.retire("connection lost")).as("a call still runs").isFalse();
    assertThat(shared.users()).isEqualTo(1);
    assertThat(connect.isConnected()).isTrue();
    proceed.countDown();

    assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(releasedOn).containsExactly(caller[0]);
    assertThat(connect.isConnected()).isFalse();
    assertThat(shared.users()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test did not let the call proceed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
