package org.relaxha.monitor.ganglia;

import java.io.PrintStream;
import java.util.List;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigSection;

/**
 * The {@code ganglia} adapter type: one {@link GangliaMonitor} per configuration entry, and {@code
 * relaxha probe ganglia HOST:PORT}. The settings are documented in docs/adapters/ganglia.md; every
 * one is checked here, with the file, line and field of the first problem.
 *
 * <p>Stateless and thread-safe.
 */
public final class GangliaProvider implements AdapterProvider {
  /** The type name. */
  public static final String TYPE = "ganglia";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Monitor: host and VM liveness (TN/TMAX) and load from Ganglia gmond/gmetad XML";
  }

  @Override
  public List<Object> create(ConfigSection section, AdapterContext context) {
    GangliaConfig config = ConfigReader.read(section, context.topology());
    return List.of(new GangliaMonitor(config, context.topology(), context.clock()));
  }

  @Override
  public int probe(List<String> args, PrintStream out, PrintStream err) {
    return GangliaProbe.run(args, out, err);
  }
}
