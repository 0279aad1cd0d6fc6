package org.relaxha.xen;

import java.io.PrintStream;
import java.util.List;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigSection;

/**
 * The {@code libvirt} adapter type of the {@code relaxha} launcher: a {@link LibvirtHypervisor} and
 * (unless {@code events: false}) a {@link LibvirtEventMonitor} sharing one connection per host. The
 * settings are documented in {@code docs/adapters/libvirt.md}; {@code relaxha probe libvirt URI...}
 * prints what libvirt shows at each URI.
 *
 * <p>Stateless and thread-safe.
 */
public final class LibvirtAdapterProvider implements AdapterProvider {
  /** The type name. */
  public static final String TYPE = "libvirt";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Hypervisor and lifecycle-event monitor over libvirt (xen, qemu/kvm, test driver)";
  }

  /** Reads the section; connects to nothing (the components connect when started). */
  @Override
  public List<Object> create(ConfigSection section, AdapterContext context) {
    LibvirtConfig config = LibvirtConfigReader.read(section, context.topology());
    LibvirtAdapter adapter = new LibvirtAdapter(config, context.clock());
    return LibvirtConfigReader.events(section)
        ? adapter.components()
        : List.of(adapter.hypervisor());
  }

  @Override
  public int probe(List<String> args, PrintStream out, PrintStream err) {
    return new LibvirtProbe(out, err).run(args);
  }
}
