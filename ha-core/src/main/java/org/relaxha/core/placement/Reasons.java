package org.relaxha.core.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Above this many requests in name order, {@link #sorted} groups them by rank. */
  private static final int GROUP_ABOVE = 512;

  private static int compare(PlacementRequest a, PlacementRequest b) {
    Vm x = a.vm();
    Vm y = b.vm();
    int c =
        compareFields(
            x.restartPriority(),
            x.demand().cpus(),
            x.demand().memoryMib(),
            y.restartPriority(),
            y.demand().cpus(),
            y.demand().memoryMib());
    // VmId order is by "vm:" + name, that is by name.
    return c != 0 ? c : x.id().name().compareTo(y.id().name());
  }

  /** {@link #ORDER} before the name: priority, then CPU, then memory, each highest first. */
  static int compareFields(
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
   * host's VMs by id): then only the rank (priority and demand) is sorted, the name order kept
   * within a rank. A few hundred are sorted stably by rank alone ({@link RankSort}, on flat arrays
   * of the three fields); more are grouped by rank, and only the distinct ranks are sorted: a mass
   * failure's thousands of VMs have a few dozen.
   */
  static PlacementRequest[] sorted(List<PlacementRequest> requests) {
    int n = requests.size();
    if (n <= GROUP_ABOVE) {
      PlacementRequest[] in = requests.toArray(new PlacementRequest[0]);
      if (inNameOrder(in)) {
        return byRank(in);
      }
    }
    Key[] keys = new Key[n];
    boolean byName = true;
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new Key(requests.get(i));
      byName = byName && (i == 0 || keys[i - 1].name.compareTo(keys[i].name) <= 0);
    }
    if (byName) {
      return inRankGroups(keys);
    }
    Arrays.sort(keys);
    return requestsOf(keys);
  }

  private static boolean inNameOrder(PlacementRequest[] requests) {
    for (int i = 1; i < requests.length; i++) {
      if (requests[i - 1].vm().id().name().compareTo(requests[i].vm().id().name()) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Requests in name order, stably sorted by rank on flat copies of their sort fields. */
  private static PlacementRequest[] byRank(PlacementRequest[] in) {
    int n = in.length;
    int[] priority = new int[n];
    double[] cpus = new double[n];
    long[] memory = new long[n];
    for (int i = 0; i < n; i++) {
      Vm vm = in[i].vm();
      priority[i] = vm.restartPriority();
      cpus[i] = vm.demand().cpus();
      memory[i] = vm.demand().memoryMib();
    }
    int[] order = RankSort.order(priority, cpus, memory);
    PlacementRequest[] out = new PlacementRequest[n];
    for (int i = 0; i < n; i++) {
      out[i] = in[order[i]];
    }
    return out;
  }

  private static PlacementRequest[] requestsOf(Key[] keys) {
    PlacementRequest[] out = new PlacementRequest[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = keys[i].request;
    }
    return out;
  }

  /**
   * Keys in name order, put in {@link #ORDER}: by rank, and by name (their order) within a rank.
   */
  private static PlacementRequest[] inRankGroups(Key[] keys) {
    Map<Rank, List<PlacementRequest>> groups = new HashMap<>();
    for (Key k : keys) {
      groups
          .computeIfAbsent(new Rank(k.priority, k.cpus, k.memory), r -> new ArrayList<>())
          .add(k.request);
    }
    List<Rank> ranks = new ArrayList<>(groups.keySet());
    Collections.sort(ranks);
    PlacementRequest[] out = new PlacementRequest[keys.length];
    int i = 0;
    for (Rank rank : ranks) {
      for (PlacementRequest request : groups.get(rank)) {
        out[i++] = request;
      }
    }
    return out;
  }

  /** The fields of {@link #ORDER} before the name. Equal exactly when they compare equal. */
  private record Rank(int priority, double cpus, long memory) implements Comparable<Rank> {
    @Override
    public int compareTo(Rank o) {
      return compareFields(priority, cpus, memory, o.priority, o.cpus, o.memory);
    }
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

    /** {@link #ORDER} before the name. */
    int compareRank(Key o) {
      return compareFields(priority, cpus, memory, o.priority, o.cpus, o.memory);
    }

    @Override
    public int compareTo(Key o) {
      int c = compareRank(o);
      return c != 0 ? c : name.compareTo(o.name);
    }
  }

  /** The reason of an assignment, from the host's state before the VM is added. */
  static String assigned(
      double load, double threshold, int vmCount, long freeMemory, int placed, int bootLimit) {
    if (placed < bootLimit && plain(load) && plain(threshold)) {
      // The common case as one concatenation, sized once (a builder grows and copies).
      long l = Math.round(load * 100);
      long t = Math.round(threshold * 100);
      return "least loaded eligible host: load "
          + l / 100
          + (l % 100 < 10 ? ".0" : ".")
          + l % 100
          + '/'
          + t / 100
          + (t % 100 < 10 ? ".0" : ".")
          + t % 100
          + ", "
          + vmCount
          + " VM(s), "
          + freeMemory
          + " MiB free";
    }
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

  /** Whether {@link #fixed2} prints {@code x} as plain digits, without a sign. */
  private static boolean plain(double x) {
    return x >= 0 && x < 1e15;
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
