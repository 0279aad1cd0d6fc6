package org.relaxha.examples.config;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.relaxha.spi.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a configuration comes from and what reading it may consult: the file name shown in errors,
 * the directory that relative paths ({@code file:} secrets, a relative {@code stateDirectory})
 * resolve against, the environment that {@code env:} secrets read, and where warnings go.
 *
 * <p>Immutable and thread-safe if its functions are.
 *
 * @param file the name shown in error messages, as the user gave it
 * @param baseDirectory the directory relative paths resolve against
 * @param environment looks up an environment variable; returns {@code null} when it is not set
 * @param warnings receives warnings (already located: {@code file:line: field: text})
 */
public record ConfigSource(
    String file,
    Path baseDirectory,
    Function<String, String> environment,
    Consumer<String> warnings) {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigSource.class);

  /** Validates every field. */
  public ConfigSource {
    Require.nonBlank(file, "file");
    Require.nonNull(baseDirectory, "baseDirectory");
    Require.nonNull(environment, "environment");
    Require.nonNull(warnings, "warnings");
  }

  /** A file on disk, read with the process environment, warnings logged. */
  public static ConfigSource of(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return new ConfigSource(
        file.toString(), parent == null ? Path.of(".") : parent, System::getenv, LOG::warn);
  }

  /** A configuration held in memory (tests, embedding), relative paths against the working dir. */
  public static ConfigSource inMemory(String name) {
    return new ConfigSource(name, Path.of("").toAbsolutePath(), System::getenv, LOG::warn);
  }

  /** A copy reading environment variables through {@code lookup}. */
  public ConfigSource withEnvironment(Function<String, String> lookup) {
    return new ConfigSource(file, baseDirectory, lookup, warnings);
  }

  /** A copy sending warnings to {@code sink}. */
  public ConfigSource withWarnings(Consumer<String> sink) {
    return new ConfigSource(file, baseDirectory, environment, sink);
  }

  /** Resolves a path from the file against {@link #baseDirectory()}. */
  public Path resolve(String path) {
    return baseDirectory.resolve(path).normalize();
  }
}
