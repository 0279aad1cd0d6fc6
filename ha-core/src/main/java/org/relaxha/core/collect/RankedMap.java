package org.relaxha.core.collect;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The ranked representation of {@link PMap}: values in a 32-way trie indexed by each key's rank in
 * a fixed {@link KeyRanks}, with path copying. An operation costs one hash lookup and at most
 * {@code log32 n} array reads; an update copies one 32-slot array per level. Empty subtries are
 * null, so iteration skips them. A key outside the key set turns the map into an {@link AvlMap}.
 *
 * <p>Each node array has one slot more, after the 32: the {@link PMap.Batch} owner that created it
 * (null for a node of a plain update). An update for that owner writes such a node in place.
 *
 * <p>Immutable and thread-safe.
 */
final class RankedMap<K extends Comparable<? super K>, V> extends PMap<K, V> {
  private static final int BITS = 5;
  private static final int WIDTH = 1 << BITS;
  private static final int MASK = WIDTH - 1;

  private final KeyRanks<K> keys;

  /** The shift of the root level: 0 when one array holds every rank. */
  private final int topShift;

  private final Object[] root;
  private final int size;

  private RankedMap(KeyRanks<K> keys, int topShift, Object[] root, int size) {
    this.keys = keys;
    this.topShift = topShift;
    this.root = root;
    this.size = size;
  }

  static <K extends Comparable<? super K>, V> RankedMap<K, V> empty(KeyRanks<K> keys) {
    Objects.requireNonNull(keys, "keys");
    int shift = 0;
    while ((long) WIDTH << shift < keys.size()) {
      shift += BITS;
    }
    return new RankedMap<>(keys, shift, null, 0);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public V get(K key) {
    int rank = keys.rank(key);
    return rank < 0 ? null : at(rank);
  }

  @SuppressWarnings("unchecked")
  private V at(int rank) {
    Object[] node = root;
    for (int shift = topShift; node != null && shift > 0; shift -= BITS) {
      node = (Object[]) node[(rank >>> shift) & MASK];
    }
    return node == null ? null : (V) node[rank & MASK];
  }

  @Override
  public PMap<K, V> plus(K key, V value) {
    return plus(key, value, null);
  }

  @Override
  public PMap<K, V> plus(K key, V value, Owner owner) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    int rank = keys.rank(key);
    if (rank < 0) {
      return toTree().plus(key, value);
    }
    V old = at(rank);
    if (value.equals(old)) {
      return this;
    }
    Object[] updated = with(root, topShift, rank, value, owner);
    int newSize = old == null ? size + 1 : size;
    return updated == root && newSize == size
        ? this
        : new RankedMap<>(keys, topShift, updated, newSize);
  }

  @Override
  public PMap<K, V> minus(K key) {
    return minus(key, null);
  }

  @Override
  public PMap<K, V> minus(K key, Owner owner) {
    Objects.requireNonNull(key, "key");
    int rank = keys.rank(key);
    if (rank < 0 || at(rank) == null) {
      return this;
    }
    return new RankedMap<>(keys, topShift, without(root, topShift, rank, owner), size - 1);
  }

  /**
   * {@code node} with {@code value} at {@code rank}, creating missing levels: the node itself if
   * {@code owner} (not null) created it, else a copy that {@code owner} owns.
   */
  private static Object[] with(Object[] node, int shift, int rank, Object value, Owner owner) {
    Object[] target = writable(node, owner);
    int i = (rank >>> shift) & MASK;
    target[i] = shift == 0 ? value : with((Object[]) target[i], shift - BITS, rank, value, owner);
    return target;
  }

  /**
   * {@code node} without the value at {@code rank} (written in place as in {@link #with}); null if
   * that leaves it empty.
   */
  private static Object[] without(Object[] node, int shift, int rank, Owner owner) {
    int i = (rank >>> shift) & MASK;
    Object[] target = writable(node, owner);
    target[i] = shift == 0 ? null : without((Object[]) node[i], shift - BITS, rank, owner);
    for (int j = 0; j < WIDTH; j++) {
      if (target[j] != null) {
        return target;
      }
    }
    return null;
  }

  /** {@code node} if {@code owner} created it, else a copy (or a new empty node) it owns. */
  private static Object[] writable(Object[] node, Owner owner) {
    if (node != null && owner != null && node[WIDTH] == owner) {
      return node;
    }
    Object[] copy = node == null ? new Object[WIDTH + 1] : node.clone();
    copy[WIDTH] = owner;
    return copy;
  }

  @Override
  public Optional<K> firstKey() {
    int rank = firstFrom(root, topShift, 0, 0);
    return rank < 0 ? Optional.empty() : Optional.of(keys.key(rank));
  }

  /**
   * The smallest rank at least {@code from} holding a value in the subtrie {@code node}, whose
   * first rank is {@code base}; -1 if none.
   */
  private static int firstFrom(Object[] node, int shift, int from, int base) {
    if (node == null) {
      return -1;
    }
    for (int i = Math.max(0, from - base) >>> shift; i < WIDTH; i++) {
      Object slot = node[i];
      if (slot == null) {
        continue;
      }
      int first = base + (i << shift);
      if (shift == 0) {
        return first;
      }
      int found = firstFrom((Object[]) slot, shift - BITS, Math.max(from, first), first);
      if (found >= 0) {
        return found;
      }
    }
    return -1;
  }

  private PMap<K, V> toTree() {
    PMap<K, V> tree = AvlMap.emptyTree();
    for (Map.Entry<K, V> e : this) {
      tree = tree.plus(e.getKey(), e.getValue());
    }
    return tree;
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return new Iterator<>() {
      private int rank = firstFrom(root, topShift, 0, 0);

      @Override
      public boolean hasNext() {
        return rank >= 0;
      }

      @Override
      public Map.Entry<K, V> next() {
        if (rank < 0) {
          throw new NoSuchElementException();
        }
        Map.Entry<K, V> e = Map.entry(keys.key(rank), at(rank));
        rank = firstFrom(root, topShift, rank + 1, 0);
        return e;
      }
    };
  }
}
