package org.relaxha.core.placement;

import org.relaxha.spi.model.HostId;

/**
 * A fixed map from host ids to their numbers in a {@link PlacementIndex}: open addressing with
 * linear probing over two parallel arrays, a power of two at least twice the number of hosts. A
 * lookup reads one slot of each array (no entry object, no boxed number), and a caller that passes
 * the very id objects the index was built from is answered by an identity test.
 *
 * <p>Immutable once built; safe to read from any thread after construction.
 */
final class HostNumbers {
  private final HostId[] keys;
  private final int[] numbers;
  private final int mask;

  /** Numbers {@code ids[i]} as {@code i}; an id that appears twice keeps its first number. */
  HostNumbers(HostId[] ids) {
    int capacity = Integer.highestOneBit(Math.max(2, ids.length) * 2 - 1) << 1;
    this.keys = new HostId[capacity];
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

  /** The number of {@code id}, or -1 if it is not one of the hosts. */
  int get(HostId id) {
    int slot = slotOf(id);
    return keys[slot] == null ? -1 : numbers[slot];
  }

  /** The slot that holds {@code id}, or the empty slot where it would go. */
  private int slotOf(HostId id) {
    int h = id.hashCode() * 0x9E3779B9;
    int slot = (h ^ (h >>> 16)) & mask;
    HostId[] k = keys;
    while (k[slot] != null && k[slot] != id && !k[slot].equals(id)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
