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
    Object[] updated = with(root, topShift, rank, value);
    return new RankedMap<>(keys, topShift, updated, old == null ? size + 1 : size);
  }

  @Override
  public PMap<K, V> minus(K key) {
    Objects.requireNonNull(key, "key");
    int rank = keys.rank(key);
    if (rank < 0 || at(rank) == null) {
      return this;
    }
    return new RankedMap<>(keys, topShift, without(root, topShift, rank), size - 1);
  }

  /** A copy of {@code node} with {@code value} at {@code rank}, creating missing levels. */
  private static Object[] with(Object[] node, int shift, int rank, Object value) {
    Object[] copy = node == null ? new Object[WIDTH] : node.clone();
    int i = (rank >>> shift) & MASK;
    copy[i] = shift == 0 ? value : with((Object[]) copy[i], shift - BITS, rank, value);
    return copy;
  }

  /** A copy of {@code node} without the value at {@code rank}; null if that leaves it empty. */
  private static Object[] without(Object[] node, int shift, int rank) {
    int i = (rank >>> shift) & MASK;
    Object[] copy = node.clone();
    copy[i] = shift == 0 ? null : without((Object[]) node[i], shift - BITS, rank);
    for (Object slot : copy) {
      if (slot != null) {
        return copy;
      }
    }
    return null;
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
