package org.relaxha.testkit.fake;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Notifier;
import org.relaxha.spi.notify.Severity;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;
import org.relaxha.testkit.Gate;

/**
 * A {@link Notifier} that records what it was asked to send and answers Done, or what the test
 * injected: {@link #failNext} (a result; the notification is then not counted as delivered), {@link
 * #hangNext()} (wait at a {@link Gate}; interrupted means Unreachable), {@link #throwNext}.
 *
 * <p>{@link #sent()} lists the delivered notifications; {@link #calls()} lists every attempt with
 * arguments {@code [Notification]}. {@link #awaitSent} waits for notifications a controller sends
 * from its own threads.
 *
 * <p>Thread-safe.
 */
public final class RecordingNotifier implements Notifier {
  private final String name;
  private final CallLog log;
  private final Faults<SingleCall> faults = new Faults<>();
  private final List<Notification> sent = new ArrayList<>();

  /** A notifier called {@code name}, stamping its calls with {@code clock}. */
  public RecordingNotifier(String name, InstantSource clock) {
    this.name = Require.nonBlank(name, "name");
    this.log = new CallLog(clock);
  }

  /** A notifier called {@code recording} on the system clock. */
  public RecordingNotifier() {
    this("recording", InstantSource.system());
  }

  /** The next send returns {@code result} without delivering. */
  public void failNext(ActionResult result) {
    faults.add(SingleCall.CALL, null, new Faults.Respond(Require.nonNull(result, "result")), true);
  }

  /** The next send hangs until the gate is released (then delivers) or interrupted. */
  public Gate hangNext() {
    Gate gate = new Gate();
    faults.add(SingleCall.CALL, null, new Faults.Hang(gate), true);
    return gate;
  }

  /** The next send throws {@code exception} (a notifier bug). */
  public void throwNext(RuntimeException exception) {
    faults.add(
        SingleCall.CALL, null, new Faults.Raise(Require.nonNull(exception, "exception")), true);
  }

  /** The notifications delivered so far, in order. */
  public synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** The delivered notifications of one severity. */
  public synchronized List<Notification> sent(Severity severity) {
    return sent.stream().filter(n -> n.severity() == severity).toList();
  }

  /** Every send attempt, delivered or not. */
  public List<Call> calls() {
    return log.all();
  }

  /** Forgets the delivered notifications (not the call log). */
  public synchronized void clear() {
    sent.clear();
  }

  /**
   * Waits in real time until at least {@code count} notifications were delivered.
   *
   * @return whether they were within {@code timeout}
   */
  public synchronized boolean awaitSent(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + Require.nonNegative(timeout, "timeout").toNanos();
    while (sent.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ActionResult send(Notification notification) {
    Require.nonNull(notification, "notification");
    try {
      ActionResult result =
          faults.run(
              SingleCall.CALL,
              new Object[] {notification},
              injected -> (ActionResult) injected,
              () -> ActionResult.unreachable("sending was interrupted"),
              () -> deliver(notification));
      log.record("send", result, notification);
      return result;
    } catch (RuntimeException e) {
      log.record("send", e, notification);
      throw e;
    }
  }

  private synchronized ActionResult deliver(Notification notification) {
    sent.add(notification);
    notifyAll();
    return ActionResult.done("recorded by " + name);
  }

  @Override
  public String toString() {
    return "RecordingNotifier[" + name + "]";
  }
}
