package org.relaxha.core.collect;

/**
 * A fixed map from keys to their positions in the array it was built from: open addressing with
 * linear probing over parallel arrays, a power of two at least twice the number of keys. A lookup
 * reads one slot of each array (no entry object, no boxed number). A caller that passes the very
 * key objects the map was built from is answered by an identity test before {@code equals}, and a
 * slot whose stored hash code differs is passed over without reading its key object (a collision
 * would otherwise compare two keys' names character by character). The placement index numbers its
 * hosts with one; {@link KeyRanks} numbers sorted keys.
 *
 * <p>Immutable once built; safe to read from any thread after construction.
 *
 * @param <K> the key type
 */
public final class Numbering<K> {
  private final Object[] keys;
  private final int[] numbers;
  private final int[] hashes;
  private final int mask;

  /** Numbers {@code ids[i]} as {@code i}; a key that appears twice keeps its first number. */
  public Numbering(K[] ids) {
    int capacity = Integer.highestOneBit(Math.max(2, ids.length) * 2 - 1) << 1;
    this.keys = new Object[capacity];
    this.numbers = new int[capacity];
    this.hashes = new int[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < ids.length; i++) {
      int hash = ids[i].hashCode();
      int slot = slotOf(ids[i], hash);
      if (keys[slot] == null) {
        keys[slot] = ids[i];
        numbers[slot] = i;
        hashes[slot] = hash;
      }
    }
  }

  /** The number of {@code key}, or -1 if it is not one of the keys (or is null). */
  public int get(Object key) {
    if (key == null) {
      return -1;
    }
    int slot = slotOf(key, key.hashCode());
    return keys[slot] == null ? -1 : numbers[slot];
  }

  /** The slot that holds {@code key} (whose hash code is {@code hash}), or the empty slot. */
  private int slotOf(Object key, int hash) {
    int h = hash * 0x9E3779B9;
    int slot = (h ^ (h >>> 16)) & mask;
    Object[] k = keys;
    int[] hs = hashes;
    for (Object at = k[slot]; at != null; at = k[slot]) {
      if (at == key || (hs[slot] == hash && at.equals(key))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
