package org.relaxha.core.placement;

/**
 * A stable sort of requests by rank (restart priority, then CPU, then memory, each highest first)
 * on flat arrays: the order of {@link Reasons#ORDER} before the name, for requests already in name
 * order. It sorts request numbers by comparing three primitives, with no key objects and no
 * comparator calls: a failed host's hundred requests are sorted several times faster than by {@code
 * Arrays.sort} with a comparator. A merge sort, with insertion sort for short runs.
 *
 * <p>Not thread-safe: one instance per sort.
 */
final class RankSort {
  private static final int INSERTION_BELOW = 16;

  private final int[] priority;
  private final double[] cpus;
  private final long[] memory;

  /** Sorts the requests whose ranks are given, position by position. */
  private RankSort(int[] priority, double[] cpus, long[] memory) {
    this.priority = priority;
    this.cpus = cpus;
    this.memory = memory;
  }

  /**
   * The positions {@code 0..n-1} ordered by rank, ties in position order. {@code n} is the length
   * of the arrays.
   */
  static int[] order(int[] priority, double[] cpus, long[] memory) {
    int n = priority.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    new RankSort(priority, cpus, memory).sort(order, new int[n], 0, n);
    return order;
  }

  /** Sorts {@code a[from..to)} using {@code tmp} for merging. */
  private void sort(int[] a, int[] tmp, int from, int to) {
    if (to - from < INSERTION_BELOW) {
      insertionSort(a, from, to);
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, tmp, from, mid);
    sort(a, tmp, mid, to);
    if (!before(a[mid], a[mid - 1])) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      // Take the right run's element only when it goes strictly before: ties keep their order.
      if (j < to && (i >= mid || before(tmp[j], tmp[i]))) {
        a[k] = tmp[j++];
      } else {
        a[k] = tmp[i++];
      }
    }
  }

  private void insertionSort(int[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int x = a[i];
      int j = i - 1;
      while (j >= from && before(x, a[j])) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  /** Whether request {@code x} ranks strictly before request {@code y}. */
  private boolean before(int x, int y) {
    return Reasons.compareFields(priority[x], cpus[x], memory[x], priority[y], cpus[y], memory[y])
        < 0;
  }
}
