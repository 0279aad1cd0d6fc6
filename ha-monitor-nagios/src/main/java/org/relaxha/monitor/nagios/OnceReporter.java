package org.relaxha.monitor.nagios;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each distinct message once (an unmapped Nagios name, a mapped name Nagios does not have),
 * not on every refresh. Remembers at most {@link #MAX_KEYS} keys, then says so once and stays
 * quiet, so a huge Nagios cannot grow it without bound.
 *
 * <p>Thread-safe.
 */
final class OnceReporter {
  static final int MAX_KEYS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(NagiosMonitor.class);

  private final String monitor;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean full = new AtomicBoolean();

  OnceReporter(String monitor) {
    this.monitor = monitor;
  }

  /** Logs {@code message} at INFO if {@code key} was not reported before; returns whether. */
  boolean report(String key, String message) {
    if (seen.contains(key)) {
      return false;
    }
    if (seen.size() >= MAX_KEYS) {
      if (full.compareAndSet(false, true)) {
        LOG.info("{}: more than {} names to report; no more are listed", monitor, MAX_KEYS);
      }
      return false;
    }
    if (seen.add(key)) {
      LOG.info("{}: {} (reported once)", monitor, message);
      return true;
    }
    return false;
  }

  /** Forgets {@code key}, so that it is reported again if it comes back. */
  void forget(String key) {
    seen.remove(key);
  }

  /** The keys reported so far. */
  Set<String> reported() {
    return Set.copyOf(seen);
  }
}
