package org.relaxha.spi.config;

import java.io.PrintStream;
import java.util.List;

/**
 * Registers an adapter with the {@code relaxha} launcher. Found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/org.relaxha.spi.config.AdapterProvider}); two
 * providers with one {@link #type()} is a start-up error, never a silent pick.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface AdapterProvider {

  /** The type name used in the configuration's {@code adapters[].type}, e.g. {@code libvirt}. */
  String type();

  /** One line saying what the adapter provides, for {@code relaxha run --help}. */
  String description();

  /**
   * Builds the adapter's components from its configuration section. Each returned object implements
   * one or more SPIs ({@code Monitor}, {@code Hypervisor}, {@code Fencer}, ...). Throws {@link
   * ConfigException} (via {@link ConfigSection#error}) for bad settings; must not connect to
   * anything yet (that happens in the components' {@code start}).
   */
  List<Object> create(ConfigSection section, AdapterContext context);

  /**
   * Runs {@code relaxha probe TYPE ARGS...}: connect, print what the adapter sees, disconnect.
   * Returns the process exit code. The default says the adapter has no probe.
   */
  default int probe(List<String> args, PrintStream out, PrintStream err) {
    err.println("adapter type '" + type() + "' has no probe command");
    return 2;
  }
}
