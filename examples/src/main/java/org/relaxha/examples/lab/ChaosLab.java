package org.relaxha.examples.lab;

import java.io.PrintStream;
import java.time.Duration;
import org.relaxha.sim.Durations;
import org.relaxha.sim.Failure;
import org.relaxha.sim.RunResult;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.chaos.ChaosRun;
import org.relaxha.sim.chaos.ChaosSchedule;

/**
 * {@code relaxha lab --chaos N}: runs N random schedules ({@link ChaosSchedule}: every failure
 * kind, overlapping incidents, controller restarts mid-recovery on the durable store) against the
 * real controller and checks the invariants after each. A schedule that breaks one is printed with
 * the seed that replays it exactly: {@code --chaos 1 --seed SEED} runs that schedule alone and
 * prints its data center, failures and timelines.
 *
 * <p>One run per instance; not thread-safe.
 */
final class ChaosLab {
  private final LabRequest request;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  ChaosLab(LabRequest request, PrintStream out, PrintStream err, boolean terminal) {
    this.request = request;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  int run() {
    long first = request.seed().orElse(1);
    int n = request.chaos();
    if (n == 1) {
      return replay(first);
    }
    out.printf(
        "RelaxHA lab --chaos %d (seeds %d..%d): random data centers of 3 to 6 hosts, every failure"
            + " kind, overlapping incidents, controller restarts mid-recovery on the durable store;"
            + " %s of failures, then a repair and %s of quiet.%n",
        n,
        first,
        first + n - 1,
        Durations.format(ChaosSchedule.ACTIVE),
        Durations.format(ChaosSchedule.QUIET));
    Progress progress = new Progress(err, request.progress() || terminal, "schedules", n);
    ChaosRun.Report r = ChaosRun.run(first, n, request.threads(), progress::update);
    out.printf(
        "%d schedules, %d failures injected (%d controller restarts), %s simulated, in %s.%n",
        r.schedules(), r.failures(), r.restarts(), hours(r.simulated()), LabText.seconds(r.took()));
    out.println(
        "Invariants checked: no VM ever on two hosts; no VM started on an unfenced host's behalf;"
            + " every VM ends running or given up with a notification; no placement past capacity"
            + " or threshold; no configured rung skipped.");
    request.json().ifPresent(p -> LabJson.writeChaos(p, r));
    if (r.broken().isEmpty()) {
      out.println("Result: no invariant broken.");
      return 0;
    }
    out.println("Result: invariants BROKEN in " + r.broken().size() + " schedule(s):");
    for (ChaosRun.Broken b : r.broken()) {
      out.println("  seed " + b.seed() + ":");
      b.violations().forEach(v -> out.println("    " + v));
    }
    long seed = r.broken().get(0).seed();
    out.println("Replay one exactly: relaxha lab --chaos 1 --seed " + seed);
    return 1;
  }

  /** One schedule, told in full. */
  private int replay(long seed) {
    Scenario s = ChaosSchedule.of(seed);
    out.println("RelaxHA lab --chaos 1 --seed " + seed + ": one chaos schedule, replayed exactly.");
    out.println("Data center: " + LabText.datacenter(s) + ".");
    s.topology()
        .vms()
        .values()
        .forEach(
            vm ->
                out.printf(
                    "  %s on %s (%s CPU, %d MiB, %s%s)%n",
                    vm.id(),
                    vm.homeHost().map(Object::toString).orElse("?"),
                    Durations.seconds(vm.demand().cpus()),
                    vm.demand().memoryMib(),
                    vm.criticality().name().toLowerCase(java.util.Locale.ROOT),
                    vm.reinstallAllowed() ? ", reinstallable" : ""));
    out.println("Failures:");
    for (Failure f : s.failures()) {
      out.printf(
          "  %s  %s%s%n",
          LabText.clock(s, s.start().plus(f.at())),
          f.describe(),
          f.lasting().map(d -> " (for " + Durations.format(d) + ")").orElse(""));
    }
    RunResult r = ChaosRun.replay(seed);
    LabText.timelines(out, r);
    LabText.summary(out, r, "Summary (seconds from each failure)");
    out.println();
    if (r.violations().isEmpty()) {
      out.println("Invariants: none broken.");
      return 0;
    }
    out.println("Invariants BROKEN:");
    r.violations().forEach(v -> out.println("  " + v));
    return 1;
  }

  private static String hours(Duration d) {
    return d.toHours() + "h";
  }
}
