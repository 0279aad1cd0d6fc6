package org.relaxha.examples.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.sim.Expectation;
import org.relaxha.sim.Failure;
import org.relaxha.sim.FailureKind;
import org.relaxha.sim.HostModel;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.VmModel;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;

/**
 * Loads a lab scenario file (format: {@code docs/lab.md}): the data center in the site format plus
 * what the simulator needs (boot times, monitors and their delays, fencing, guest access), the
 * failures to inject, the seed, and optional variants (the paper's policy, RelaxHA's defaults) that
 * each replace whole sections. Everything is checked before anything runs; the first problem is
 * thrown as a {@link org.relaxha.spi.config.ConfigException} naming the file, line and field.
 *
 * <p>Stateless and thread-safe; each load reads its file on the calling thread.
 */
public final class ScenarioLoader {
  static final String[] ROOT_KEYS = {
    "name", "description", "seed", "start", "duration", "paper", "detection", "policy",
    "controller", "monitors", "hypervisor", "fencing", "guests", "hosts", "vms", "failures",
    "variants"
  };
  static final String[] VARIANT_KEYS = {
    "name",
    "description",
    "detection",
    "policy",
    "controller",
    "monitors",
    "hypervisor",
    "fencing",
    "guests"
  };
  static final String[] FAILURE_KEYS = {
    "at", "kind", "target", "for", "period", "latency", "title", "expect"
  };

  private ScenarioLoader() {}

  /** Loads and validates a scenario file. */
  public static ScenarioFile load(Path file) {
    return read(YamlConfigSection.load(file, ConfigSource.of(file)));
  }

  /** Parses and validates scenario text; {@code name} stands for the file in errors. */
  public static ScenarioFile parse(String text, String name) {
    return read(YamlConfigSection.parse(text, ConfigSource.inMemory(name)));
  }

  private static ScenarioFile read(YamlConfigSection root) {
    root.expectOnly(ROOT_KEYS);
    String name = root.string("name");
    String description = root.optionalString("description").orElse("");
    long seed = seed(root);
    Instant start = start(root);
    Optional<String> paper = paper(root);
    Map<HostId, HostModel> hostModels = new TreeMap<>();
    Map<VmId, VmModel> vmModels = new TreeMap<>();
    TopologyReader.Extras extras =
        new TopologyReader.Extras(
            SimModelReader.HOST_EXTRA,
            SimModelReader.VM_EXTRA,
            (n, s) -> hostModels.put(HostId.of(n), SimModelReader.host(n, s)),
            (n, s) -> vmModels.put(VmId.of(n), SimModelReader.vm(n, s)));
    Topology topology = TopologyReader.read(root, extras);
    Map<String, YamlConfigSection> variants = variants(root);
    List<Failure> failures = failures(root, topology, variants.keySet(), paper);
    Duration duration = duration(root, failures);
    List<Scenario> runs = new ArrayList<>();
    for (Map.Entry<String, YamlConfigSection> v : variants.entrySet()) {
      YamlConfigSection over = v.getValue();
      DetectionPolicy detection = PolicyReader.detection(pick(root, over, "detection"));
      Scenario.Builder b =
          Scenario.builder(topology)
              .name(name)
              .variant(v.getKey())
              .description(
                  over == null
                      ? description
                      : over.optionalString("description").orElse(description))
              .seed(seed)
              .start(start)
              .duration(duration)
              .detection(detection)
              .policy(PolicyReader.recovery(pick(root, over, "policy")))
              .controller(SimModelReader.controller(pick(root, over, "controller")))
              .hypervisor(SimModelReader.hypervisor(pick(root, over, "hypervisor")))
              .fencing(SimModelReader.fencing(pick(root, over, "fencing")))
              .guests(SimModelReader.guests(pick(root, over, "guests")));
      YamlConfigSection monitorsFrom = over != null && over.has("monitors") ? over : root;
      SimModelReader.monitors(monitorsFrom, detection).forEach(b::monitor);
      hostModels.values().forEach(b::host);
      vmModels.values().forEach(b::vm);
      failures.forEach(b::failure);
      runs.add(Validation.build(over == null ? root : over, b::build));
    }
    return new ScenarioFile(root.file(), name, description, runs, paper);
  }

  private static Optional<YamlConfigSection> pick(
      YamlConfigSection root, YamlConfigSection variant, String key) {
    if (variant != null && variant.has(key)) {
      return variant.subsection(key);
    }
    return root.subsection(key);
  }

  private static long seed(YamlConfigSection root) {
    Optional<String> text = root.optionalString("seed");
    if (text.isEmpty()) {
      return 1;
    }
    try {
      return Long.decode(text.get().strip());
    } catch (NumberFormatException e) {
      throw root.error(
          "seed", "expected a whole number, found '" + YamlDocument.shorten(text.get()) + "'");
    }
  }

  private static Instant start(YamlConfigSection root) {
    Optional<String> text = root.optionalString("start");
    if (text.isEmpty()) {
      return Scenario.DEFAULT_START;
    }
    try {
      return Instant.parse(text.get().strip());
    } catch (DateTimeParseException e) {
      throw root.error(
          "start",
          "expected an instant like 2026-01-15T09:00:00Z, found '"
              + YamlDocument.shorten(text.get())
              + "'");
    }
  }

  private static Optional<String> paper(YamlConfigSection root) {
    Optional<YamlConfigSection> s = root.subsection("paper");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    s.get().expectOnly("source");
    return Optional.of(s.get().string("source"));
  }

  private static Duration duration(YamlConfigSection root, List<Failure> failures) {
    Duration last =
        failures.stream().map(Failure::at).max(Duration::compareTo).orElse(Duration.ZERO);
    Duration d = root.duration("duration", last.plus(Duration.ofMinutes(30)));
    if (d.compareTo(last) <= 0) {
      throw root.error(
          "duration",
          "the run ends at "
              + Values.format(d)
              + ", before the last failure at "
              + Values.format(last));
    }
    return d;
  }

  /** The variants by name, in file order; one unnamed ({@code default}) if there are none. */
  private static Map<String, YamlConfigSection> variants(YamlConfigSection root) {
    Map<String, YamlConfigSection> result = new LinkedHashMap<>();
    for (YamlConfigSection v : root.subsections("variants")) {
      v.expectOnly(VARIANT_KEYS);
      String name = v.string("name");
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw v.error(
            "name", "a variant name uses letters, digits and ._- only, was '" + name + "'");
      }
      if (result.putIfAbsent(name, v) != null) {
        throw v.error("name", "duplicate variant name '" + name + "'");
      }
    }
    if (result.isEmpty()) {
      result.put("default", null);
    }
    return result;
  }

  // ---------------------------------------------------------------- failures

  private static List<Failure> failures(
      YamlConfigSection root,
      Topology topology,
      java.util.Set<String> variants,
      Optional<String> paper) {
    List<Failure> failures = new ArrayList<>();
    for (YamlConfigSection s : root.subsections("failures")) {
      failures.add(failure(s, topology, variants, paper));
    }
    return failures;
  }

  private static Failure failure(
      YamlConfigSection s,
      Topology topology,
      java.util.Set<String> variants,
      Optional<String> paper) {
    s.expectOnly(FAILURE_KEYS);
    Duration at = s.duration("at");
    if (at.isNegative()) {
      throw s.error("at", "must not be negative");
    }
    String kindText = s.string("kind");
    List<String> labels =
        java.util.Arrays.stream(FailureKind.values()).map(FailureKind::label).toList();
    FailureKind kind =
        FailureKind.ofLabel(kindText)
            .orElseThrow(
                () ->
                    s.error(
                        "kind",
                        "unknown failure kind '"
                            + kindText
                            + "'"
                            + Suggestions.hint(kindText, labels)
                            + "; kinds are "
                            + String.join(", ", labels)));
    SubjectId target = target(s, kind, topology);
    Failure f = Failure.of(at, kind, target);
    if (s.has("for")) {
      f = f.lasting(s.duration("for"));
    }
    Failure base = f;
    f = Validation.build(s, () -> base.withPeriod(s.duration("period", base.period())));
    Failure withPeriod = f;
    f =
        Validation.build(
            s, () -> withPeriod.withLatency(s.duration("latency", withPeriod.latency())));
    f = f.titled(s.optionalString("title").orElse(""));
    Optional<YamlConfigSection> expect = s.subsection("expect");
    if (expect.isPresent()) {
      for (String variant : expect.get().keys()) {
        if (!variants.contains(variant)) {
          throw expect
              .get()
              .error(
                  variant,
                  "unknown variant '"
                      + variant
                      + "'"
                      + Suggestions.hint(variant, variants)
                      + "; variants are "
                      + String.join(", ", variants));
        }
        Expectation e = SimModelReader.expectation(expect.get().section(variant), paper.orElse(""));
        f = f.expecting(variant, e);
      }
    }
    return f;
  }

  private static SubjectId target(YamlConfigSection s, FailureKind kind, Topology t) {
    if (!kind.needsTarget()) {
      if (s.has("target")) {
        throw s.error("target", kind.label() + " has no target");
      }
      return null;
    }
    String name = s.string("target");
    Optional<SubjectId.Kind> wanted = kind.targetKind();
    List<SubjectId> candidates = new ArrayList<>();
    if (wanted.isEmpty() || wanted.get() == SubjectId.Kind.HOST) {
      t.hosts().keySet().stream().filter(h -> h.name().equals(name)).forEach(candidates::add);
    }
    if (wanted.isEmpty() || wanted.get() == SubjectId.Kind.VM) {
      t.vms().keySet().stream().filter(v -> v.name().equals(name)).forEach(candidates::add);
    }
    if (wanted.isEmpty() || wanted.get() == SubjectId.Kind.SERVICE) {
      t.services().keySet().stream()
          .filter(x -> x.toString().equals(name))
          .forEach(candidates::add);
    }
    if (candidates.isEmpty()) {
      throw s.error("target", unknownTarget(name, wanted, t));
    }
    return candidates.get(0);
  }

  private static String unknownTarget(String name, Optional<SubjectId.Kind> kind, Topology t) {
    List<String> names = new ArrayList<>();
    String what;
    if (kind.isPresent() && kind.get() == SubjectId.Kind.HOST) {
      t.hosts().keySet().forEach(h -> names.add(h.name()));
      what = "host";
    } else if (kind.isPresent() && kind.get() == SubjectId.Kind.VM) {
      t.vms().keySet().forEach(v -> names.add(v.name()));
      what = "VM";
    } else if (kind.isPresent()) {
      t.services().keySet().forEach((ServiceId x) -> names.add(x.toString()));
      what = "service (VM/NAME)";
    } else {
      t.hosts().keySet().forEach(h -> names.add(h.name()));
      t.vms().keySet().forEach(v -> names.add(v.name()));
      t.services().keySet().forEach((ServiceId x) -> names.add(x.toString()));
      what = "host, VM or service";
    }
    String plural = what.startsWith("host,") ? "targets" : what.split(" ")[0] + "s";
    return "unknown "
        + what
        + " '"
        + name
        + "'"
        + Suggestions.hint(name, names)
        + (names.isEmpty()
            ? "; there are none"
            : "; " + plural + " are " + String.join(", ", names));
  }
}
