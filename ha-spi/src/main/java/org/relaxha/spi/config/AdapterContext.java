package org.relaxha.spi.config;

import java.nio.file.Path;
import java.time.InstantSource;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Topology;

/**
 * What an adapter may use while it is created: the configured topology (to map its names to RelaxHA
 * subjects), the controller's single time source, and the state directory (where an adapter may
 * keep files of its own, under a subdirectory named after its type).
 *
 * <p>Immutable and thread-safe.
 */
public record AdapterContext(Topology topology, InstantSource clock, Path stateDirectory) {
  /** Validates every field. */
  public AdapterContext {
    Require.nonNull(topology, "context.topology");
    Require.nonNull(clock, "context.clock");
    Require.nonNull(stateDirectory, "context.stateDirectory");
  }
}
