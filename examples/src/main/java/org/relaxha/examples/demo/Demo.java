package org.relaxha.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.detect.Verdict;
import org.relaxha.core.engine.Decision;
import org.relaxha.core.runtime.ControllerListener;
import org.relaxha.core.runtime.HaController;
import org.relaxha.core.runtime.StatusReport;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * What {@code ./relaxha} runs without arguments: the real controller (engine, detectors, journal,
 * command executor) against a small data center of in-memory fakes in virtual time, through three
 * incidents (a service dies, a VM crashes, a host loses its network), printing each incident's
 * timeline and a summary table.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class Demo {
  private final PrintStream out;
  private final DemoWorld world = new DemoWorld();
  private final List<Event> events = new ArrayList<>();

  /** A demo printing to {@code out}. */
  public Demo(PrintStream out) {
    this.out = out;
  }

  /** One thing that happened, at its virtual instant. */
  private record Event(Instant at, SubjectId subject, String what, String why) {}

  /** One scripted failure: when, what, and what counts as detected and recovered. */
  private record Incident(
      String title, Duration at, Runnable inject, SubjectId subject, Predicate<Event> recovered) {}

  /** Runs the scenario and prints it. */
  public void run() {
    HaController controller = controller();
    controller.start();
    world.time.runDue();
    out.println(
        "RelaxHA demo: 3 hosts, 5 VMs and 1 service on in-memory fakes; every check every 10 s,");
    out.println("two misses to DOWN, 30 s to boot a VM; the real controller in virtual time.");
    List<Incident> incidents = incidents();
    advanceTo(Duration.ofSeconds(30));
    List<String[]> summary = new ArrayList<>();
    for (int i = 0; i < incidents.size(); i++) {
      Incident incident = incidents.get(i);
      advanceTo(incident.at());
      int from = events.size();
      incident.inject().run();
      Duration end =
          i + 1 < incidents.size()
              ? incidents.get(i + 1).at()
              : incident.at().plus(Duration.ofMinutes(6));
      advanceTo(end.minusSeconds(1));
      summary.add(report(i + 1, incident, events.subList(from, events.size())));
    }
    printSummary(summary);
    out.println();
    out.println("Final status:");
    out.print(StatusReport.render(controller.status()));
    controller.close();
  }

  private HaController controller() {
    ControllerListener recorder =
        new ControllerListener() {
          @Override
          public void onVerdict(Verdict v) {
            events.add(new Event(v.at(), v.subject(), "detect " + v.health(), v.reason()));
          }

          @Override
          public void onDecision(Decision d) {
            if (!d.action().equals("ignore") && !d.action().equals("wait")) {
              events.add(new Event(d.at(), d.subject().orElse(null), d.action(), d.reason()));
            }
          }
        };
    DetectionPolicy detection =
        DetectionPolicy.builder().check(Criticality.HIGH, Duration.ofSeconds(10), 2).build();
    return HaController.builder()
        .topology(world.topology)
        .virtualTime(world.time)
        .inMemoryState()
        .detectionPolicy(detection)
        .monitor(world.probe)
        .hypervisor(world.hypervisor)
        .fencer(world.ipmi)
        .serviceControl(world.ssh)
        .notifier(world.mail)
        .listener(recorder)
        .build();
  }

  private List<Incident> incidents() {
    ServiceId httpd = ServiceId.of("web-1", "httpd");
    VmId batch = VmId.of("batch-1");
    HostId nodeA = HostId.of("node-a");
    return List.of(
        new Incident(
            "service web-1/httpd dies",
            Duration.ofMinutes(1),
            () -> world.breakService(httpd),
            httpd,
            e -> httpd.equals(e.subject()) && e.what().equals("recovered")),
        new Incident(
            "VM batch-1 crashes",
            Duration.ofMinutes(4),
            () -> crash(batch),
            batch,
            e -> batch.equals(e.subject()) && e.what().equals("recovered")),
        new Incident(
            "host node-a loses its network (3 VMs on it)",
            Duration.ofMinutes(9),
            () -> world.hypervisor.setReachable(nodeA, false),
            nodeA,
            e -> nodeA.equals(e.subject()) && e.what().equals("evacuated")));
  }

  private void crash(VmId vm) {
    HostId host = world.hypervisor.runningHostsOf(vm).iterator().next();
    world.hypervisor.crashVm(vm, host);
    world.probe.push(
        Observation.of(
                vm,
                ObservedStatus.UNREACHABLE,
                world.time.instant(),
                "probe",
                "hypervisor event: crashed")
            .asAuthoritative());
  }

  private void advanceTo(Duration offset) {
    Instant until = DemoWorld.START.plus(offset);
    while (world.time.instant().isBefore(until)) {
      Instant next = world.time.instant().plusSeconds(10);
      world.time.advanceTo(next.isAfter(until) ? until : next);
      world.observe();
    }
  }

  private String[] report(int n, Incident incident, List<Event> window) {
    Instant start = DemoWorld.START.plus(incident.at());
    out.println();
    out.printf("Incident %d at %s: %s%n", n, clock(incident.at()), incident.title());
    for (Event e : window) {
      out.printf(
          "  %s  %-16s %-24s %s%n",
          clock(Duration.between(DemoWorld.START, e.at())),
          e.what(),
          e.subject() == null ? "cluster" : e.subject().key(),
          e.why());
    }
    Optional<Event> detected =
        window.stream()
            .filter(
                e ->
                    incident.subject().equals(e.subject())
                        && e.what().equals("detect " + Health.DOWN))
            .findFirst();
    Optional<Event> recovered = window.stream().filter(incident.recovered()).findFirst();
    String took = recovered.map(e -> seconds(start, e.at())).orElse("not recovered");
    out.println(
        "  -> " + (recovered.isPresent() ? "recovered " + took + " after the failure" : took));
    return new String[] {
      incident.title(), detected.map(e -> seconds(start, e.at())).orElse("-"), took
    };
  }

  private void printSummary(List<String[]> rows) {
    out.println();
    out.println("Summary (times from the failure)");
    out.printf("  %-46s %-10s %s%n", "INCIDENT", "DETECTED", "RECOVERED");
    for (String[] r : rows) {
      out.printf("  %-46s %-10s %s%n", r[0], r[1], r[2]);
    }
  }

  private static String seconds(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds() + " s";
  }

  private static String clock(Duration d) {
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
