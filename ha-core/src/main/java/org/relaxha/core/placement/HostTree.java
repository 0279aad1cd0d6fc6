package org.relaxha.core.placement;

import java.util.Arrays;

/**
 * A segment tree over some hosts of a {@link PlacementIndex}, with {@value #FANOUT} children per
 * node: each node holds the largest load slack (threshold minus projected load), free CPU and free
 * memory of its subtree, the storage pools some host below it reaches, and its best host by the
 * placement score with that host's load (to compare without leaving the node). Usable hosts only: a
 * host that is down or in maintenance is a dead leaf. Refreshing one host is {@code O(log M)}, and
 * stops as soon as a node does not change.
 *
 * <p><b>Layout.</b> A node is four {@code long}s (32 bytes) side by side in one array, and a node's
 * {@value #FANOUT} children are side by side too (128 bytes, two or three cache lines): the slack
 * and free CPU as two {@code float}s, the free memory as a {@code float} with the best host's
 * number, the best host's load as a {@code double}, and the pool bits. Four children per node halve
 * the levels of a binary tree (7 instead of 14 at 10^4 hosts), so a refresh after each placed VM
 * combines, saves and writes half as many nodes, reading each node's children from adjacent memory.
 * The three maxima are only used to skip subtrees that cannot take a VM, so they are stored rounded
 * <i>up</i> to {@code float}: an upper bound prunes no subtree the exact value would keep (rounding
 * up is monotone, so the rounded maximum of the children is the maximum of their rounded values and
 * the early stop of a refresh is kept). The load, which orders hosts, is exact. At 10^4 hosts the
 * tree takes 700 KiB in one array.
 *
 * <p><b>Numbering.</b> The root is node {@link #ROOT}; node {@code i}'s children are {@code FANOUT
 * * i + 1} to {@code FANOUT * i + FANOUT}; the leaves are the last nodes, from {@link #firstLeaf}.
 *
 * <p><b>Undo.</b> Between {@link #startLog} and {@link #rollback} every node is saved before its
 * first change, and the rollback copies the saved nodes back: undoing a plan costs a copy per
 * changed node instead of recomputing every changed path from its leaf.
 *
 * <p>Not thread-safe; owned by its index.
 */
final class HostTree {
  /** The root's node number. */
  static final int ROOT = 0;

  /** Children per node, {@code 1 << FAN_BITS}. */
  static final int FANOUT = 4;

  private static final int FAN_BITS = 2;
  private static final int SHIFT = 2;
  private static final int SLACK_CPU = 0;
  private static final int MEM_BEST = 1;
  private static final int LOAD = 2;
  private static final int POOLS = 3;

  private static final long DEAD_SLACK_CPU = pair(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
  private static final long DEAD_MEM_BEST = memAndBest(Float.NEGATIVE_INFINITY, -1);
  private static final long DEAD_LOAD = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  private final PlacementIndex index;

  /** The first leaf's node number; every node from here on is a leaf. */
  final int firstLeaf;

  /** Each host's leaf; null when the tree holds every host of the index in number order. */
  private final int[] leafOf;

  /** The nodes, {@code 1 << SHIFT} words each, numbered as the class comment says. */
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
    int leaves = 1;
    int inner = 0;
    while (leaves < count) {
      inner += leaves;
      leaves <<= FAN_BITS;
    }
    this.firstLeaf = inner;
    this.leafOf = holdsAllInOrder(index, hosts, count) ? null : new int[index.size()];
    if (leafOf != null) {
      Arrays.fill(leafOf, -1);
    }
    int total = inner + leaves;
    this.nodes = new long[total << SHIFT];
    this.saved = new long[(total + 63) >>> 6];
    for (int i = 0; i < leaves; i++) {
      int host = i < count ? hosts[i] : -1;
      if (host >= 0 && leafOf != null) {
        leafOf[host] = i;
      }
      setLeaf(inner + i, host);
    }
    for (int node = inner - 1; node >= ROOT; node--) {
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
    return (node << FAN_BITS) + 1;
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
    while (node != ROOT) {
      node = (node - 1) >>> FAN_BITS;
      if (!combine(node, host)) {
        return;
      }
    }
  }

  private void setLeaf(int node, int host) {
    int at = node << SHIFT;
    if (logging) {
      save(node, nodes[at + SLACK_CPU], nodes[at + MEM_BEST], nodes[at + LOAD], nodes[at + POOLS]);
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
    int child = firstChild(node) << SHIFT;
    float slack = Float.NEGATIVE_INFINITY;
    float cpu = Float.NEGATIVE_INFINITY;
    float mem = Float.NEGATIVE_INFINITY;
    long pools = 0;
    int winner = -1;
    long load = DEAD_LOAD;
    for (int end = child + (FANOUT << SHIFT); child < end; child += 1 << SHIFT) {
      long slackCpu = w[child + SLACK_CPU];
      long memBest = w[child + MEM_BEST];
      slack = max(slack, high(slackCpu));
      cpu = max(cpu, low(slackCpu));
      mem = max(mem, high(memBest));
      pools |= w[child + POOLS];
      int best = (int) memBest;
      long bestLoad = w[child + LOAD];
      if (best >= 0 && (winner < 0 || beats(best, bestLoad, winner, load))) {
        winner = best;
        load = bestLoad;
      }
    }
    long slackCpu = pair(slack, cpu);
    long memBest = memAndBest(mem, winner);
    long oldSlackCpu = w[at + SLACK_CPU];
    long oldMemBest = w[at + MEM_BEST];
    long oldLoad = w[at + LOAD];
    long oldPools = w[at + POOLS];
    if (oldSlackCpu == slackCpu
        && oldMemBest == memBest
        && oldLoad == load
        && oldPools == pools
        && winner != changed) {
      return false;
    }
    if (logging) {
      save(node, oldSlackCpu, oldMemBest, oldLoad, oldPools);
    }
    w[at + SLACK_CPU] = slackCpu;
    w[at + MEM_BEST] = memBest;
    w[at + LOAD] = load;
    w[at + POOLS] = pools;
    return true;
  }

  /** Whether host {@code a} (load bits {@code loadA}) scores before host {@code b}. */
  private boolean beats(int a, long loadA, int b, long loadB) {
    if (index.plainScore) {
      double x = Double.longBitsToDouble(loadA);
      double y = Double.longBitsToDouble(loadB);
      if (x != y) {
        return x < y;
      }
    }
    return index.better(a, b);
  }

  /** The larger of two bounds; unlike {@code Math.max} it ignores the sign of zero (and NaN). */
  private static float max(float a, float b) {
    return a >= b ? a : b;
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
    long[] from = savedWords;
    for (int i = 0; i < savedCount; i++) {
      int node = savedNodes[i];
      int at = node << SHIFT;
      int was = i << SHIFT;
      w[at + SLACK_CPU] = from[was + SLACK_CPU];
      w[at + MEM_BEST] = from[was + MEM_BEST];
      w[at + LOAD] = from[was + LOAD];
      w[at + POOLS] = from[was + POOLS];
      saved[node >>> 6] = 0;
    }
    savedCount = 0;
    logging = false;
  }

  /** Saves node {@code node}'s words (as given) unless it was saved since {@link #startLog}. */
  private void save(int node, long slackCpu, long memBest, long load, long pools) {
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
    long[] to = savedWords;
    int at = savedCount << SHIFT;
    to[at + SLACK_CPU] = slackCpu;
    to[at + MEM_BEST] = memBest;
    to[at + LOAD] = load;
    to[at + POOLS] = pools;
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
