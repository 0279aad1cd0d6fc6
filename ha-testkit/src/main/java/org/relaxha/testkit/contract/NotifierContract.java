package org.relaxha.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Notifier;
import org.relaxha.spi.notify.Severity;

/**
 * The conformance kit of the {@link Notifier} SPI: every notifier adapter's tests extend it.
 *
 * <p>The subclass supplies a fresh notifier over its fixture ({@link #createNotifier()}, called by
 * this kit's {@code @BeforeEach}, before the subclass's own), e.g. a mail notifier pointed at a
 * local fake SMTP server. If the notifier is {@link AutoCloseable}, the kit closes it after each
 * test. {@link #sampleNotifications()} may be overridden to add cases the adapter cares about.
 *
 * <p>The kit checks: name() is not blank; send() returns a result (Done, Failed or Unreachable) for
 * every well-formed notification within {@link #sendTimeout()} and never throws; send() is safe
 * from several threads at once.
 *
 * <pre>{@code
 * class MailNotifierTest extends NotifierContract {
 *   private final FakeSmtp smtp = FakeSmtp.start();
 *
 *   @Override protected Notifier createNotifier() {
 *     return new MailNotifier(MailConfig.of("localhost", smtp.port(), "ops@example.org"));
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class NotifierContract {

  private Notifier notifier;

  /** A fresh notifier over the fixture. */
  protected abstract Notifier createNotifier();

  /** Well-formed notifications to send: every severity, with and without a subject. */
  protected List<Notification> sampleNotifications() {
    Instant at = Instant.parse("2026-03-29T01:59:59.123Z");
    return List.of(
        new Notification(
            Severity.INFO, Optional.of(VmId.of("web-1")), "web-1 recovered", "restarted", at),
        new Notification(
            Severity.WARNING,
            Optional.of(HostId.of("h1")),
            "fencing held",
            "half the hosts failed at once; suspecting the network",
            at),
        new Notification(Severity.CRITICAL, Optional.empty(), "gave up", "", at));
  }

  /** The bound on one send; 30 s by default. */
  protected Duration sendTimeout() {
    return Duration.ofSeconds(30);
  }

  /** The notifier under test, for a subclass's own extra tests. */
  protected final Notifier notifier() {
    return notifier;
  }

  @BeforeEach
  public final void createTheNotifier() {
    notifier = createNotifier();
    assertThat(notifier).as("createNotifier()").isNotNull();
  }

  @AfterEach
  public final void closeTheNotifier() throws Exception {
    if (notifier instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Test
  public void nameIsNotBlank() {
    assertThat(notifier.name()).isNotNull().isNotBlank();
  }

  @Test
  public void sendReturnsAResultForEveryNotification() {
    for (Notification notification : sampleNotifications()) {
      ActionResult result =
          assertTimeoutPreemptively(sendTimeout(), () -> notifier.send(notification));
      assertThat(result).as("send(%s)", notification.title()).isNotNull();
      assertThat(result.detail()).isNotNull();
    }
  }

  @Test
  public void sendIsSafeFromSeveralThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ActionResult>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        for (Notification notification : sampleNotifications()) {
          results.add(pool.submit(() -> notifier.send(notification)));
        }
      }
      for (Future<ActionResult> result : results) {
        assertThat(result.get(sendTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
            .isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
