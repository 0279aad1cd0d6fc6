package org.relaxha.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Function;
import org.relaxha.examples.adapters.AdapterRegistry;

/**
 * The launcher as a person runs it, with its standard output and error captured as text: the
 * adapters on the class path, the system clock, and an environment given by the test. Not
 * thread-safe; one per test.
 */
final class CapturedLauncher {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** A context writing to this object's buffers. */
  LauncherContext context(ControllerWiring wiring, Function<String, String> environment) {
    return new LauncherContext(
        AdapterRegistry.discover(),
        wiring,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        InstantSource.system(),
        environment);
  }

  /** Runs {@code relaxha args} with an empty environment; returns the exit code. */
  int run(String... args) {
    return Relaxha.execute(context(new ControllerWiring(), Map.<String, String>of()::get), args);
  }

  /** Everything written to standard output so far. */
  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Everything written to standard error so far. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what was written so far. */
  void reset() {
    out.reset();
    err.reset();
  }
}
