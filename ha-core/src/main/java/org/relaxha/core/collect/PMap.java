package org.relaxha.core.collect;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A persistent sorted map. {@link #plus} and {@link #minus} return a new map and share every
 * untouched part with the old one, so old versions stay valid and cheap. Iteration is in key order,
 * which keeps the engine's decisions deterministic.
 *
 * <p>Two representations behind one contract: {@link #empty()} starts an AVL tree with path copying
 * ({@code O(log n)} key comparisons per operation), {@link #emptyOver(KeyRanks)} a trie indexed by
 * the rank of each key in a fixed key set (a hash lookup and at most {@code log32 n} array reads
 * per operation, no key comparison). A map over a key set that is given a key outside the set turns
 * into a tree. Maps with the same entries are equal whatever their representation.
 *
 * <p>Immutable and thread-safe. Keys and values must not be null.
 *
 * @param <K> the key type, compared by its natural order
 * @param <V> the value type
 */
public abstract sealed class PMap<K extends Comparable<? super K>, V>
    implements Iterable<Map.Entry<K, V>> permits AvlMap, RankedMap {

  PMap() {}

  /** The empty map (a tree). */
  public static <K extends Comparable<? super K>, V> PMap<K, V> empty() {
    return AvlMap.emptyTree();
  }

  /**
   * The empty map over the keys of {@code keys}: operations on those keys find the value by rank,
   * which is faster than the tree for large maps; any other key turns the map into a tree.
   */
  public static <K extends Comparable<? super K>, V> PMap<K, V> emptyOver(KeyRanks<K> keys) {
    return RankedMap.empty(keys);
  }

  /** A map with the entries of {@code source} (a tree). */
  public static <K extends Comparable<? super K>, V> PMap<K, V> copyOf(Map<K, V> source) {
    PMap<K, V> result = empty();
    for (Map.Entry<K, V> e : source.entrySet()) {
      result = result.plus(e.getKey(), e.getValue());
    }
    return result;
  }

  /** The number of entries, in O(1). */
  public abstract int size();

  /** Whether the map has no entry. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** The value for {@code key}, or {@code null}. */
  public abstract V get(K key);

  /** The value for {@code key}, if present. */
  public Optional<V> find(K key) {
    return Optional.ofNullable(get(key));
  }

  /** Whether {@code key} is present. */
  public boolean containsKey(K key) {
    return get(key) != null;
  }

  /** A map with {@code key} bound to {@code value}; this map if it already was. */
  public abstract PMap<K, V> plus(K key, V value);

  /** A map without {@code key}; this map if it was absent. */
  public abstract PMap<K, V> minus(K key);

  /**
   * {@link #plus}, except that the parts of this map that {@code owner}'s earlier updates created
   * may be written in place. The caller promises that nobody else holds this map or any map it got
   * from an update with {@code owner} (as a {@link Batch} does until its snapshot); once such a map
   * is handed out, its holder must switch to a new owner. A null owner is a plain {@link #plus}.
   */
  public PMap<K, V> plus(K key, V value, Owner owner) {
    return plus(key, value);
  }

  /**
   * {@link #minus}, writing in place under the same promise as {@link #plus(Comparable, Object,
   * Owner)}.
   */
  public PMap<K, V> minus(K key, Owner owner) {
    return minus(key);
  }

  /** The smallest key, if any. */
  public abstract Optional<K> firstKey();

  /** Calls {@code action} for each entry in key order. */
  public void forEach(BiConsumer<? super K, ? super V> action) {
    for (Map.Entry<K, V> e : this) {
      action.accept(e.getKey(), e.getValue());
    }
  }

  /** The keys in order, as a new list. */
  public List<K> keys() {
    List<K> keys = new ArrayList<>(size());
    forEach((k, v) -> keys.add(k));
    return keys;
  }

  /** The values in key order, as a new list. */
  public List<V> values() {
    List<V> values = new ArrayList<>(size());
    forEach((k, v) -> values.add(v));
    return values;
  }

  /** The entries in key order. */
  @Override
  public abstract Iterator<Map.Entry<K, V>> iterator();

  @Override
  public final boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PMap<?, ?> that) || that.size() != size()) {
      return false;
    }
    Iterator<? extends Map.Entry<?, ?>> a = iterator();
    Iterator<? extends Map.Entry<?, ?>> b = that.iterator();
    while (a.hasNext()) {
      if (!a.next().equals(b.next())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public final int hashCode() {
    int h = 0;
    for (Map.Entry<K, V> e : this) {
      h += e.hashCode();
    }
    return h;
  }

  @Override
  public final String toString() {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<K, V> e : this) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(e.getKey()).append('=').append(e.getValue());
    }
    return text.append('}').toString();
  }

  /**
   * A run of updates to one map by one owner, such as the records an engine step writes. An update
   * may write in place the parts of the map that this batch itself created since its last {@link
   * #snapshot}, so a step that writes a hundred values of a map over a key set copies each trie
   * node it touches once, not once per write. A map returned by {@link #snapshot} is never changed
   * by later updates: they copy again what they touch.
   *
   * <p>Not thread-safe: one owner at a time. The maps it returns are immutable and thread-safe.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  public static final class Batch<K extends Comparable<? super K>, V> {
    private PMap<K, V> map;
    private Owner owner = new Owner();

    /** A batch of updates starting from {@code start}, which it never changes. */
    public Batch(PMap<K, V> start) {
      this.map = Objects.requireNonNull(start, "start");
    }

    /** The value for {@code key} now, or {@code null}. */
    public V get(K key) {
      return map.get(key);
    }

    /** The number of entries now. */
    public int size() {
      return map.size();
    }

    /** The values now, in key order, as a new list. */
    public List<V> values() {
      return map.values();
    }

    /** Binds {@code key} to {@code value}. */
    public void put(K key, V value) {
      map = map.plus(key, value, owner);
    }

    /** Removes {@code key} if present. */
    public void remove(K key) {
      map = map.minus(key, owner);
    }

    /** The map as it is now; later updates leave it unchanged. */
    public PMap<K, V> snapshot() {
      owner = new Owner();
      return map;
    }
  }

  /**
   * A token for a run of in-place updates ({@link #plus(Comparable, Object, Owner)}): the nodes
   * created under it belong to its holder until the holder hands a map out. Immutable.
   */
  public static final class Owner {}
}
