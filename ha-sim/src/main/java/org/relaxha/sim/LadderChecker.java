package org.relaxha.sim;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.relaxha.core.engine.Decision;
import org.relaxha.core.runtime.ControllerListener;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.RecoveryPolicy;
import org.relaxha.spi.policy.Rung;
import org.relaxha.spi.policy.VmLadder;

/**
 * Checks, from the engine's decisions, that a VM's escalation never skips a rung its ladder is
 * configured to try and never goes back down the ladder within an episode. A rung counts as tried
 * when the engine performs it, and as skipped only with a stated reason; a give-up is legitimate
 * when every configured rung was tried or skipped, or when the retry budget ran out or the VM could
 * not be proven off or located. Confined to the simulation's thread.
 */
final class LadderChecker implements ControllerListener {
  private final Topology topology;
  private final RecoveryPolicy policy;
  private final BiConsumer<Decision, String> breaks;
  private final Map<VmId, Episode> episodes = new HashMap<>();

  LadderChecker(Topology topology, RecoveryPolicy policy, BiConsumer<Decision, String> breaks) {
    this.topology = topology;
    this.policy = policy;
    this.breaks = breaks;
  }

  /** The rungs tried and skipped since the VM's ladder last reset. */
  private static final class Episode {
    final Set<Rung> tried = EnumSet.noneOf(Rung.class);
    final Set<Rung> skipped = EnumSet.noneOf(Rung.class);
    Optional<Rung> highest = Optional.empty();
  }

  @Override
  public void onDecision(Decision d) {
    if (d.subject().isEmpty() || !(d.subject().get() instanceof VmId vm)) {
      return;
    }
    Episode e = episodes.computeIfAbsent(vm, v -> new Episode());
    String action = d.action();
    switch (action) {
      case "reboot" -> ordered(d, e, Rung.REBOOT);
      case "restart" -> ordered(d, e, Rung.RESTART);
      case "reinstall" -> ordered(d, e, Rung.REINSTALL);
      case "stop", "start" -> e.tried.add(Rung.RESTART);
      case "await fence" -> e.skipped.add(Rung.REBOOT);
      case "stable", "reset" -> episodes.remove(vm);
      case "recovered" -> {
        if (d.reason().startsWith("came back after RelaxHA gave up")) {
          episodes.remove(vm);
        }
      }
      case "give up" -> gaveUp(d, vm, e);
      default -> {
        if (action.startsWith("skip ")) {
          e.skipped.add(Rung.valueOf(action.substring(5)));
        }
      }
    }
  }

  private void ordered(Decision d, Episode e, Rung rung) {
    if (e.highest.isPresent() && rung.compareTo(e.highest.get()) < 0) {
      breaks.accept(d, "went back down the ladder from " + e.highest.get() + " to " + rung);
    }
    e.tried.add(rung);
    if (e.highest.isEmpty() || rung.compareTo(e.highest.get()) > 0) {
      e.highest = Optional.of(rung);
    }
  }

  private void gaveUp(Decision d, VmId vm, Episode e) {
    String why = d.reason();
    if (why.startsWith("engine invariant")) {
      breaks.accept(d, why);
    } else if (!(why.contains("retry budget exhausted")
        || why.contains("cannot prove it off")
        || why.contains("location is unknown"))) {
      VmLadder ladder = policy.vmLadder(topology.vms().get(vm), d.at());
      for (Rung rung : ladder.rungs()) {
        if (!e.tried.contains(rung) && !e.skipped.contains(rung)) {
          breaks.accept(d, "gave up without trying or skipping " + rung + ": " + why);
        }
      }
    }
    e.highest = Optional.empty();
  }
}
