package org.relaxha.core.placement;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * What the placements of this package share so their plans are equal to the character: the order of
 * requests and the text of an assignment's reason. Cheap on purpose (no {@code String.format}): a
 * plan for a failed rack builds thousands of them.
 */
final class Reasons {
  private Reasons() {}

  /**
   * Restart priority (highest first), then CPU demand, then memory demand (largest first), then
   * name: the same order as comparing {@code -priority}, {@code -cpus}, {@code -memory} and the VM
   * id, without boxing.
   */
  static final Comparator<PlacementRequest> ORDER = Reasons::compare;

  private static int compare(PlacementRequest a, PlacementRequest b) {
    Vm x = a.vm();
    Vm y = b.vm();
    return compare(
        x.restartPriority(),
        x.demand().cpus(),
        x.demand().memoryMib(),
        x.id().name(),
        y.restartPriority(),
        y.demand().cpus(),
        y.demand().memoryMib(),
        y.id().name());
  }

  /** {@link #ORDER} on the sort fields of two requests. */
  private static int compare(
      int priorityA,
      double cpusA,
      long memoryA,
      String nameA,
      int priorityB,
      double cpusB,
      long memoryB,
      String nameB) {
    int c = compareFields(priorityA, cpusA, memoryA, priorityB, cpusB, memoryB);
    // VmId order is by "vm:" + name, that is by name.
    return c != 0 ? c : nameA.compareTo(nameB);
  }

  /** {@link #ORDER} before the name: priority, then CPU, then memory, each highest first. */
  private static int compareFields(
      int priorityA, double cpusA, long memoryA, int priorityB, double cpusB, long memoryB) {
    int c = Integer.compare(-priorityA, -priorityB);
    if (c != 0) {
      return c;
    }
    c = Double.compare(-cpusA, -cpusB);
    return c != 0 ? c : Long.compare(-memoryA, -memoryB);
  }

  /**
   * {@code requests} in {@link #ORDER}. Each request's sort fields are read once into a key, so the
   * sort of a mass failure's thousands of requests compares flat fields instead of following four
   * references per comparison. Requests usually come in name order (a controller lists a failed
   * host's VMs by id): then a stable sort on priority and demand alone gives the same order, and
   * most comparisons of a mass failure, which are ties on those fields, compare no names.
   */
  static PlacementRequest[] sorted(List<PlacementRequest> requests) {
    Key[] keys = new Key[requests.size()];
    boolean byName = true;
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new Key(requests.get(i));
      byName = byName && (i == 0 || keys[i - 1].name.compareTo(keys[i].name) <= 0);
    }
    // Arrays.sort of objects is stable: ties keep the input's name order.
    Arrays.sort(keys, byName ? Key::compareFields : Key::compareTo);
    PlacementRequest[] out = new PlacementRequest[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = keys[i].request;
    }
    return out;
  }

  /** A request with its sort fields, ordered as {@link #ORDER}. */
  private static final class Key implements Comparable<Key> {
    final PlacementRequest request;
    final int priority;
    final double cpus;
    final long memory;
    final String name;

    Key(PlacementRequest request) {
      Vm vm = request.vm();
      this.request = request;
      this.priority = vm.restartPriority();
      this.cpus = vm.demand().cpus();
      this.memory = vm.demand().memoryMib();
      this.name = vm.id().name();
    }

    @Override
    public int compareTo(Key o) {
      return compare(priority, cpus, memory, name, o.priority, o.cpus, o.memory, o.name);
    }

    /** {@link #ORDER} without the name: priority, then CPU, then memory. */
    int compareFields(Key o) {
      return Reasons.compareFields(priority, cpus, memory, o.priority, o.cpus, o.memory);
    }
  }

  /** The reason of an assignment, from the host's state before the VM is added. */
  static String assigned(
      double load, double threshold, int vmCount, long freeMemory, int placed, int bootLimit) {
    StringBuilder b = new StringBuilder(96).append("least loaded eligible host: load ");
    fixed2(b, load).append('/');
    fixed2(b, threshold).append(", ").append(vmCount).append(" VM(s), ");
    b.append(freeMemory).append(" MiB free");
    if (placed >= bootLimit) {
      b.append("; over the boot limit of ")
          .append(bootLimit)
          .append(" (every eligible host has reached it; this one already takes ")
          .append(placed)
          .append(')');
    }
    return b.toString();
  }

  /** {@code x} with two decimals, rounded half up; exotic magnitudes fall back to toString. */
  static StringBuilder fixed2(StringBuilder b, double x) {
    if (!(Math.abs(x) < 1e15)) {
      return b.append(x);
    }
    long cents = Math.round(x * 100);
    if (cents < 0) {
      b.append('-');
      cents = -cents;
    }
    long frac = cents % 100;
    return b.append(cents / 100).append('.').append(frac < 10 ? "0" : "").append(frac);
  }

  /** A request's class for deferral reuse: same demand, pool, group and excluded hosts. */
  static boolean sameClass(PlacementRequest a, PlacementRequest b) {
    Vm x = a.vm();
    Vm y = b.vm();
    return x.demand().equals(y.demand())
        && x.storagePool().equals(y.storagePool())
        && x.antiAffinityGroup().equals(y.antiAffinityGroup())
        && a.excluded().equals(b.excluded());
  }
}
