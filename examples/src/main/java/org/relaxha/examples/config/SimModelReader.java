package org.relaxha.examples.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.runtime.Timeouts;
import org.relaxha.sim.ControllerModel;
import org.relaxha.sim.Distribution;
import org.relaxha.sim.Expectation;
import org.relaxha.sim.FencingModel;
import org.relaxha.sim.GuestModel;
import org.relaxha.sim.HostModel;
import org.relaxha.sim.HypervisorModel;
import org.relaxha.sim.MonitorSpec;
import org.relaxha.sim.VmModel;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * Reads the simulator's own sections of a scenario file: durations drawn from distributions, the
 * monitors, the hypervisor, fencing and guest access, the controller's timeouts, what hosts and VMs
 * add to the site format, and what papers report. Every error names the line and the field.
 *
 * <p>Stateless and thread-safe; the sections it reads are not.
 */
final class SimModelReader {
  static final String[] CONTROLLER_KEYS = {
    "callTimeout", "fenceTimeout", "retries", "backoff", "inventoryInterval"
  };
  static final String[] NAGIOS_KEYS = {
    "type",
    "name",
    "interval",
    "retryInterval",
    "maxCheckAttempts",
    "latency",
    "covers",
    "checkParents"
  };
  static final String[] GANGLIA_KEYS = {
    "type", "name", "heartbeat", "deadAfter", "poll", "latency", "covers"
  };
  static final String[] EVENTS_KEYS = {"type", "name", "latency"};
  static final String[] HYPERVISOR_KEYS = {
    "callLatency", "unreachableLatency", "startBlocksUntilBooted"
  };
  static final String[] FENCING_KEYS = {"type", "latency", "failureRate"};
  static final String[] GUEST_KEYS = {"ssh", "serviceRestart"};
  static final String[] DISTRIBUTION_KEYS = {"min", "max", "mean", "sd"};
  static final String[] EXPECT_KEYS = {"low", "high", "value", "tolerance", "text"};
  static final List<String> HOST_EXTRA = List.of("bootContention");
  static final List<String> VM_EXTRA = List.of("boot", "reboot", "reinstall", "load");
  private static final List<String> MONITOR_TYPES = List.of("nagios", "ganglia", "events");

  private SimModelReader() {}

  // ---------------------------------------------------------------- distributions

  /**
   * A duration drawn from a distribution: {@code 30s}, {@code {min, max}} or {@code {mean, sd}}.
   */
  static Distribution distribution(YamlConfigSection s, String key, Distribution defaultValue) {
    if (!s.has(key)) {
      return defaultValue;
    }
    if (!s.isMapping(key)) {
      return Distribution.fixed(nonNegative(s, key, s.duration(key)));
    }
    YamlConfigSection d = s.section(key);
    d.expectOnly(DISTRIBUTION_KEYS);
    if (d.has("mean")) {
      if (d.has("max")) {
        throw d.error("max", "a normal distribution takes mean, sd and an optional min");
      }
      Duration mean = d.duration("mean");
      Duration sd = d.duration("sd", Duration.ZERO);
      Duration floor = d.duration("min", Duration.ZERO);
      return Validation.build(d, () -> new Distribution.Normal(mean, sd, floor));
    }
    if (d.has("sd")) {
      throw d.error("sd", "a normal distribution needs its mean");
    }
    Duration min = d.duration("min");
    Duration max = d.duration("max");
    return Validation.build(d, () -> new Distribution.Uniform(min, max));
  }

  private static Duration nonNegative(YamlConfigSection s, String key, Duration d) {
    if (d.isNegative()) {
      throw s.error(key, "must not be negative");
    }
    return d;
  }

  // ---------------------------------------------------------------- controller, hypervisor...

  static ControllerModel controller(Optional<YamlConfigSection> section) {
    ControllerModel base = ControllerModel.ofDefaults();
    if (section.isEmpty()) {
      return base;
    }
    YamlConfigSection s = section.get();
    s.expectOnly(CONTROLLER_KEYS);
    Timeouts t = base.timeouts();
    Duration call = s.duration("callTimeout", t.call());
    Duration fence = s.duration("fenceTimeout", t.fence());
    int retries = s.integer("retries", t.retries());
    Duration backoff = s.duration("backoff", t.backoff());
    Duration inventory = s.duration("inventoryInterval", base.inventoryInterval());
    return Validation.build(
        s, () -> new ControllerModel(new Timeouts(call, fence, retries, backoff), inventory));
  }

  static HypervisorModel hypervisor(Optional<YamlConfigSection> section) {
    HypervisorModel base = HypervisorModel.ofDefaults();
    if (section.isEmpty()) {
      return base;
    }
    YamlConfigSection s = section.get();
    s.expectOnly(HYPERVISOR_KEYS);
    Distribution latency = distribution(s, "callLatency", base.callLatency());
    Duration unreachable = s.duration("unreachableLatency", base.unreachableLatency());
    boolean blocks = s.bool("startBlocksUntilBooted", base.startBlocksUntilBooted());
    return Validation.build(s, () -> new HypervisorModel(latency, unreachable, blocks));
  }

  static FencingModel fencing(Optional<YamlConfigSection> section) {
    FencingModel base = FencingModel.ofDefaults();
    if (section.isEmpty()) {
      return base;
    }
    YamlConfigSection s = section.get();
    s.expectOnly(FENCING_KEYS);
    String type = s.optionalString("type").orElse("ipmi");
    if (!type.equals("ipmi") && !type.equals("none")) {
      throw s.error(
          "type",
          "expected ipmi or none, found '"
              + type
              + "'"
              + Suggestions.hint(type, List.of("ipmi", "none")));
    }
    Distribution latency = distribution(s, "latency", base.latency());
    double rate = s.number("failureRate", base.failureRate());
    return Validation.build(s, () -> new FencingModel(type.equals("ipmi"), latency, rate));
  }

  static GuestModel guests(Optional<YamlConfigSection> section) {
    GuestModel base = GuestModel.ofDefaults();
    if (section.isEmpty()) {
      return base;
    }
    YamlConfigSection s = section.get();
    s.expectOnly(GUEST_KEYS);
    boolean ssh = s.bool("ssh", base.ssh());
    Distribution restart = distribution(s, "serviceRestart", base.serviceRestart());
    return Validation.build(s, () -> new GuestModel(ssh, restart));
  }

  // ---------------------------------------------------------------- monitors

  /** The monitors; without a {@code monitors} key, a Nagios poller at the detection intervals. */
  static List<MonitorSpec> monitors(YamlConfigSection root, DetectionPolicy detection) {
    if (!root.has("monitors")) {
      return List.of(nagios(null, detection));
    }
    List<YamlConfigSection> list = root.subsections("monitors");
    if (list.isEmpty()) {
      throw root.error("monitors", "at least one monitor is required");
    }
    return list.stream().map(s -> monitor(s, detection)).toList();
  }

  private static MonitorSpec monitor(YamlConfigSection s, DetectionPolicy detection) {
    String type = s.string("type");
    return switch (type) {
      case "nagios" -> nagios(s, detection);
      case "ganglia" -> ganglia(s);
      case "events" -> events(s);
      default ->
          throw s.error(
              "type",
              "unknown monitor type '"
                  + type
                  + "'"
                  + Suggestions.hint(type, MONITOR_TYPES)
                  + "; types are "
                  + String.join(", ", MONITOR_TYPES));
    };
  }

  private static MonitorSpec nagios(YamlConfigSection s, DetectionPolicy detection) {
    Map<Criticality, Duration> every = new EnumMap<>(Criticality.class);
    for (Criticality c : Criticality.values()) {
      every.put(c, detection.classOf(c).interval());
    }
    if (s == null) {
      return new MonitorSpec.Nagios(
          "nagios",
          every,
          every,
          3,
          Distribution.fixed(Duration.ofMillis(500)),
          EnumSet.allOf(SubjectId.Kind.class));
    }
    s.expectOnly(NAGIOS_KEYS);
    String name = s.optionalString("name").orElse("nagios");
    Map<Criticality, Duration> interval = byCriticality(s, "interval", every);
    Map<Criticality, Duration> retry = byCriticality(s, "retryInterval", interval);
    int attempts = s.integer("maxCheckAttempts", 3);
    Distribution latency = distribution(s, "latency", Distribution.fixed(Duration.ofMillis(500)));
    Set<SubjectId.Kind> covers = covers(s, EnumSet.allOf(SubjectId.Kind.class));
    boolean parents = s.bool("checkParents", true);
    return Validation.build(
        s, () -> new MonitorSpec.Nagios(name, interval, retry, attempts, latency, covers, parents));
  }

  private static MonitorSpec ganglia(YamlConfigSection s) {
    s.expectOnly(GANGLIA_KEYS);
    MonitorSpec.Ganglia base = MonitorSpec.Ganglia.ofDefaults();
    String name = s.optionalString("name").orElse(base.name());
    Duration heartbeat = s.duration("heartbeat", base.heartbeat());
    Duration deadAfter = s.duration("deadAfter", base.deadAfter());
    Duration poll = s.duration("poll", base.poll());
    Distribution latency = distribution(s, "latency", base.latency());
    Set<SubjectId.Kind> covers = covers(s, base.covers());
    if (covers.contains(SubjectId.Kind.SERVICE)) {
      throw s.error("covers", "ganglia sees hosts and vms only");
    }
    return Validation.build(
        s, () -> new MonitorSpec.Ganglia(name, heartbeat, deadAfter, poll, latency, covers));
  }

  private static MonitorSpec events(YamlConfigSection s) {
    s.expectOnly(EVENTS_KEYS);
    MonitorSpec.Events base = MonitorSpec.Events.ofDefaults();
    String name = s.optionalString("name").orElse(base.name());
    Distribution latency = distribution(s, "latency", base.latency());
    return Validation.build(s, () -> new MonitorSpec.Events(name, latency));
  }

  /** A duration for every criticality: one duration for all, or {@code {high, medium, low}}. */
  private static Map<Criticality, Duration> byCriticality(
      YamlConfigSection s, String key, Map<Criticality, Duration> defaults) {
    Map<Criticality, Duration> result = new EnumMap<>(defaults);
    if (!s.has(key)) {
      return result;
    }
    if (!s.isMapping(key)) {
      Duration all = s.duration(key);
      for (Criticality c : Criticality.values()) {
        result.put(c, all);
      }
      return result;
    }
    YamlConfigSection m = s.section(key);
    m.expectOnly("high", "medium", "low");
    for (Criticality c : Criticality.values()) {
      result.put(c, m.duration(c.name().toLowerCase(Locale.ROOT), defaults.get(c)));
    }
    return result;
  }

  private static Set<SubjectId.Kind> covers(YamlConfigSection s, Set<SubjectId.Kind> defaults) {
    if (!s.has("covers")) {
      return defaults;
    }
    Set<SubjectId.Kind> kinds = EnumSet.noneOf(SubjectId.Kind.class);
    List<String> names = List.of("hosts", "vms", "services");
    for (String text : s.strings("covers")) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "hosts" -> kinds.add(SubjectId.Kind.HOST);
        case "vms" -> kinds.add(SubjectId.Kind.VM);
        case "services" -> kinds.add(SubjectId.Kind.SERVICE);
        default ->
            throw s.error(
                "covers",
                "expected hosts, vms or services, found '"
                    + text
                    + "'"
                    + Suggestions.hint(text, names));
      }
    }
    return kinds;
  }

  // ---------------------------------------------------------------- hosts and VMs

  static HostModel host(String name, YamlConfigSection s) {
    HostModel base = HostModel.ofDefaults(HostId.of(name));
    double contention = s.number("bootContention", base.bootContention());
    return Validation.build(s, () -> new HostModel(base.host(), contention));
  }

  static VmModel vm(String name, YamlConfigSection s) {
    VmModel base = VmModel.ofDefaults(VmId.of(name));
    Distribution boot = distribution(s, "boot", base.boot());
    Distribution reboot = distribution(s, "reboot", boot);
    Distribution reinstall = distribution(s, "reinstall", base.reinstall());
    double load = s.number("load", s.number("cpus", base.load()));
    return Validation.build(s, () -> new VmModel(base.vm(), boot, reboot, reinstall, load));
  }

  // ---------------------------------------------------------------- what papers report

  /** {@code {low, high, text}} or {@code {value, tolerance, text}} ({@code 10%} or {@code 5s}). */
  static Expectation expectation(YamlConfigSection s, String source) {
    s.expectOnly(EXPECT_KEYS);
    Duration low;
    Duration high;
    String text;
    if (s.has("value")) {
      Duration value = s.duration("value");
      Duration tolerance = tolerance(s, value);
      low = value.minus(tolerance).isNegative() ? Duration.ZERO : value.minus(tolerance);
      high = value.plus(tolerance);
      text = s.optionalString("text").orElse(Values.format(value));
    } else {
      low = s.duration("low", Duration.ZERO);
      high = s.duration("high");
      text = s.optionalString("text").orElse(Values.format(low) + " to " + Values.format(high));
    }
    return Validation.build(s, () -> new Expectation(low, high, text, source));
  }

  private static Duration tolerance(YamlConfigSection s, Duration value) {
    String t = s.optionalString("tolerance").orElse("10%").strip();
    if (t.endsWith("%")) {
      Optional<Double> percent = Values.number(t.substring(0, t.length() - 1));
      if (percent.isEmpty() || percent.get() < 0) {
        throw s.error(
            "tolerance", "expected a percentage like 10% or a duration, found '" + t + "'");
      }
      return Duration.ofMillis(Math.round(value.toMillis() * percent.get() / 100));
    }
    return Values.duration(t)
        .orElseThrow(
            () ->
                s.error(
                    "tolerance",
                    "expected a percentage like 10% or a duration, found '" + t + "'"));
  }
}
