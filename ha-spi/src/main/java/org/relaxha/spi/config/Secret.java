package org.relaxha.spi.config;

import java.util.Arrays;

/**
 * A password or passphrase. {@link #toString()} never shows it, so it cannot leak into a log line
 * or an exception message by accident.
 *
 * <p>Immutable and thread-safe; {@link #reveal()} returns a fresh copy each time.
 */
public final class Secret {
  private final char[] value;
  private final String origin;

  /**
   * @param value the secret itself
   * @param origin where it came from, safe to show ({@code env:IPMI_PASSWORD})
   */
  public Secret(char[] value, String origin) {
    this.value = value.clone();
    this.origin = origin;
  }

  /** A copy of the secret. Callers should clear it when done. */
  public char[] reveal() {
    return value.clone();
  }

  /** Where the secret came from, safe to show. */
  public String origin() {
    return origin;
  }

  /** Whether the secret is empty. */
  public boolean isEmpty() {
    return value.length == 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && Arrays.equals(value, s.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Secret[" + origin + ", ****]";
  }
}
