package org.relaxha.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.Function;
import org.relaxha.examples.adapters.AdapterRegistry;
import org.relaxha.examples.adapters.Adapters;
import org.relaxha.examples.config.SiteConfig;
import org.relaxha.spi.Require;
import org.relaxha.spi.config.AdapterContext;

/**
 * What every launcher command works with: the adapter registry, the controller seams, the output
 * streams, the clock and the environment. {@link Relaxha#main} uses the real ones; tests pass their
 * own.
 *
 * <p>Immutable; thread-safe if its parts are.
 *
 * @param registry the adapter providers
 * @param wiring the seams to the controller
 * @param out standard output
 * @param err standard error
 * @param clock the time source handed to adapters and the controller
 * @param environment looks up environment variables ({@code env:} secrets); {@code null} if unset
 */
public record LauncherContext(
    AdapterRegistry registry,
    ControllerWiring wiring,
    PrintStream out,
    PrintStream err,
    InstantSource clock,
    Function<String, String> environment) {

  /** Validates every field. */
  public LauncherContext {
    Require.nonNull(registry, "registry");
    Require.nonNull(wiring, "wiring");
    Require.nonNull(out, "out");
    Require.nonNull(err, "err");
    Require.nonNull(clock, "clock");
    Require.nonNull(environment, "environment");
  }

  /** The process's context: discovered providers, unwired seams, System.out/err, system clock. */
  public static LauncherContext ofSystem() {
    return new LauncherContext(
        AdapterRegistry.discover(),
        new ControllerWiring(),
        System.out,
        System.err,
        InstantSource.system(),
        System::getenv);
  }

  /** A copy with other seams to the controller. */
  public LauncherContext withWiring(ControllerWiring other) {
    return new LauncherContext(registry, other, out, err, clock, environment);
  }

  /** Loads and validates a configuration file against the registry's adapter types. */
  public SiteConfig loadConfig(Path file) {
    return registry.loader().withEnvironment(environment).load(file);
  }

  /** Loads a configuration file and creates its adapters without starting them. */
  public LoadedSite loadSite(Path file) {
    SiteConfig config = loadConfig(file);
    AdapterContext context = config.adapterContext(clock);
    Adapters adapters = registry.instantiate(config, context);
    return new LoadedSite(config, context, adapters);
  }
}
