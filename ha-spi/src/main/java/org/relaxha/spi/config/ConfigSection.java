package org.relaxha.spi.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of one mapping in the configuration file, with typed getters whose errors name
 * the file, line and field. Adapters read their settings through it and call {@link
 * #rejectUnknownKeys()} at the end so that a misspelt key is an error, not a silent default.
 *
 * <p>Not thread-safe; used on the launcher's main thread only.
 */
public interface ConfigSection {

  /** The dotted path of this section, e.g. {@code adapters[0]}. */
  String path();

  /** The file this section came from. */
  String file();

  /** The line where this section starts. */
  int line();

  /** The keys present in this section. */
  Set<String> keys();

  /** Whether the key is present. */
  boolean has(String key);

  /** A required string. */
  String string(String key);

  /** An optional string. */
  Optional<String> optionalString(String key);

  /** A required integer. */
  int integer(String key);

  /** An integer with a default. */
  int integer(String key, int defaultValue);

  /** A number with a default. */
  double number(String key, double defaultValue);

  /** A boolean with a default. */
  boolean bool(String key, boolean defaultValue);

  /** A duration such as {@code 30s}, {@code 5m}, {@code 1h}, {@code 250ms} or ISO {@code PT30S}. */
  Duration duration(String key, Duration defaultValue);

  /** A required duration. */
  Duration duration(String key);

  /** A list of strings (absent = empty). */
  List<String> strings(String key);

  /** A required nested mapping. */
  ConfigSection section(String key);

  /** An optional nested mapping. */
  Optional<ConfigSection> optionalSection(String key);

  /** A list of mappings (absent = empty). */
  List<ConfigSection> sections(String key);

  /**
   * A secret (password, key passphrase): read from the named environment variable or file when the
   * value is {@code env:NAME} or {@code file:/path}, never echoed in errors or logs.
   */
  Secret secret(String key);

  /** An error about {@code key} in this section, with its line. */
  ConfigException error(String key, String problem);

  /** Fails if the section has a key that was never read. */
  void rejectUnknownKeys();
}
