package org.relaxha.monitor.nagios.status;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * One block of a Nagios status or object file: {@code hoststatus { ... }} or {@code define host {
 * ... }}, with the line it starts on and its fields in file order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the block's type, e.g. {@code hoststatus} or {@code host}
 * @param line the 1-based line of its opening brace
 * @param fields its fields; a repeated key keeps its last value
 */
public record Block(String type, int line, Map<String, String> fields) {
  /** Validates and wraps the fields (the parser hands over a fresh map). */
  public Block {
    Require.nonNull(type, "type");
    fields = Collections.unmodifiableMap(Require.nonNull(fields, "fields"));
  }

  /** The value of a field, if present. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** The value of a field, or {@code ""}. */
  public String text(String key) {
    return fields.getOrDefault(key, "");
  }

  /** A whole number field, or {@code fallback} when absent or not a number. */
  public long number(String key, long fallback) {
    String value = fields.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      int dot = value.indexOf('.');
      return Long.parseLong(dot < 0 ? value.strip() : value.substring(0, dot).strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** A {@code 0}/{@code 1} flag, or {@code fallback} when absent or malformed. */
  public boolean flag(String key, boolean fallback) {
    long value = number(key, -1);
    return value < 0 ? fallback : value != 0;
  }
}
