package org.relaxha.core.placement;

import java.util.Arrays;

/**
 * A segment tree over some hosts of a {@link PlacementIndex}: each node holds the largest load
 * slack (threshold minus projected load), free CPU and free memory of its subtree, and its best
 * host by the placement score (with that host's load, to compare without leaving the node). Usable
 * hosts only: a host that is down or in maintenance is a dead leaf. Refreshing one host is {@code
 * O(log M)}, and stops as soon as a node does not change.
 *
 * <p>A node's four numbers sit side by side in one array ({@link #SLACK}, {@link #CPU}, {@link
 * #MEM}, {@link #LOAD} at {@code 4 * node}), so a node costs one cache line, not four.
 *
 * <p>Not thread-safe; owned by its index.
 */
final class HostTree {
  static final int SLACK = 0;
  static final int CPU = 1;
  static final int MEM = 2;
  static final int LOAD = 3;

  private final PlacementIndex index;
  final int size;

  /** Each host's leaf; null when the tree holds every host of the index in number order. */
  private final int[] leafOf;

  final double[] v;
  final int[] best;

  /** The storage pools (as {@link PlacementIndex} bits) some usable host of the subtree reaches. */
  final long[] pools;

  /** A tree over {@code hosts} (indexes into {@code index}, ascending). */
  HostTree(PlacementIndex index, int[] hosts, int count) {
    this.index = index;
    int s = 1;
    while (s < Math.max(1, count)) {
      s <<= 1;
    }
    this.size = s;
    this.leafOf = holdsAllInOrder(index, hosts, count) ? null : new int[index.size()];
    if (leafOf != null) {
      Arrays.fill(leafOf, -1);
    }
    this.v = new double[8 * s];
    this.best = new int[2 * s];
    this.pools = new long[2 * s];
    for (int i = 0; i < s; i++) {
      int host = i < count ? hosts[i] : -1;
      if (host >= 0 && leafOf != null) {
        leafOf[host] = i;
      }
      setLeaf(s + i, host);
    }
    for (int node = s - 1; node >= 1; node--) {
      combine(node, -1);
    }
  }

  private static boolean holdsAllInOrder(PlacementIndex index, int[] hosts, int count) {
    if (count != index.size()) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (hosts[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** Re-reads one host of the tree and fixes the path to the root. */
  void refresh(int host) {
    int node = size + (leafOf == null ? host : leafOf[host]);
    setLeaf(node, host);
    for (node >>= 1; node >= 1; node >>= 1) {
      if (!combine(node, host)) {
        return;
      }
    }
  }

  private void setLeaf(int node, int host) {
    int at = node << 2;
    HostTable table = index.table;
    if (host < 0 || !table.usable[host]) {
      v[at + SLACK] = Double.NEGATIVE_INFINITY;
      v[at + CPU] = Double.NEGATIVE_INFINITY;
      v[at + MEM] = Double.NEGATIVE_INFINITY;
      v[at + LOAD] = Double.POSITIVE_INFINITY;
      best[node] = -1;
      pools[node] = 0;
      return;
    }
    double load = table.load(host);
    v[at + SLACK] = table.threshold(host) - load;
    v[at + CPU] = table.capCpu(host) - table.usedCpu(host);
    v[at + MEM] = table.freeMem(host);
    v[at + LOAD] = load;
    best[node] = host;
    pools[node] = table.pools(host);
  }

  /**
   * Recomputes a node from its children; false if nothing changed. A node whose best is {@code
   * changed} always counts as changed: that host's score may have moved in a way (VM count, free
   * memory) the node does not hold.
   */
  private boolean combine(int node, int changed) {
    int l = node << 1;
    int r = l + 1;
    int at = node << 2;
    int la = l << 2;
    int ra = r << 2;
    double slack = Math.max(v[la + SLACK], v[ra + SLACK]);
    double cpu = Math.max(v[la + CPU], v[ra + CPU]);
    double mem = Math.max(v[la + MEM], v[ra + MEM]);
    int a = best[l];
    int b = best[r];
    boolean right;
    if (a < 0) {
      right = true;
    } else if (b < 0) {
      right = false;
    } else if (index.plainScore && v[la + LOAD] != v[ra + LOAD]) {
      right = v[ra + LOAD] < v[la + LOAD];
    } else {
      right = index.better(b, a);
    }
    int winner = right ? b : a;
    long mask = pools[l] | pools[r];
    double load = right ? v[ra + LOAD] : v[la + LOAD];
    if (best[node] == winner
        && v[at + SLACK] == slack
        && v[at + CPU] == cpu
        && v[at + MEM] == mem
        && v[at + LOAD] == load
        && pools[node] == mask
        && winner != changed) {
      return false;
    }
    v[at + SLACK] = slack;
    v[at + CPU] = cpu;
    v[at + MEM] = mem;
    v[at + LOAD] = load;
    best[node] = winner;
    pools[node] = mask;
    return true;
  }
}
