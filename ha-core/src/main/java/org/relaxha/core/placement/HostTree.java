package org.relaxha.core.placement;

import java.util.Arrays;

/**
 * A segment tree over some hosts of a {@link PlacementIndex}: each node holds the largest load
 * slack (threshold minus projected load), free CPU and free memory of its subtree, the storage
 * pools some host below it reaches, and its best host by the placement score with that host's load
 * (to compare without leaving the node). Usable hosts only: a host that is down or in maintenance
 * is a dead leaf. Refreshing one host is {@code O(log M)}, and stops as soon as a node does not
 * change.
 *
 * <p><b>Layout.</b> A node is four {@code long}s (32 bytes) side by side in one array, so a node is
 * read with one cache line and two siblings with one or two: the slack and free CPU as two {@code
 * float}s, the free memory as a {@code float} with the best host's number, the best host's load as
 * a {@code double}, and the pool bits. The three maxima are only used to skip subtrees that cannot
 * take a VM, so they are stored rounded <i>up</i> to {@code float}: an upper bound prunes no
 * subtree the exact value would keep (rounding up is monotone, so the rounded maximum of two
 * children is the maximum of their rounded values and the early stop of a refresh is kept). The
 * load, which orders hosts, is exact. At 10^4 hosts the tree takes 1 MiB in one array instead of
 * 1.4 MiB in three, which keeps a mass failure's working set closer to the core's cache. (A tree of
 * four children per node, 700 KiB, made one host failure's plan 1 to 2 us faster but a mass
 * failure's 20% and a load update's 50% slower: benchmarks/README.md.)
 *
 * <p><b>Undo.</b> Between {@link #startLog} and {@link #rollback} every node is saved before its
 * first change, and the rollback copies the saved nodes back: undoing a plan costs a copy per
 * changed node instead of recomputing every changed path from its leaf.
 *
 * <p>Not thread-safe; owned by its index.
 */
final class HostTree {
  /** The root's node number. */
  static final int ROOT = 1;

  /**
   * Children per node, for the search's loop over a node's children. Not a setting: the node
   * numbering, {@link #combine} and {@link #refresh} are written for two.
   */
  static final int FANOUT = 2;

  private static final int SHIFT = 2;
  private static final int SLACK_CPU = 0;
  private static final int MEM_BEST = 1;
  private static final int LOAD = 2;
  private static final int POOLS = 3;

  private static final long DEAD_SLACK_CPU = pair(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
  private static final long DEAD_MEM_BEST = memAndBest(Float.NEGATIVE_INFINITY, -1);
  private static final long DEAD_LOAD = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  private final PlacementIndex index;

  /** The first leaf's node number, which is also the number of leaves (a power of two). */
  final int firstLeaf;

  /** Each host's leaf; null when the tree holds every host of the index in number order. */
  private final int[] leafOf;

  /**
   * The nodes, {@code 1 << SHIFT} words each; node 1 is the root, node {@code i}'s children are
   * {@code 2i} and {@code 2i + 1}.
   */
  private final long[] nodes;

  // The undo log: each node changed since startLog, once, with its words before the change.
  private boolean logging;
  private final long[] saved;
  private int[] savedNodes = new int[64];
  private long[] savedWords = new long[64 << SHIFT];
  private int savedCount;

  /** A tree over {@code hosts} (indexes into {@code index}, ascending). */
  HostTree(PlacementIndex index, int[] hosts, int count) {
    this.index = index;
    int s = 1;
    while (s < Math.max(1, count)) {
      s <<= 1;
    }
    this.firstLeaf = s;
    this.leafOf = holdsAllInOrder(index, hosts, count) ? null : new int[index.size()];
    if (leafOf != null) {
      Arrays.fill(leafOf, -1);
    }
    this.nodes = new long[(2 * s) << SHIFT];
    this.saved = new long[(2 * s + 63) >>> 6];
    for (int i = 0; i < s; i++) {
      int host = i < count ? hosts[i] : -1;
      if (host >= 0 && leafOf != null) {
        leafOf[host] = i;
      }
      setLeaf(s + i, host);
    }
    for (int node = s - 1; node >= ROOT; node--) {
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

  // ---- reading a node

  /** The first of the {@link #FANOUT} children of inner node {@code node}. */
  static int firstChild(int node) {
    return node << 1;
  }

  /** The best usable host of the subtree at {@code node}, or -1 if it has none. */
  int best(int node) {
    return (int) nodes[(node << SHIFT) + MEM_BEST];
  }

  /** An upper bound of the largest load slack in the subtree. */
  double slack(int node) {
    return high(nodes[(node << SHIFT) + SLACK_CPU]);
  }

  /** An upper bound of the largest free CPU in the subtree. */
  double cpu(int node) {
    return low(nodes[(node << SHIFT) + SLACK_CPU]);
  }

  /** An upper bound of the largest free memory (MiB) in the subtree. */
  double mem(int node) {
    return high(nodes[(node << SHIFT) + MEM_BEST]);
  }

  /** The exact load of the subtree's best host ({@code +Infinity} without one). */
  double load(int node) {
    return Double.longBitsToDouble(nodes[(node << SHIFT) + LOAD]);
  }

  /** The pools (as index bits) some usable host of the subtree reaches. */
  long pools(int node) {
    return nodes[(node << SHIFT) + POOLS];
  }

  // ---- updating

  /** Re-reads one host of the tree and fixes the path to the root. */
  void refresh(int host) {
    int node = firstLeaf + (leafOf == null ? host : leafOf[host]);
    setLeaf(node, host);
    for (node >>= 1; node >= ROOT; node >>= 1) {
      if (!combine(node, host)) {
        return;
      }
    }
  }

  private void setLeaf(int node, int host) {
    int at = node << SHIFT;
    if (logging) {
      save(node);
    }
    HostTable table = index.table;
    if (host < 0 || !table.usable[host]) {
      nodes[at + SLACK_CPU] = DEAD_SLACK_CPU;
      nodes[at + MEM_BEST] = DEAD_MEM_BEST;
      nodes[at + LOAD] = DEAD_LOAD;
      nodes[at + POOLS] = 0;
      return;
    }
    double load = table.load(host);
    nodes[at + SLACK_CPU] =
        pair(up(table.threshold(host) - load), up(table.capCpu(host) - table.usedCpu(host)));
    nodes[at + MEM_BEST] = memAndBest(up(table.freeMem(host)), host);
    nodes[at + LOAD] = Double.doubleToRawLongBits(load);
    nodes[at + POOLS] = table.pools(host);
  }

  /**
   * Recomputes a node from its children; false if nothing changed. A node whose best is {@code
   * changed} always counts as changed: that host's score may have moved in a way (VM count, free
   * memory) the node does not hold.
   */
  private boolean combine(int node, int changed) {
    long[] w = nodes;
    int at = node << SHIFT;
    int la = at << 1;
    int ra = la + (1 << SHIFT);
    long lSlackCpu = w[la + SLACK_CPU];
    long rSlackCpu = w[ra + SLACK_CPU];
    long lMemBest = w[la + MEM_BEST];
    long rMemBest = w[ra + MEM_BEST];
    long slackCpu =
        pair(Math.max(high(lSlackCpu), high(rSlackCpu)), Math.max(low(lSlackCpu), low(rSlackCpu)));
    float mem = Math.max(high(lMemBest), high(rMemBest));
    int a = (int) lMemBest;
    int b = (int) rMemBest;
    long lLoad = w[la + LOAD];
    long rLoad = w[ra + LOAD];
    boolean right;
    if (a < 0) {
      right = true;
    } else if (b < 0) {
      right = false;
    } else if (index.plainScore && lLoad != rLoad) {
      right = Double.longBitsToDouble(rLoad) < Double.longBitsToDouble(lLoad);
    } else {
      right = index.better(b, a);
    }
    int winner = right ? b : a;
    long memBest = memAndBest(mem, winner);
    long load = right ? rLoad : lLoad;
    long pools = w[la + POOLS] | w[ra + POOLS];
    if (w[at + SLACK_CPU] == slackCpu
        && w[at + MEM_BEST] == memBest
        && w[at + LOAD] == load
        && w[at + POOLS] == pools
        && winner != changed) {
      return false;
    }
    if (logging) {
      save(node);
    }
    w[at + SLACK_CPU] = slackCpu;
    w[at + MEM_BEST] = memBest;
    w[at + LOAD] = load;
    w[at + POOLS] = pools;
    return true;
  }

  // ---- undo

  /** From now on, saves each node before its first change, for {@link #rollback}. */
  void startLog() {
    logging = true;
  }

  /** Whether changes are being saved for {@link #rollback}. */
  boolean logging() {
    return logging;
  }

  /** Puts back every node changed since {@link #startLog} and stops saving. */
  void rollback() {
    long[] w = nodes;
    for (int i = 0; i < savedCount; i++) {
      int node = savedNodes[i];
      System.arraycopy(savedWords, i << SHIFT, w, node << SHIFT, 1 << SHIFT);
      saved[node >>> 6] = 0;
    }
    savedCount = 0;
    logging = false;
  }

  /** Saves node {@code node}'s words unless it was saved since {@link #startLog}. */
  private void save(int node) {
    long bit = 1L << node;
    int word = node >>> 6;
    if ((saved[word] & bit) != 0) {
      return;
    }
    saved[word] |= bit;
    if (savedCount == savedNodes.length) {
      savedNodes = Arrays.copyOf(savedNodes, savedCount << 1);
      savedWords = Arrays.copyOf(savedWords, (savedCount << 1) << SHIFT);
    }
    savedNodes[savedCount] = node;
    System.arraycopy(nodes, node << SHIFT, savedWords, savedCount << SHIFT, 1 << SHIFT);
    savedCount++;
  }

  // ---- packing

  /** {@code x} rounded up to a {@code float} (so never below {@code x}). */
  static float up(double x) {
    float f = (float) x;
    return f < x ? Math.nextUp(f) : f;
  }

  private static long pair(float high, float low) {
    return ((long) Float.floatToRawIntBits(high) << 32)
        | (Float.floatToRawIntBits(low) & 0xFFFF_FFFFL);
  }

  private static long memAndBest(float mem, int best) {
    return ((long) Float.floatToRawIntBits(mem) << 32) | (best & 0xFFFF_FFFFL);
  }

  private static float high(long word) {
    return Float.intBitsToFloat((int) (word >>> 32));
  }

  private static float low(long word) {
    return Float.intBitsToFloat((int) word);
  }
}
