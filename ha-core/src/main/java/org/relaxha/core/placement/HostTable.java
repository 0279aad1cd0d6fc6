package org.relaxha.core.placement;

/**
 * The numbers placement reads about each host of a {@link PlacementIndex}, one 64-byte block of
 * eight {@code long}s per host (doubles as their raw bits): load, load threshold, used and total
 * CPU, used and total memory, VM count with the plan's boot count, and the reachable pool bits. A
 * leaf refresh, a score comparison or a fit check reads one block instead of one element of eight
 * arrays scattered over memory. A plan's changes to a host are undone by copying its saved block
 * back. A load of zero is stored as {@code +0.0} (never {@code -0.0}, which equals it as a number
 * but not as bits), so that loads, never negative, are ordered by their raw bits.
 *
 * <p>Not thread-safe; owned by its index.
 */
final class HostTable {
  /** Hosts whose used CPU exceeds their capacity by less than this still fit (rounding). */
  static final double CPU_TOLERANCE = 1e-9;

  private static final int SHIFT = 3;
  private static final int STRIDE = 1 << SHIFT;
  private static final int LOAD = 0;
  private static final int THRESHOLD = 1;
  private static final int USED_CPU = 2;
  private static final int CAP_CPU = 3;
  private static final int USED_MEM = 4;
  private static final int CAP_MEM = 5;

  /** The VM count in the high 32 bits, the VMs the current plan placed in the low 32. */
  private static final int COUNTS = 6;

  private static final int POOLS = 7;

  private final long[] data;
  private final long[] saved;

  /** Up and not in maintenance. */
  final boolean[] usable;

  HostTable(int hosts) {
    this.data = new long[hosts << SHIFT];
    this.saved = new long[hosts << SHIFT];
    this.usable = new boolean[hosts];
  }

  /** Sets every number of host {@code h}; the plan's boot count starts at zero. */
  void set(
      int h,
      double load,
      double threshold,
      double usedCpu,
      double capCpu,
      long usedMem,
      long capMem,
      int vmCount,
      long pools,
      boolean usable) {
    int at = h << SHIFT;
    data[at + LOAD] = Double.doubleToRawLongBits(load + 0.0);
    data[at + THRESHOLD] = Double.doubleToRawLongBits(threshold);
    data[at + USED_CPU] = Double.doubleToRawLongBits(usedCpu);
    data[at + CAP_CPU] = Double.doubleToRawLongBits(capCpu);
    data[at + USED_MEM] = usedMem;
    data[at + CAP_MEM] = capMem;
    data[at + COUNTS] = (long) vmCount << 32;
    data[at + POOLS] = pools;
    this.usable[h] = usable;
  }

  double load(int h) {
    return Double.longBitsToDouble(data[(h << SHIFT) + LOAD]);
  }

  void setLoad(int h, double load) {
    data[(h << SHIFT) + LOAD] = Double.doubleToRawLongBits(load + 0.0);
  }

  double threshold(int h) {
    return Double.longBitsToDouble(data[(h << SHIFT) + THRESHOLD]);
  }

  double usedCpu(int h) {
    return Double.longBitsToDouble(data[(h << SHIFT) + USED_CPU]);
  }

  double capCpu(int h) {
    return Double.longBitsToDouble(data[(h << SHIFT) + CAP_CPU]);
  }

  long usedMem(int h) {
    return data[(h << SHIFT) + USED_MEM];
  }

  long capMem(int h) {
    return data[(h << SHIFT) + CAP_MEM];
  }

  long freeMem(int h) {
    int at = h << SHIFT;
    return data[at + CAP_MEM] - data[at + USED_MEM];
  }

  int vmCount(int h) {
    return (int) (data[(h << SHIFT) + COUNTS] >>> 32);
  }

  /** How many VMs the current plan has put on host {@code h}. */
  int placed(int h) {
    return (int) data[(h << SHIFT) + COUNTS];
  }

  long pools(int h) {
    return data[(h << SHIFT) + POOLS];
  }

  /**
   * The scan's load, CPU and memory checks for a VM of {@code cpu} CPUs and {@code mem} MiB, with
   * its exact arithmetic.
   */
  boolean takes(int h, double cpu, long mem) {
    int at = h << SHIFT;
    long[] d = data;
    return !(Double.longBitsToDouble(d[at + LOAD]) + cpu
            > Double.longBitsToDouble(d[at + THRESHOLD]))
        && !(Double.longBitsToDouble(d[at + USED_CPU]) + cpu
            > Double.longBitsToDouble(d[at + CAP_CPU]) + CPU_TOLERANCE)
        && !(d[at + USED_MEM] + mem > d[at + CAP_MEM]);
  }

  /** Adds a VM of {@code cpu} CPUs and {@code mem} MiB placed by the current plan. */
  void add(int h, double cpu, long mem) {
    int at = h << SHIFT;
    long[] d = data;
    d[at + LOAD] = Double.doubleToRawLongBits(Double.longBitsToDouble(d[at + LOAD]) + cpu);
    d[at + USED_CPU] = Double.doubleToRawLongBits(Double.longBitsToDouble(d[at + USED_CPU]) + cpu);
    d[at + USED_MEM] += mem;
    d[at + COUNTS] += (1L << 32) + 1;
  }

  /** Remembers host {@code h}'s numbers, to be put back by {@link #restore}. */
  void save(int h) {
    System.arraycopy(data, h << SHIFT, saved, h << SHIFT, STRIDE);
  }

  /** Puts back what {@link #save} remembered of host {@code h}. */
  void restore(int h) {
    System.arraycopy(saved, h << SHIFT, data, h << SHIFT, STRIDE);
  }
}
