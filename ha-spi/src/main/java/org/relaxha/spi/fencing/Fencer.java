package org.relaxha.spi.fencing;

import org.relaxha.spi.model.Host;

/**
 * Proves a host off. The controller tries its fencers in the configured order until one returns
 * {@link FenceResult.Fenced}; until then, no VM of the host starts anywhere else.
 *
 * <p>Idempotent: fencing a host that is already off returns Fenced. Implementations are
 * thread-safe; see the package documentation for blocking.
 */
public interface Fencer {

  /** A short unique name for logs, e.g. {@code ipmi}. */
  String name();

  /** Powers the host off (or otherwise isolates it) and reports what was proven. */
  FenceResult fence(Host host);
}
