package org.relaxha.core.runtime;

import java.util.ArrayList;
import java.util.List;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.storage.StorageBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starting and closing adapters, with errors that name the adapter. */
final class Adapters {
  private static final Logger LOG = LoggerFactory.getLogger(Adapters.class);

  private Adapters() {}

  /** Starts hypervisors and storage; on a failure closes what started and throws naming it. */
  static void startAll(Wiring wiring) {
    List<AutoCloseable> startedOnes = new ArrayList<>();
    try {
      for (Hypervisor h : wiring.hypervisors()) {
        start("hypervisor " + h.name(), h::start);
        startedOnes.add(h);
      }
      if (wiring.storage().isPresent()) {
        StorageBackend s = wiring.storage().get();
        start("storage " + s.name(), s::start);
        startedOnes.add(s);
      }
    } catch (RuntimeException e) {
      for (AutoCloseable c : startedOnes) {
        closeQuietly(c::close, c.toString());
      }
      throw e;
    }
  }

  private static void start(String what, Runnable start) {
    try {
      start.run();
    } catch (RuntimeException e) {
      throw new IllegalStateException(what + " cannot start: " + e.getMessage(), e);
    }
  }

  static void closeAll(Wiring wiring) {
    for (Hypervisor h : wiring.hypervisors()) {
      closeQuietly(h::close, "hypervisor " + h.name());
    }
    wiring.storage().ifPresent(s -> closeQuietly(s::close, "storage " + s.name()));
  }

  interface Closer {
    void close() throws Exception;
  }

  static void closeQuietly(Closer closer, String what) {
    try {
      closer.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", what, e);
    }
  }
}
