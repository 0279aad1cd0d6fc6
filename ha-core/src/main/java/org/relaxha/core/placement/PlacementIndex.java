package org.relaxha.core.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relaxha.core.collect.Numbering;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.Constraint;
import org.relaxha.spi.placement.Deferral;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * The hosts of a cluster indexed for placement: the plans of {@link LoadAwarePlacement} (same
 * order, constraints, score, reasons and deferrals) in about {@code O(log M)} per VM for {@code M}
 * hosts instead of {@code O(M)}.
 *
 * <p><b>How.</b> A segment tree over the usable hosts holds in each node the best host of its
 * subtree by the placement score, the largest load slack, free CPU and free memory below it, and
 * the storage pools some host below it reaches (as bits, for the first 64 pool names; a pool beyond
 * those gets a tree of its own, built on first use). A VM's host is found branch and bound: a
 * subtree is skipped when even its largest slack or free capacity cannot take the VM, or when its
 * best score cannot beat the host found so far. A subtree whose best host takes the VM needs no
 * further search (nothing below it scores better), so in the common case the search ends at the
 * root or a few levels below it. When a subtree's best host is refused (most often: it does not
 * reach the VM's pool), the other half is searched first, so the strongest host not refused is
 * found early and cuts most of the refused half at one load comparison per node. Whether a host
 * takes the VM (excluded hosts, pool, anti-affinity, the exact capacity arithmetic of the scan) is
 * checked on flat data: a host's numbers sit in one block ({@link HostTable}), anti-affinity groups
 * are numbered once, so the check compares a few {@code int}s and probes one primitive table of the
 * groups the plan has added. Taking a host updates its leaf and the path to the root. A VM that
 * fits nowhere is usually refused at the root (fast fail); its {@link Deferral} then counts, host
 * by host and in constraint order, what excluded each host, exactly as the scan does (one pass over
 * flat arrays, shared by consecutive deferred VMs of the same class when nothing was placed between
 * them).
 *
 * <p><b>Long-lived use.</b> The index can be kept across plans: {@link #updateLoad} and {@link
 * #update} change one host in {@code O(log M)}, and {@link #place} leaves the index as it found it
 * (what a plan assigns is a projection, undone before it returns).
 *
 * <p>Not thread-safe: one thread at a time, including {@link #place}. {@link IndexedPlacement} is
 * the thread-safe {@link org.relaxha.spi.placement.Placement} that builds one per call.
 */
public final class PlacementIndex {
  private final int bootLimit;

  /** Without a boot limit the score starts with the load: trees may compare loads first. */
  final boolean plainScore;

  private final int n;
  private final HostSnapshot[] snapshots;
  private final HostId[] ids;

  /** Each host id's hash code, so a request's excluded ids are told apart without reading ids. */
  private final int[] idHashes;

  private final Numbering<HostId> numbers;

  /** Each host's numbers, side by side. */
  final HostTable table;

  private final boolean[] up;
  private final boolean[] maintenance;

  private final Map<String, Long> poolBit = new HashMap<>();

  private final AntiAffinityGroups groups;
  private final HostTree all;
  private final Map<String, HostTree> byPool = new HashMap<>();
  private final HostTree[][] treesOf;
  private double magnitude;

  // Undo log of one plan.
  private final boolean[] touched;
  private final int[] touchedList;
  private int touchedCount;

  // The request being searched.
  private HostTree tree;
  private long needPool;
  private double cpu;
  private long mem;
  private double cpuBound;
  private double slackBound;
  private int group;

  /**
   * The request's excluded hosts with their hash codes. A candidate host is compared with them by
   * hash first: a lookup of each excluded id in the host table would read the id, its name and its
   * characters for every request, mostly for a failed host the tree never offers anyway.
   */
  private HostId[] excluded = new HostId[4];

  private int[] excludedHashes = new int[4];

  private int excludedCount;
  private int found;

  /** The load of {@link #found}. */
  private double foundLoad;

  private PlacementIndex(ClusterSnapshot cluster, int bootLimit) {
    this.bootLimit = Require.atLeast(bootLimit, 1, "bootLimit");
    this.plainScore = bootLimit == Integer.MAX_VALUE;
    List<HostSnapshot> hosts = cluster.hosts();
    this.n = hosts.size();
    this.snapshots = hosts.toArray(new HostSnapshot[0]);
    this.ids = new HostId[n];
    this.idHashes = new int[n];
    this.table = new HostTable(n);
    this.up = new boolean[n];
    this.maintenance = new boolean[n];
    this.touched = new boolean[n];
    this.touchedList = new int[n];
    this.treesOf = new HostTree[n][];
    this.groups = new AntiAffinityGroups(n);
    int[] usableHosts = new int[n];
    for (int h = 0; h < n; h++) {
      ids[h] = snapshots[h].id();
      idHashes[h] = ids[h].hashCode();
      read(h, snapshots[h]);
      usableHosts[h] = h;
    }
    this.numbers = new Numbering<>(ids);
    this.all = new HostTree(this, usableHosts, n);
    for (int h = 0; h < n; h++) {
      treesOf[h] = new HostTree[] {all};
    }
  }

  /** Indexes {@code cluster} with no boot limit. {@code O(M)}. */
  public static PlacementIndex of(ClusterSnapshot cluster) {
    return new PlacementIndex(Require.nonNull(cluster, "cluster"), Integer.MAX_VALUE);
  }

  /** Indexes {@code cluster} for {@link LoadAwarePlacement#spreading(int)} plans. */
  public static PlacementIndex of(ClusterSnapshot cluster, int bootLimit) {
    return new PlacementIndex(Require.nonNull(cluster, "cluster"), bootLimit);
  }

  /** How many hosts it indexes. */
  public int size() {
    return n;
  }

  private void read(int h, HostSnapshot s) {
    snapshots[h] = s;
    up[h] = s.up();
    maintenance[h] = s.maintenance();
    long bits = 0;
    for (String pool : s.reachablePools()) {
      Long bit = poolBit.get(pool);
      if (bit == null && poolBit.size() < Long.SIZE) {
        bit = 1L << poolBit.size();
        poolBit.put(pool, bit);
      }
      bits |= bit == null ? 0 : bit;
    }
    table.set(
        h,
        s.loadFive(),
        s.host().loadThreshold(),
        s.used().cpus(),
        s.host().capacity().cpus(),
        s.used().memoryMib(),
        s.host().capacity().memoryMib(),
        s.vmCount(),
        bits,
        s.up() && !s.maintenance());
    groups.setHost(h, s.antiAffinityGroups());
    magnitude = Math.max(magnitude, Math.abs(s.loadFive()));
    magnitude = Math.max(magnitude, Math.abs(s.host().loadThreshold()));
    magnitude = Math.max(magnitude, Math.abs(s.used().cpus()));
    magnitude = Math.max(magnitude, Math.abs(s.host().capacity().cpus()));
  }

  /** Sets one host's measured 5-minute load. {@code O(log M)}. */
  public void updateLoad(HostId host, double loadFive) {
    Require.atLeast(loadFive, 0.0, "loadFive");
    int h = indexOf(host);
    table.setLoad(h, loadFive);
    magnitude = Math.max(magnitude, loadFive);
    refresh(h);
  }

  /**
   * Replaces one host's state. {@code O(log M)}, unless its reachable pools changed: then the
   * per-pool trees are dropped and rebuilt when next needed.
   */
  public void update(HostSnapshot host) {
    int h = indexOf(host.id());
    boolean poolsChanged = !snapshots[h].reachablePools().equals(host.reachablePools());
    read(h, host);
    if (poolsChanged) {
      byPool.clear();
      for (int i = 0; i < n; i++) {
        treesOf[i] = new HostTree[] {all};
      }
    }
    refresh(h);
  }

  private int indexOf(HostId host) {
    int h = numbers.get(host);
    if (h < 0) {
      throw new IllegalArgumentException("host " + host + " is not in this index");
    }
    return h;
  }

  private void refresh(int h) {
    for (HostTree t : treesOf[h]) {
      t.refresh(h);
    }
  }

  /**
   * The plan {@link LoadAwarePlacement} would return for {@code requests} on the indexed cluster
   * (with this index's boot limit). Leaves the index unchanged.
   */
  public PlacementPlan place(List<PlacementRequest> requests) {
    all.startLog();
    for (HostTree t : byPool.values()) {
      t.startLog();
    }
    try {
      return plan(requests);
    } finally {
      undo();
    }
  }

  /** Like {@link #place} but leaves the plan's projection in the index: for a one-shot index. */
  PlacementPlan placeOnce(List<PlacementRequest> requests) {
    return plan(requests);
  }

  private PlacementPlan plan(List<PlacementRequest> requests) {
    PlacementRequest[] ordered = Reasons.sorted(requests);
    List<Assignment> assignments = new ArrayList<>(ordered.length);
    List<Deferral> waiting = new ArrayList<>();
    PlacementRequest lastDeferred = null;
    Deferral lastDeferral = null;
    int takesAtLastDeferral = -1;
    int takes = 0;
    for (PlacementRequest request : ordered) {
      Vm vm = request.vm();
      int h = search(request);
      if (h >= 0) {
        assignments.add(new Assignment(vm.id(), ids[h], reason(h)));
        take(h, vm);
        takes++;
      } else if (lastDeferred != null
          && takes == takesAtLastDeferral
          && Reasons.sameClass(lastDeferred, request)) {
        waiting.add(new Deferral(vm.id(), lastDeferral.excludedBy()));
      } else {
        lastDeferral = new Deferral(vm.id(), exclusions(request));
        lastDeferred = request;
        takesAtLastDeferral = takes;
        waiting.add(lastDeferral);
      }
    }
    return new PlacementPlan(assignments, waiting);
  }

  private String reason(int h) {
    return Reasons.assigned(
        table.load(h),
        table.threshold(h),
        table.vmCount(h),
        table.freeMem(h),
        table.placed(h),
        bootLimit);
  }

  /** Whether host {@code a} scores before host {@code b} (the scan's order, strict and total). */
  boolean better(int a, int b) {
    HostTable t = table;
    boolean fullA = t.placed(a) >= bootLimit;
    if (fullA != (t.placed(b) >= bootLimit)) {
      return !fullA;
    }
    double loadA = t.load(a);
    double loadB = t.load(b);
    if (loadA != loadB) {
      return loadA < loadB;
    }
    int countA = t.vmCount(a);
    int countB = t.vmCount(b);
    if (countA != countB) {
      return countA < countB;
    }
    long freeA = t.freeMem(a);
    long freeB = t.freeMem(b);
    if (freeA != freeB) {
      return freeA > freeB;
    }
    return a < b;
  }

  private int search(PlacementRequest request) {
    Vm vm = request.vm();
    needPool = 0;
    tree = all;
    if (vm.storagePool().isPresent()) {
      Long bit = poolBit.get(vm.storagePool().get());
      if (bit != null) {
        needPool = bit;
      } else {
        tree = poolTree(vm.storagePool().get());
      }
    }
    cpu = vm.demand().cpus();
    mem = vm.demand().memoryMib();
    // Subtrees are pruned with a margin so that rounding never prunes a host the scan accepts.
    double margin = 1e-9 * (1 + magnitude + Math.abs(cpu));
    slackBound = cpu - margin;
    cpuBound = cpu - HostTable.CPU_TOLERANCE - margin;
    group = vm.antiAffinityGroup().isPresent() ? groups.number(vm.antiAffinityGroup().get()) : -1;
    excludedHosts(request.excluded());
    found = -1;
    if (mayHold(tree, HostTree.ROOT)) {
      visit(HostTree.ROOT, -1);
    }
    tree = null;
    return found;
  }

  private void excludedHosts(Set<HostId> hosts) {
    excludedCount = 0;
    if (excluded.length < hosts.size()) {
      excluded = new HostId[hosts.size()];
      excludedHashes = new int[hosts.size()];
    }
    for (HostId id : hosts) {
      excluded[excludedCount] = id;
      excludedHashes[excludedCount++] = id.hashCode();
    }
  }

  private boolean isExcluded(int h) {
    int hash = idHashes[h];
    for (int i = 0; i < excludedCount; i++) {
      if (excludedHashes[i] == hash && (excluded[i] == ids[h] || excluded[i].equals(ids[h]))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Searches the subtree at {@code node}, which {@link #mayHold} let in; {@code unfit} is a host
   * already known not to take the VM (its ancestor's best), so that it is not checked again on the
   * way down. A child is tested with {@link #mayHold} before it is entered: most children are cut
   * there, by one load comparison, without a call.
   */
  private void visit(int node, int unfit) {
    HostTree t = tree;
    int candidate = t.best(node);
    // The subtree's best host, if it takes the VM, is the subtree's answer: nothing below it
    // scores better.
    if (candidate != unfit && (table.pools(candidate) & needPool) == needPool && fits(candidate)) {
      found = candidate;
      foundLoad = t.load(node);
      return;
    }
    if (node >= t.firstLeaf) {
      return;
    }
    // The child holding the refused best goes last: the others' bests are the strongest hosts
    // not yet refused, and once one is found, most of the refused child's subtrees are cut by one
    // load comparison instead of each offering a better host than the last, bottom up.
    int first = HostTree.firstChild(node);
    int holder = -1;
    for (int child = first; child < first + HostTree.FANOUT; child++) {
      if (t.best(child) == candidate) {
        holder = child;
      } else if (mayHold(t, child)) {
        visit(child, candidate);
      }
    }
    if (holder >= 0 && mayHold(t, holder)) {
      visit(holder, candidate);
    }
  }

  /**
   * Whether the subtree at {@code node} may hold a host that takes the VM and scores before the one
   * found so far: false when it has no usable host, when its largest slack, free CPU or free memory
   * is too small, when no host below reaches the VM's pool, or when even its best host cannot beat
   * the one found.
   */
  private boolean mayHold(HostTree t, int node) {
    int candidate = t.best(node);
    return !(candidate < 0
        || t.slack(node) < slackBound
        || t.cpu(node) < cpuBound
        || t.mem(node) < mem
        || (t.pools(node) & needPool) != needPool
        || cannotBeatFound(candidate, t.load(node)));
  }

  /**
   * Whether a subtree whose best host is {@code candidate} (with load {@code candidateLoad}) cannot
   * hold a host scoring before the one found so far. Without a boot limit the score starts with the
   * load, so most subtrees are decided by one comparison.
   */
  private boolean cannotBeatFound(int candidate, double candidateLoad) {
    if (found < 0) {
      return false;
    }
    if (plainScore) {
      if (candidateLoad != foundLoad) {
        return candidateLoad > foundLoad;
      }
    }
    return !better(candidate, found);
  }

  /** The scan's checks that the tree does not decide (pool and usability it does). */
  private boolean fits(int h) {
    return table.takes(h, cpu, mem) && !isExcluded(h) && !(group >= 0 && groups.has(h, group));
  }

  /** The first constraint, in the scan's order, that excludes host {@code h}; null if none. */
  private Constraint exclusion(int h, PlacementRequest request) {
    Vm vm = request.vm();
    double c = vm.demand().cpus();
    long m = vm.demand().memoryMib();
    if (request.excluded().contains(ids[h])) {
      return Constraint.EXCLUDED;
    }
    if (!up[h]) {
      return Constraint.HOST_DOWN;
    }
    if (maintenance[h]) {
      return Constraint.MAINTENANCE;
    }
    if (vm.storagePool().isPresent()
        && !snapshots[h].reachablePools().contains(vm.storagePool().get())) {
      return Constraint.STORAGE;
    }
    if (table.load(h) + c > table.threshold(h)) {
      return Constraint.LOAD;
    }
    if (table.usedCpu(h) + c > table.capCpu(h) + HostTable.CPU_TOLERANCE) {
      return Constraint.CPU;
    }
    if (table.usedMem(h) + m > table.capMem(h)) {
      return Constraint.MEMORY;
    }
    if (vm.antiAffinityGroup().isPresent()
        && groups.has(h, groups.number(vm.antiAffinityGroup().get()))) {
      return Constraint.ANTI_AFFINITY;
    }
    return null;
  }

  private Map<Constraint, Integer> exclusions(PlacementRequest request) {
    int[] counts = new int[Constraint.values().length];
    for (int h = 0; h < n; h++) {
      Constraint why = exclusion(h, request);
      if (why == null) {
        throw new IllegalStateException(
            "placement index: host " + ids[h] + " fits " + request.vm().id() + " but was missed");
      }
      counts[why.ordinal()]++;
    }
    Map<Constraint, Integer> result = new EnumMap<>(Constraint.class);
    for (Constraint c : Constraint.values()) {
      if (counts[c.ordinal()] > 0) {
        result.put(c, counts[c.ordinal()]);
      }
    }
    return result;
  }

  private HostTree poolTree(String pool) {
    HostTree t = byPool.get(pool);
    if (t == null) {
      int[] members = new int[n];
      int count = 0;
      for (int h = 0; h < n; h++) {
        if (snapshots[h].reachablePools().contains(pool)) {
          members[count++] = h;
        }
      }
      t = new HostTree(this, members, count);
      byPool.put(pool, t);
      for (int i = 0; i < count; i++) {
        int h = members[i];
        HostTree[] old = treesOf[h];
        HostTree[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = t;
        treesOf[h] = grown;
      }
    }
    return t;
  }

  /** Puts {@code vm}, just searched (its group number is {@link #group}), on host {@code h}. */
  private void take(int h, Vm vm) {
    if (!touched[h]) {
      touched[h] = true;
      touchedList[touchedCount++] = h;
      table.save(h);
    }
    table.add(h, vm.demand().cpus(), vm.demand().memoryMib());
    if (group >= 0) {
      groups.add(h, group);
    }
    refresh(h);
  }

  /**
   * Puts the hosts the plan touched back: their numbers, and the trees' nodes from the trees' logs.
   * A pool tree built during the plan has no log (it was built with the plan's projection): its
   * touched hosts are refreshed from the restored numbers instead.
   */
  private void undo() {
    for (int i = 0; i < touchedCount; i++) {
      int h = touchedList[i];
      touched[h] = false;
      table.restore(h);
      for (HostTree t : treesOf[h]) {
        if (!t.logging()) {
          t.refresh(h);
        }
      }
    }
    touchedCount = 0;
    all.rollback();
    for (HostTree t : byPool.values()) {
      t.rollback();
    }
    groups.clearAdded();
  }
}
