package org.relaxha.monitor.nagios;

import java.io.PrintStream;
import java.time.InstantSource;
import java.util.List;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigSection;

/**
 * The {@code nagios} adapter type: one {@link NagiosMonitor} (a Monitor that is also the
 * MonitoringControl) from its configuration section, and {@code relaxha probe nagios STATUS_FILE}.
 * The settings are documented in {@code docs/adapters/nagios.md}; {@link #create} only reads and
 * checks them, nothing is opened before the monitor starts.
 *
 * <p>Stateless and thread-safe.
 */
public final class NagiosAdapterProvider implements AdapterProvider {
  /** The type name. */
  public static final String TYPE = "nagios";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Monitor over Nagios 4 (status.dat, pushed events, external commands,"
        + " dependency write-back)";
  }

  @Override
  public List<Object> create(ConfigSection section, AdapterContext context) {
    NagiosSettings settings = SettingsReader.read(section, context.topology(), TYPE);
    return List.of(new NagiosMonitor(settings, context.topology(), context.clock()));
  }

  /** {@code relaxha probe nagios STATUS_FILE}: prints every host and service the file shows. */
  @Override
  public int probe(List<String> args, PrintStream out, PrintStream err) {
    return StatusProbe.run(args, out, err, InstantSource.system());
  }
}
