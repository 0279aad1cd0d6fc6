package org.relaxha.core.collect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A fixed set of keys numbered {@code 0..n-1} in their natural order, with a constant-time lookup
 * of a key's number (its rank). A {@link PMap#emptyOver(KeyRanks) map over} such a set finds a
 * value by the key's rank instead of comparing the key along a tree path: the engine's maps keyed
 * by the configured hosts, VMs and services use one built from the topology.
 *
 * <p>The key type's natural order must be consistent with {@code equals}, as it is for subject ids.
 * The ranks are a {@link Numbering} of the sorted keys. Immutable and thread-safe (its one-entry
 * lookup memo is a plain {@code int} written without locks: any rank a thread reads from it is
 * checked against the key before it is used).
 *
 * @param <K> the key type
 */
public final class KeyRanks<K extends Comparable<? super K>> {
  private final Object[] keys;
  private final Numbering<Object> ranks;

  /** The last rank found; read and written without locks (an {@code int} is written whole). */
  private int lastRank = -1;

  private KeyRanks(List<K> sorted) {
    this.keys = sorted.toArray();
    this.ranks = new Numbering<>(keys);
  }

  /**
   * The ranks of {@code keys} (in any order).
   *
   * @throws IllegalArgumentException if a key is null or given twice
   */
  public static <K extends Comparable<? super K>> KeyRanks<K> of(Collection<K> keys) {
    List<K> sorted = new ArrayList<>(keys);
    for (K k : sorted) {
      if (k == null) {
        throw new IllegalArgumentException("null key in a key set");
      }
    }
    sorted.sort(null);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).compareTo(sorted.get(i)) == 0) {
        throw new IllegalArgumentException("key given twice: " + sorted.get(i));
      }
    }
    return new KeyRanks<>(sorted);
  }

  /** How many keys there are. */
  public int size() {
    return keys.length;
  }

  /** The key of rank {@code rank}. */
  @SuppressWarnings("unchecked")
  public K key(int rank) {
    Objects.checkIndex(rank, keys.length);
    return (K) keys[rank];
  }

  /**
   * The rank of {@code key}, or -1 if it is not one of these keys (or is null). The last rank found
   * is remembered, and a lookup of that very key object (the one these ranks were built from) is
   * answered from it: the engine looks up the same id several times in a row (read the record,
   * write it back, note it as touched), and only the first pays for the hash probe. The memo costs
   * no allocation; an equal key that is another object is found by the probe.
   */
  public int rank(Object key) {
    int last = lastRank;
    if (last >= 0 && keys[last] == key) {
      return last;
    }
    int rank = ranks.get(key);
    if (rank >= 0) {
      lastRank = rank;
    }
    return rank;
  }
}
