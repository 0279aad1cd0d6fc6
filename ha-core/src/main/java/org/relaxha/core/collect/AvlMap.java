package org.relaxha.core.collect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The tree representation of {@link PMap}: an AVL tree with path copying, {@code O(log n)} key
 * comparisons per operation. Immutable and thread-safe.
 */
final class AvlMap<K extends Comparable<? super K>, V> extends PMap<K, V> {
  private static final AvlMap<?, ?> EMPTY = new AvlMap<>(null);

  private final Node<K, V> root;

  private AvlMap(Node<K, V> root) {
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  static <K extends Comparable<? super K>, V> AvlMap<K, V> emptyTree() {
    return (AvlMap<K, V>) EMPTY;
  }

  @Override
  public int size() {
    return size(root);
  }

  @Override
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

  @Override
  public AvlMap<K, V> plus(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Node<K, V> updated = insert(root, key, value);
    return updated == root ? this : new AvlMap<>(updated);
  }

  @Override
  public AvlMap<K, V> minus(K key) {
    Objects.requireNonNull(key, "key");
    Node<K, V> updated = delete(root, key);
    return updated == root ? this : new AvlMap<>(updated);
  }

  @Override
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

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return new InOrder<>(root);
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
