package org.relaxha.monitor.nagios;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.StatusSnapshot;

/**
 * The external command lines one mute or unmute sends, and the conditions on {@code status.dat}
 * that must hold afterwards (one per effect, so a failed verification says which is missing).
 *
 * <p>Not thread-safe: built and used by one call.
 */
final class CommandPlan {
  private final List<String> lines = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();

  /** A condition a command should bring about. */
  private record Check(NagiosObject object, String what, Predicate<StatusSnapshot> holds) {}

  /** Sends {@code line}. */
  void send(String line) {
    lines.add(line);
  }

  /** Expects {@code holds} of status.dat afterwards, described as {@code what} of {@code o}. */
  void expect(NagiosObject o, String what, Predicate<StatusSnapshot> holds) {
    checks.add(new Check(o, what, holds));
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  boolean expectsNothing() {
    return checks.isEmpty();
  }

  /** Whether every expectation holds in {@code snapshot}. */
  boolean holds(StatusSnapshot snapshot) {
    return checks.stream().allMatch(c -> c.holds().test(snapshot));
  }

  /** The expectations that do not hold in {@code snapshot}, described. */
  List<String> missing(StatusSnapshot snapshot) {
    return checks.stream()
        .filter(c -> !c.holds().test(snapshot))
        .map(c -> c.object() + ": " + c.what())
        .toList();
  }

  /** The objects this plan is about, sorted. */
  Set<String> objects() {
    return checks.stream()
        .map(c -> c.object().toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
