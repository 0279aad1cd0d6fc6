package org.relaxha.core.placement;

import java.util.Arrays;

/**
 * The anti-affinity groups a plan has added to hosts so far, as (host, group number) pairs in an
 * open-addressing table of {@code long}s: a lookup is a hash and a probe or two in one array, with
 * no boxing. Cleared in time proportional to what was added.
 *
 * <p>Not thread-safe; owned by its {@link PlacementIndex}.
 */
final class GroupMarks {
  private static final long EMPTY = -1L;

  private long[] table = new long[64];
  private int[] used = new int[32];
  private int size;

  GroupMarks() {
    Arrays.fill(table, EMPTY);
  }

  /** Whether {@code host} has been given group {@code group}. */
  boolean contains(int host, int group) {
    if (size == 0) {
      return false;
    }
    long key = key(host, group);
    int mask = table.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = table[i];
      if (k == key) {
        return true;
      }
      if (k == EMPTY) {
        return false;
      }
    }
  }

  /** Records that {@code host} now has group {@code group}. */
  void add(int host, int group) {
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    insert(key(host, group));
  }

  /** Forgets every pair. */
  void clear() {
    for (int i = 0; i < size; i++) {
      table[used[i]] = EMPTY;
    }
    size = 0;
  }

  private void insert(long key) {
    int mask = table.length - 1;
    int i = slot(key, mask);
    while (table[i] != EMPTY) {
      if (table[i] == key) {
        return;
      }
      i = (i + 1) & mask;
    }
    table[i] = key;
    if (size == used.length) {
      used = Arrays.copyOf(used, size * 2);
    }
    used[size++] = i;
  }

  private void grow() {
    long[] old = table;
    int oldSize = size;
    int[] oldUsed = used;
    table = new long[old.length * 2];
    Arrays.fill(table, EMPTY);
    used = new int[Math.max(oldUsed.length, table.length / 2)];
    size = 0;
    for (int i = 0; i < oldSize; i++) {
      insert(old[oldUsed[i]]);
    }
  }

  private static long key(int host, int group) {
    return ((long) host << 32) | (group & 0xffffffffL);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
