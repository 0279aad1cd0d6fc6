package org.relaxha.core.collect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A persistent sorted map: an AVL tree with path copying. {@link #plus} and {@link #minus} return a
 * new map in O(log n) and share every untouched node with the old one, so old versions stay valid
 * and cheap. Iteration is in key order, which keeps the engine's decisions deterministic.
 *
 * <p>Immutable and thread-safe. Keys and values must not be null.
 *
 * @param <K> the key type, compared by its natural order
 * @param <V> the value type
 */
public final class PMap<K extends Comparable<? super K>, V> implements Iterable<Map.Entry<K, V>> {
  private static final PMap<?, ?> EMPTY = new PMap<>(null);

  private final Node<K, V> root;

  private PMap(Node<K, V> root) {
    this.root = root;
  }

  /** The empty map. */
  @SuppressWarnings("unchecked")
  public static <K extends Comparable<? super K>, V> PMap<K, V> empty() {
    return (PMap<K, V>) EMPTY;
  }

  /** A map with the entries of {@code source}. */
  public static <K extends Comparable<? super K>, V> PMap<K, V> copyOf(Map<K, V> source) {
    PMap<K, V> result = empty();
    for (Map.Entry<K, V> e : source.entrySet()) {
      result = result.plus(e.getKey(), e.getValue());
    }
    return result;
  }

  /** The number of entries, in O(1). */
  public int size() {
    return size(root);
  }

  /** Whether the map has no entry. */
  public boolean isEmpty() {
    return root == null;
  }

  /** The value for {@code key}, or {@code null}. */
  public V get(K key) {
    Node<K, V> n = root;
    while (n != null) {
      int c = key.compareTo(n.key);
      if (c == 0) {
        return n.value;
      }
      n = c < 0 ? n.left : n.right;
    }
    return null;
  }

  /** The value for {@code key}, if present. */
  public Optional<V> find(K key) {
    return Optional.ofNullable(get(key));
  }

  /** Whether {@code key} is present. */
  public boolean containsKey(K key) {
    return get(key) != null;
  }

  /** A map with {@code key} bound to {@code value}; this map if it already was. */
  public PMap<K, V> plus(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Node<K, V> updated = insert(root, key, value);
    return updated == root ? this : new PMap<>(updated);
  }

  /** A map without {@code key}; this map if it was absent. */
  public PMap<K, V> minus(K key) {
    Objects.requireNonNull(key, "key");
    Node<K, V> updated = delete(root, key);
    return updated == root ? this : new PMap<>(updated);
  }

  /** The smallest key, if any. */
  public Optional<K> firstKey() {
    Node<K, V> n = root;
    if (n == null) {
      return Optional.empty();
    }
    while (n.left != null) {
      n = n.left;
    }
    return Optional.of(n.key);
  }

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

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return new InOrder<>(root);
  }

  @Override
  public boolean equals(Object other) {
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
  public int hashCode() {
    int h = 0;
    for (Map.Entry<K, V> e : this) {
      h += e.hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<K, V> e : this) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(e.getKey()).append('=').append(e.getValue());
    }
    return text.append('}').toString();
  }

  private static final class Node<K, V> {
    final K key;
    final V value;
    final Node<K, V> left;
    final Node<K, V> right;
    final int height;
    final int size;

    Node(K key, V value, Node<K, V> left, Node<K, V> right) {
      this.key = key;
      this.value = value;
      this.left = left;
      this.right = right;
      this.height = 1 + Math.max(height(left), height(right));
      this.size = 1 + size(left) + size(right);
    }
  }

  private static int height(Node<?, ?> n) {
    return n == null ? 0 : n.height;
  }

  private static int size(Node<?, ?> n) {
    return n == null ? 0 : n.size;
  }

  private static <K extends Comparable<? super K>, V> Node<K, V> insert(
      Node<K, V> n, K key, V value) {
    if (n == null) {
      return new Node<>(key, value, null, null);
    }
    int c = key.compareTo(n.key);
    if (c == 0) {
      return value.equals(n.value) ? n : new Node<>(key, value, n.left, n.right);
    }
    if (c < 0) {
      Node<K, V> left = insert(n.left, key, value);
      return left == n.left ? n : balance(n.key, n.value, left, n.right);
    }
    Node<K, V> right = insert(n.right, key, value);
    return right == n.right ? n : balance(n.key, n.value, n.left, right);
  }

  private static <K extends Comparable<? super K>, V> Node<K, V> delete(Node<K, V> n, K key) {
    if (n == null) {
      return null;
    }
    int c = key.compareTo(n.key);
    if (c < 0) {
      Node<K, V> left = delete(n.left, key);
      return left == n.left ? n : balance(n.key, n.value, left, n.right);
    }
    if (c > 0) {
      Node<K, V> right = delete(n.right, key);
      return right == n.right ? n : balance(n.key, n.value, n.left, right);
    }
    if (n.left == null) {
      return n.right;
    }
    if (n.right == null) {
      return n.left;
    }
    Node<K, V> min = n.right;
    while (min.left != null) {
      min = min.left;
    }
    return balance(min.key, min.value, n.left, deleteMin(n.right));
  }

  private static <K, V> Node<K, V> deleteMin(Node<K, V> n) {
    if (n.left == null) {
      return n.right;
    }
    return balance(n.key, n.value, deleteMin(n.left), n.right);
  }

  private static <K, V> Node<K, V> balance(K key, V value, Node<K, V> left, Node<K, V> right) {
    int diff = height(left) - height(right);
    if (diff > 1) {
      if (height(left.left) < height(left.right)) {
        left = rotateLeft(left);
      }
      return rotateRight(new Node<>(key, value, left, right));
    }
    if (diff < -1) {
      if (height(right.right) < height(right.left)) {
        right = rotateRight(right);
      }
      return rotateLeft(new Node<>(key, value, left, right));
    }
    return new Node<>(key, value, left, right);
  }

  private static <K, V> Node<K, V> rotateRight(Node<K, V> n) {
    Node<K, V> l = n.left;
    return new Node<>(l.key, l.value, l.left, new Node<>(n.key, n.value, l.right, n.right));
  }

  private static <K, V> Node<K, V> rotateLeft(Node<K, V> n) {
    Node<K, V> r = n.right;
    return new Node<>(r.key, r.value, new Node<>(n.key, n.value, n.left, r.left), r.right);
  }

  private static final class InOrder<K, V> implements Iterator<Map.Entry<K, V>> {
    private final Deque<Node<K, V>> stack = new ArrayDeque<>();

    InOrder(Node<K, V> root) {
      pushLeft(root);
    }

    private void pushLeft(Node<K, V> n) {
      while (n != null) {
        stack.push(n);
        n = n.left;
      }
    }

    @Override
    public boolean hasNext() {
      return !stack.isEmpty();
    }

    @Override
    public Map.Entry<K, V> next() {
      if (stack.isEmpty()) {
        throw new NoSuchElementException();
      }
      Node<K, V> n = stack.pop();
      pushLeft(n.right);
      return Map.entry(n.key, n.value);
    }
  }
}
