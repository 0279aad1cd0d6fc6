package org.relaxha.examples.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaxha.core.detect.CheckClass;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.detect.PhiAccrual;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.RetryBudget;
import org.relaxha.spi.policy.Rung;
import org.relaxha.spi.policy.SafetyValve;
import org.relaxha.spi.policy.ServiceLadder;
import org.relaxha.spi.policy.VmLadder;

/**
 * Reads {@code detection} and {@code policy}. Every key is optional: what is absent keeps the
 * default of the record it belongs to ({@link DetectionPolicy#ofDefaults()}, {@link
 * VmLadder#ofDefaults()}, ...); an entry of {@code vmByCriticality} overrides only the keys it
 * names, on top of {@code policy.vm}.
 *
 * <p>Stateless and thread-safe; the sections it reads are not.
 */
final class PolicyReader {
  static final String[] POLICY_KEYS = {"vm", "vmByCriticality", "service", "host"};
  static final String[] LADDER_KEYS = {
    "rungs",
    "rebootTimeout",
    "restartTimeout",
    "reinstallTimeout",
    "stabilityWindow",
    "budget",
    "rebootUnreachableGuests"
  };
  static final String[] BUDGET_KEYS = {"maxRestarts", "maxRelocations", "window"};
  static final String[] SERVICE_KEYS = {"maxRestarts", "restartTimeout", "escalateToVm"};
  static final String[] HOST_KEYS = {
    "fenceAttempts",
    "fenceRetryDelay",
    "bootsPerHost",
    "parallelStarts",
    "placementRetry",
    "safetyValve",
    "fenceDelay",
    "bootSlot"
  };
  static final String[] VALVE_KEYS = {"maxShareDown", "minHostsDown", "window"};
  static final String[] CHECK_KEYS = {"interval", "missThreshold", "phiAccrual"};
  static final String[] PHI_KEYS = {
    "window",
    "suspectPhi",
    "downPhi",
    "minStdFraction",
    "minLosses",
    "maxLosses",
    "falseDownsPerDay"
  };

  private PolicyReader() {}

  /** The detection policy from the optional {@code detection} section. */
  static DetectionPolicy detection(Optional<YamlConfigSection> section) {
    DetectionPolicy defaults = DetectionPolicy.ofDefaults();
    DetectionPolicy.Builder builder = DetectionPolicy.builder();
    if (section.isPresent()) {
      byCriticality(section.get())
          .forEach(
              (criticality, s) -> {
                s.expectOnly(CHECK_KEYS);
                CheckClass base = defaults.classOf(criticality);
                Duration interval = s.duration("interval", base.interval());
                int misses = s.integer("missThreshold", base.missThreshold());
                Validation.build(s, () -> builder.check(criticality, interval, misses));
                phiAccrual(s).ifPresent(phi -> builder.phiAccrual(criticality, phi));
              });
    }
    return builder.build();
  }

  /**
   * The optional {@code phiAccrual} key of a detection class: {@code true} for the defaults of
   * {@link PhiAccrual#ofDefaults()}, {@code false} for none, or a mapping that overrides some of
   * them.
   */
  private static Optional<PhiAccrual> phiAccrual(YamlConfigSection s) {
    if (!s.has("phiAccrual")) {
      return Optional.empty();
    }
    PhiAccrual base = PhiAccrual.ofDefaults();
    if (!s.isMapping("phiAccrual")) {
      return s.bool("phiAccrual", false) ? Optional.of(base) : Optional.empty();
    }
    YamlConfigSection p = s.section("phiAccrual");
    p.expectOnly(PHI_KEYS);
    int window = p.integer("window", base.window());
    double suspect = p.number("suspectPhi", base.suspectPhi());
    double down = p.number("downPhi", base.downPhi());
    double minStd = p.number("minStdFraction", base.minStdFraction());
    int minLosses = p.integer("minLosses", base.minLosses());
    int maxLosses = p.integer("maxLosses", Math.max(minLosses, base.maxLosses()));
    double budget = p.number("falseDownsPerDay", base.falseDownsPerDay());
    return Optional.of(
        Validation.build(
            p, () -> new PhiAccrual(window, suspect, down, minStd, minLosses, maxLosses, budget)));
  }

  /** The recovery policy from the optional {@code policy} section. */
  static StandardRecoveryPolicy recovery(Optional<YamlConfigSection> section) {
    StandardRecoveryPolicy.Builder builder = StandardRecoveryPolicy.builder();
    if (section.isEmpty()) {
      return builder.build();
    }
    YamlConfigSection policy = section.get();
    policy.expectOnly(POLICY_KEYS);
    VmLadder base =
        policy
            .subsection("vm")
            .map(s -> ladder(s, VmLadder.ofDefaults()))
            .orElse(VmLadder.ofDefaults());
    builder.vmLadder(base);
    policy
        .subsection("vmByCriticality")
        .ifPresent(
            overrides ->
                byCriticality(overrides).forEach((c, s) -> builder.vmLadder(c, ladder(s, base))));
    policy.subsection("service").map(PolicyReader::serviceLadder).ifPresent(builder::serviceLadder);
    policy.subsection("host").map(PolicyReader::hostRecovery).ifPresent(builder::hostRecovery);
    return builder.build();
  }

  /** A VM ladder: every key absent from {@code s} keeps its value in {@code base}. */
  static VmLadder ladder(YamlConfigSection s, VmLadder base) {
    s.expectOnly(LADDER_KEYS);
    List<Rung> rungs = s.has("rungs") ? rungs(s) : base.rungs();
    Duration reboot = s.duration("rebootTimeout", base.rebootTimeout());
    Duration restart = s.duration("restartTimeout", base.restartTimeout());
    Duration reinstall = s.duration("reinstallTimeout", base.reinstallTimeout());
    Duration stability = s.duration("stabilityWindow", base.stabilityWindow());
    RetryBudget budget =
        s.subsection("budget").map(b -> budget(b, base.budget())).orElse(base.budget());
    return Validation.build(
        s,
        () ->
            new VmLadder(
                rungs,
                reboot,
                restart,
                reinstall,
                stability,
                budget,
                s.bool("rebootUnreachableGuests", base.rebootUnreachableGuests())));
  }

  private static List<Rung> rungs(YamlConfigSection s) {
    List<Rung> rungs = new ArrayList<>();
    List<String> names = YamlConfigSection.names(Rung.class);
    for (String name : s.strings("rungs")) {
      rungs.add(
          YamlConfigSection.constant(Rung.class, name)
              .orElseThrow(
                  () ->
                      s.error(
                          "rungs",
                          "unknown rung '"
                              + name
                              + "'"
                              + Suggestions.hint(name, names)
                              + "; rungs are "
                              + String.join(", ", names))));
    }
    return rungs;
  }

  private static RetryBudget budget(YamlConfigSection s, RetryBudget base) {
    s.expectOnly(BUDGET_KEYS);
    int restarts = s.integer("maxRestarts", base.maxRestarts());
    int relocations = s.integer("maxRelocations", base.maxRelocations());
    Duration window = s.duration("window", base.window());
    return Validation.build(s, () -> new RetryBudget(restarts, relocations, window));
  }

  private static ServiceLadder serviceLadder(YamlConfigSection s) {
    s.expectOnly(SERVICE_KEYS);
    ServiceLadder base = ServiceLadder.ofDefaults();
    int restarts = s.integer("maxRestarts", base.maxRestarts());
    Duration timeout = s.duration("restartTimeout", base.restartTimeout());
    boolean escalate = s.bool("escalateToVm", base.escalateToVm());
    return Validation.build(s, () -> new ServiceLadder(restarts, timeout, escalate));
  }

  private static HostRecovery hostRecovery(YamlConfigSection s) {
    s.expectOnly(HOST_KEYS);
    HostRecovery base = HostRecovery.ofDefaults();
    int attempts = s.integer("fenceAttempts", base.fenceAttempts());
    Duration retryDelay = s.duration("fenceRetryDelay", base.fenceRetryDelay());
    int perHost = s.integer("bootsPerHost", base.bootsPerHost());
    int parallel = s.integer("parallelStarts", base.parallelStarts());
    Duration placementRetry = s.duration("placementRetry", base.placementRetry());
    SafetyValve valve = s.subsection("safetyValve").map(PolicyReader::valve).orElse(base.valve());
    Duration fenceDelay = s.duration("fenceDelay", base.fenceDelay());
    HostRecovery.BootSlot slot = bootSlot(s, base.bootSlot());
    return Validation.build(
        s,
        () ->
            new HostRecovery(
                attempts, retryDelay, perHost, parallel, placementRetry, valve, fenceDelay, slot));
  }

  /** {@code until-up} or {@code until-started} (also with underscores, any case). */
  private static HostRecovery.BootSlot bootSlot(YamlConfigSection s, HostRecovery.BootSlot base) {
    Optional<String> text = s.optionalString("bootSlot");
    if (text.isEmpty()) {
      return base;
    }
    List<String> names = List.of("until-up", "until-started");
    return YamlConfigSection.constant(HostRecovery.BootSlot.class, text.get().replace('-', '_'))
        .orElseThrow(
            () ->
                s.error(
                    "bootSlot",
                    "expected until-up or until-started, found '"
                        + text.get()
                        + "'"
                        + Suggestions.hint(text.get(), names)));
  }

  private static SafetyValve valve(YamlConfigSection s) {
    s.expectOnly(VALVE_KEYS);
    SafetyValve base = SafetyValve.ofDefaults();
    double share = s.number("maxShareDown", base.maxShareDown());
    int min = s.integer("minHostsDown", base.minHostsDown());
    Duration window = s.duration("window", base.window());
    return Validation.build(s, () -> new SafetyValve(share, min, window));
  }

  /**
   * The entries of a mapping keyed by criticality ({@code high}, {@code medium}, {@code low}, in
   * any case), each a mapping.
   */
  private static Map<Criticality, YamlConfigSection> byCriticality(YamlConfigSection s) {
    Map<Criticality, YamlConfigSection> sections = new EnumMap<>(Criticality.class);
    List<String> names = YamlConfigSection.names(Criticality.class);
    for (String key : s.keys()) {
      Criticality criticality =
          YamlConfigSection.constant(Criticality.class, key)
              .orElseThrow(() -> s.unknownKey(key, names));
      if (sections.containsKey(criticality)) {
        throw s.error(key, "criticality '" + key + "' appears twice (names ignore case)");
      }
      sections.put(criticality, s.section(key));
    }
    return sections;
  }
}
