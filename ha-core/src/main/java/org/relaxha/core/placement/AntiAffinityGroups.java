package org.relaxha.core.placement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The anti-affinity groups of the hosts of a {@link PlacementIndex}, as numbers: each group name
 * gets a number once, each host keeps the numbers of the groups its VMs belong to, and the groups a
 * plan adds are (host, group) pairs in an open-addressing table of {@code long}s. A check is a few
 * {@code int} comparisons and a probe or two in one array, with no boxing and no set lookups
 * through host snapshots; the plan's additions are cleared in time proportional to their number.
 *
 * <p>Before any of that, each host has a 64-bit filter: bit {@code g mod 64} is set for every group
 * {@code g} it has (its own and the plan's). A clear bit answers "no" from one dense array, which
 * is most checks: a host has a few groups, so a VM's group shares a bit with one of them only by
 * chance. A set bit falls through to the exact check.
 *
 * <p>Not thread-safe; owned by its {@link PlacementIndex}.
 */
final class AntiAffinityGroups {
  private static final long EMPTY = -1L;
  private static final int[] NONE = {};

  private final Map<String, Integer> numbers = new HashMap<>();
  private final int[][] ofHost;

  /** Per host, the bits of its own groups and of those the plan added. */
  private final long[] filter;

  /** Per host, the bits of the groups the plan added. */
  private final long[] addedFilter;

  private long[] table = new long[64];
  private int[] used = new int[32];
  private int size;

  /** Groups for {@code hosts} hosts, each without any group yet. */
  AntiAffinityGroups(int hosts) {
    this.ofHost = new int[hosts][];
    this.filter = new long[hosts];
    this.addedFilter = new long[hosts];
    Arrays.fill(ofHost, NONE);
    Arrays.fill(table, EMPTY);
  }

  /** The number of group {@code name}, the same for this object's life. */
  int number(String name) {
    Integer number = numbers.get(name);
    if (number == null) {
      number = numbers.size();
      numbers.put(name, number);
    }
    return number;
  }

  /** Sets the groups {@code host}'s VMs belong to (before any plan's additions). */
  void setHost(int host, Set<String> names) {
    int[] own = names.isEmpty() ? NONE : new int[names.size()];
    int i = 0;
    for (String name : names) {
      own[i++] = number(name);
    }
    ofHost[host] = own;
    filter[host] = ownBits(host) | addedFilter[host];
  }

  /** Whether {@code host} has a VM of group number {@code group}, counting the plan's additions. */
  boolean has(int host, int group) {
    if ((filter[host] & bit(group)) == 0) {
      return false;
    }
    for (int own : ofHost[host]) {
      if (own == group) {
        return true;
      }
    }
    return added(host, group);
  }

  private boolean added(int host, int group) {
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

  /** Records that the plan put a VM of group number {@code group} on {@code host}. */
  void add(int host, int group) {
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    insert(key(host, group));
    addedFilter[host] |= bit(group);
    filter[host] |= bit(group);
  }

  /** Forgets what the plan added. */
  void clearAdded() {
    for (int i = 0; i < size; i++) {
      int host = (int) (table[used[i]] >>> 32);
      addedFilter[host] = 0;
      filter[host] = ownBits(host);
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

  /** The filter bits of {@code host}'s own groups. */
  private long ownBits(int host) {
    long bits = 0;
    for (int own : ofHost[host]) {
      bits |= bit(own);
    }
    return bits;
  }

  /** The filter bit of group number {@code group}. */
  private static long bit(int group) {
    return 1L << (group & (Long.SIZE - 1));
  }

  private static long key(int host, int group) {
    return ((long) host << 32) | (group & 0xffffffffL);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
