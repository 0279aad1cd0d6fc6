package org.relaxha.sim;

import java.util.Locale;
import java.util.Optional;
import org.relaxha.spi.model.SubjectId;

/**
 * What can go wrong in the simulated data center. Most kinds start an incident whose recovery the
 * lab times; the fencing kinds and the controller restart are conditions that make recoveries
 * harder.
 */
public enum FailureKind {
  /** A service dies inside a healthy VM; it stays down until restarted. */
  SERVICE_CRASH(SubjectId.Kind.SERVICE, true),
  /** The VM crashes: the hypervisor reports it crashed (an event feed sees it at once). */
  VM_CRASH(SubjectId.Kind.VM, true),
  /** The guest hangs: the hypervisor still says running, nothing answers; ACPI reboot fails. */
  VM_HANG(SubjectId.Kind.VM, true),
  /** The VM crashes and its disk image is damaged: nothing but a reinstall brings it back. */
  DESTRUCTIVE_CRASH(SubjectId.Kind.VM, true),
  /** The host loses power, and every VM on it; with {@code for}, power comes back after. */
  HOST_POWER_LOSS(SubjectId.Kind.HOST, true),
  /**
   * The host loses its network: it and its VMs keep running but nothing reaches them (the
   * split-brain case); IPMI still works. With {@code for}, the network comes back after.
   */
  HOST_ISOLATION(SubjectId.Kind.HOST, true),
  /**
   * The subject goes down and up by itself every {@code period} for {@code for}: a host's network,
   * a VM's guest, a service.
   */
  FLAPPING(null, true),
  /** Fencing the host fails for {@code for} (or for the rest of the run). */
  FENCE_FAILS(SubjectId.Kind.HOST, false),
  /** Fencing the host takes {@code latency} for {@code for} (or for the rest of the run). */
  FENCE_SLOW(SubjectId.Kind.HOST, false),
  /**
   * The controller process dies; a new one starts on the same durable state after {@code for}
   * (default at once).
   */
  CONTROLLER_RESTART(null, false);

  private final SubjectId.Kind target;
  private final boolean incident;

  FailureKind(SubjectId.Kind target, boolean incident) {
    this.target = target;
    this.incident = incident;
  }

  /** The kind of subject it targets; empty for flapping (any) and the controller restart (none). */
  public Optional<SubjectId.Kind> targetKind() {
    return Optional.ofNullable(target);
  }

  /** Whether it needs a target. */
  public boolean needsTarget() {
    return this != CONTROLLER_RESTART;
  }

  /** Whether it starts an incident whose recovery is timed. */
  public boolean isIncident() {
    return incident;
  }

  /** The name used in scenario files: {@code host-power-loss}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind named {@code label} ({@code vm-crash}, also {@code VM_CRASH}). */
  public static Optional<FailureKind> ofLabel(String label) {
    String wanted = label.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (FailureKind k : values()) {
      if (k.name().equals(wanted)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** A one-line description of this failure of {@code target}. */
  public String describe(Optional<SubjectId> target) {
    String what = target.map(FailureKind::name).orElse("");
    return switch (this) {
      case SERVICE_CRASH -> what + " crashes";
      case VM_CRASH -> what + " crashes";
      case VM_HANG -> what + " hangs (running but unresponsive)";
      case DESTRUCTIVE_CRASH -> what + " crashes destructively (only a reinstall fixes it)";
      case HOST_POWER_LOSS -> what + " loses power";
      case HOST_ISOLATION -> what + " loses its network";
      case FLAPPING -> what + " flaps";
      case FENCE_FAILS -> "fencing of " + what + " fails";
      case FENCE_SLOW -> "fencing of " + what + " is slow";
      case CONTROLLER_RESTART -> "the controller restarts";
    };
  }

  private static String name(SubjectId s) {
    return switch (s.kind()) {
      case HOST -> "host " + s;
      case VM -> "VM " + s;
      case SERVICE -> "service " + s;
    };
  }
}
