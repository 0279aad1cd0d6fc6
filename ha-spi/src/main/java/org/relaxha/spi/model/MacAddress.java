package org.relaxha.spi.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 48-bit MAC address in canonical lower-case colon form ({@code 52:54:00:12:34:56}). A VM's MAC
 * identifies it to PXE reinstallation and to monitors that know VMs by address.
 *
 * <p>Immutable and thread-safe.
 */
public record MacAddress(String value) {
  private static final Pattern FORM = Pattern.compile("([0-9a-f]{2}[:-]){5}[0-9a-f]{2}");

  /** Accepts colon or dash separators in either case and stores the canonical form. */
  public MacAddress {
    if (value == null) {
      throw new NullPointerException("mac must not be null");
    }
    value = value.toLowerCase(Locale.ROOT);
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "mac must look like 52:54:00:12:34:56, was '" + value + "'");
    }
    value = value.replace('-', ':');
  }

  /** Parses a MAC address. */
  public static MacAddress of(String value) {
    return new MacAddress(value);
  }

  /** The address in the {@code 01-aa-bb-cc-dd-ee-ff} form PXELINUX uses for its config files. */
  public String pxelinuxName() {
    return "01-" + value.replace(':', '-');
  }

  @Override
  public String toString() {
    return value;
  }
}
