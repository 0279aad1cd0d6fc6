package org.relaxha.core.collect;

/**
 * A fixed map from keys to their positions in the array it was built from: open addressing with
 * linear probing over two parallel arrays, a power of two at least twice the number of keys. A
 * lookup reads one slot of each array (no entry object, no boxed number), and a caller that passes
 * the very key objects the map was built from is answered by an identity test before {@code
 * equals}. The placement index numbers its hosts with one; {@link KeyRanks} numbers sorted keys.
 *
 * <p>Immutable once built; safe to read from any thread after construction.
 *
 * @param <K> the key type
 */
public final class Numbering<K> {
  private final Object[] keys;
  private final int[] numbers;
  private final int mask;

  /** Numbers {@code ids[i]} as {@code i}; a key that appears twice keeps its first number. */
  public Numbering(K[] ids) {
    int capacity = Integer.highestOneBit(Math.max(2, ids.length) * 2 - 1) << 1;
    this.keys = new Object[capacity];
    this.numbers = new int[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < ids.length; i++) {
      int slot = slotOf(ids[i]);
      if (keys[slot] == null) {
        keys[slot] = ids[i];
        numbers[slot] = i;
      }
    }
  }

  /** The number of {@code key}, or -1 if it is not one of the keys (or is null). */
  public int get(Object key) {
    if (key == null) {
      return -1;
    }
    int slot = slotOf(key);
    return keys[slot] == null ? -1 : numbers[slot];
  }

  /** The slot that holds {@code key}, or the empty slot where it would go. */
  private int slotOf(Object key) {
    int h = key.hashCode() * 0x9E3779B9;
    int slot = (h ^ (h >>> 16)) & mask;
    Object[] k = keys;
    while (k[slot] != null && k[slot] != key && !k[slot].equals(key)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
