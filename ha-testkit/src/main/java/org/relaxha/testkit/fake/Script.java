package org.relaxha.testkit.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * Scripted results per key: each call takes the next one, and the last one repeats. Thread-safe.
 */
final class Script<K, R> {
  private final Map<K, Deque<R>> scripts = new HashMap<>();

  synchronized void set(K key, List<R> results) {
    Require.nonNull(key, "key");
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a script needs at least one result");
    }
    results.forEach(r -> Require.nonNull(r, "result"));
    scripts.put(key, new ArrayDeque<>(results));
  }

  synchronized Optional<R> next(K key) {
    Deque<R> results = scripts.get(key);
    if (results == null) {
      return Optional.empty();
    }
    return Optional.of(results.size() > 1 ? results.removeFirst() : results.getFirst());
  }

  synchronized void clear() {
    scripts.clear();
  }
}
