package org.relaxha.testkit.fake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.relaxha.spi.Require;
import org.relaxha.testkit.Gate;
import org.relaxha.testkit.Latency;

/**
 * The failure-injection rules of one fake: per operation (and optionally per target argument), a
 * canned result, an exception, or a hang, once or until cleared. Thread-safe.
 */
final class Faults<O extends Enum<O>> {

  /** What a matching rule does to a call. */
  sealed interface Fault permits Respond, Raise, Hang {}

  /** Return this result instead of acting. */
  record Respond(Object result) implements Fault {}

  /** Throw this exception (an adapter bug, for testing the caller's guards). */
  record Raise(RuntimeException exception) implements Fault {}

  /** Wait at the gate, then act normally. */
  record Hang(Gate gate) implements Fault {}

  private record Rule<O>(O op, Object target, Fault fault, boolean once) {}

  private final List<Rule<O>> rules = new ArrayList<>();
  private volatile Latency latency = Latency.none();

  /** Adds a rule; {@code target} null matches any call of {@code op}. */
  synchronized void add(O op, Object target, Fault fault, boolean once) {
    rules.add(new Rule<>(Require.nonNull(op, "op"), target, Require.nonNull(fault, "fault"), once));
  }

  synchronized void clear() {
    rules.clear();
  }

  void latency(Latency value) {
    latency = Require.nonNull(value, "latency");
  }

  /** The first rule matching the call, removed if it applies once; null if none. */
  synchronized Fault take(O op, Object... arguments) {
    List<Object> args = Arrays.asList(arguments);
    for (Iterator<Rule<O>> it = rules.iterator(); it.hasNext(); ) {
      Rule<O> rule = it.next();
      if (rule.op() == op && (rule.target() == null || args.contains(rule.target()))) {
        if (rule.once()) {
          it.remove();
        }
        return rule.fault();
      }
    }
    return null;
  }

  /**
   * Runs one call: the latency, then a matching fault, then (if no fault answered) the action.
   *
   * @param injected turns an injected result into the call's result type
   * @param interrupted the result when the thread is interrupted while it waits (the interrupt flag
   *     is set again)
   */
  <R> R run(
      O op,
      Object[] arguments,
      Function<Object, R> injected,
      Supplier<R> interrupted,
      Supplier<R> action) {
    Fault fault = take(op, arguments);
    try {
      latency.elapse();
      if (fault instanceof Hang hang) {
        hang.gate().pass();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return interrupted.get();
    }
    if (fault instanceof Raise raise) {
      throw raise.exception();
    }
    if (fault instanceof Respond respond) {
      return injected.apply(respond.result());
    }
    return action.get();
  }
}
