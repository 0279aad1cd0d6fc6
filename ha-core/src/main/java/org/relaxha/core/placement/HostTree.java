package org.relaxha.core.placement;

/**
 * A segment tree over some hosts of a {@link PlacementIndex}: each node holds the largest load
 * slack (threshold minus projected load), free CPU and free memory of its subtree, and its best
 * host by the placement score. Usable hosts only: a host that is down or in maintenance is a dead
 * leaf. Refreshing one host is {@code O(log M)}.
 *
 * <p>Not thread-safe; owned by its index.
 */
final class HostTree {
  private final PlacementIndex index;
  final int size;
  final int[] hostAt;
  final int[] leafOf;
  final double[] maxSlack;
  final double[] maxFreeCpu;
  final long[] maxFreeMem;
  final int[] best;

  /** A tree over {@code hosts} (indexes into {@code index}, ascending). */
  HostTree(PlacementIndex index, int[] hosts, int count) {
    this.index = index;
    int s = 1;
    while (s < Math.max(1, count)) {
      s <<= 1;
    }
    this.size = s;
    this.hostAt = new int[s];
    this.leafOf = new int[index.size()];
    java.util.Arrays.fill(leafOf, -1);
    java.util.Arrays.fill(hostAt, -1);
    this.maxSlack = new double[2 * s];
    this.maxFreeCpu = new double[2 * s];
    this.maxFreeMem = new long[2 * s];
    this.best = new int[2 * s];
    for (int i = 0; i < count; i++) {
      hostAt[i] = hosts[i];
      leafOf[hosts[i]] = i;
    }
    for (int i = 0; i < s; i++) {
      setLeaf(s + i, hostAt[i]);
    }
    for (int node = s - 1; node >= 1; node--) {
      combine(node);
    }
  }

  /** Re-reads one host of the tree and fixes the path to the root. */
  void refresh(int host) {
    int node = size + leafOf[host];
    setLeaf(node, host);
    for (node >>= 1; node >= 1; node >>= 1) {
      combine(node);
    }
  }

  private void setLeaf(int node, int host) {
    if (host < 0 || !index.usable[host]) {
      maxSlack[node] = Double.NEGATIVE_INFINITY;
      maxFreeCpu[node] = Double.NEGATIVE_INFINITY;
      maxFreeMem[node] = Long.MIN_VALUE;
      best[node] = -1;
      return;
    }
    maxSlack[node] = index.threshold[host] - index.load[host];
    maxFreeCpu[node] = index.capCpu[host] - index.usedCpu[host];
    maxFreeMem[node] = index.capMem[host] - index.usedMem[host];
    best[node] = host;
  }

  private void combine(int node) {
    int l = node << 1;
    int r = l + 1;
    maxSlack[node] = Math.max(maxSlack[l], maxSlack[r]);
    maxFreeCpu[node] = Math.max(maxFreeCpu[l], maxFreeCpu[r]);
    maxFreeMem[node] = Math.max(maxFreeMem[l], maxFreeMem[r]);
    int a = best[l];
    int b = best[r];
    best[node] = a < 0 ? b : b < 0 ? a : index.better(b, a) ? b : a;
  }
}
