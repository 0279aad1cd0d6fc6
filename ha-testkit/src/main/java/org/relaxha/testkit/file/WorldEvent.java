package org.relaxha.testkit.file;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * One line of a {@link FileBackedWorld}'s {@code events.log}: a change to the world, numbered in
 * the order it happened across every process that used the world. Replaying the log from the start
 * rebuilds the world's state exactly ({@link FileBackedWorld#replay()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence the position in the log, from 1, without gaps
 * @param at when it was written, on the writing world's clock
 * @param type what happened
 * @param host the host it happened on
 * @param vm the VM, for VM events
 * @param state the power state defined, for {@link Type#DEFINE} only
 * @param pid the process that wrote it
 * @param detail who did it and why, e.g. {@code startVm by libvirt-fake}
 */
public record WorldEvent(
    long sequence,
    Instant at,
    Type type,
    HostId host,
    Optional<VmId> vm,
    Optional<PowerState> state,
    long pid,
    String detail) {

  /** What a world event did. */
  public enum Type {
    /** A host was added, powered on and reachable. */
    ADD_HOST,
    /** A VM was defined on a host in a given state (test set-up). */
    DEFINE,
    /** A VM was started on a host (by startVm or powerCycleVm). */
    START,
    /** A VM was powered off on a host. */
    STOP,
    /** A running VM was rebooted; its state does not change. */
    REBOOT,
    /** A VM crashed. */
    CRASH_VM,
    /** A host lost power without being fenced (a crash): its VMs are off. */
    POWER_OFF,
    /** A fencer powered a host off: its VMs are off. */
    FENCE,
    /** A host was powered on; its VMs stay off. */
    POWER_ON,
    /** A host was cut off the network; its VMs keep running. */
    ISOLATE,
    /** A host was reconnected. */
    RECONNECT
  }

  /** Validates every field. */
  public WorldEvent {
    Require.atLeast(sequence, 1, "event.sequence");
    Require.nonNull(at, "event.at");
    Require.nonNull(type, "event.type");
    Require.nonNull(host, "event.host");
    Require.nonNull(vm, "event.vm");
    Require.nonNull(state, "event.state");
    Require.nonNull(detail, "event.detail");
  }

  /** The line written to {@code events.log}, without its newline. */
  String toLine() {
    return String.join(
        "\t",
        Long.toString(sequence),
        at.toString(),
        type.name(),
        host.name(),
        vm.map(VmId::name).orElse("-"),
        state.map(PowerState::name).orElse("-"),
        Long.toString(pid),
        detail.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
  }

  /** Parses a line of {@code events.log}. */
  static WorldEvent parse(String line) {
    String[] f = line.split("\t", 8);
    if (f.length != 8) {
      throw new IllegalArgumentException("not an event line: " + line);
    }
    return new WorldEvent(
        Long.parseLong(f[0]),
        Instant.parse(f[1]),
        Type.valueOf(f[2]),
        HostId.of(f[3]),
        f[4].equals("-") ? Optional.empty() : Optional.of(VmId.of(f[4])),
        f[5].equals("-") ? Optional.empty() : Optional.of(PowerState.valueOf(f[5])),
        Long.parseLong(f[6]),
        f[7]);
  }

  @Override
  public String toString() {
    return "#"
        + sequence
        + " "
        + type
        + " "
        + host
        + vm.map(v -> " " + v).orElse("")
        + state.map(s -> " " + s).orElse("")
        + " (pid "
        + pid
        + ", "
        + detail
        + ")";
  }
}
