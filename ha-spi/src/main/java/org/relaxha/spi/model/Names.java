package org.relaxha.spi.model;

import java.util.regex.Pattern;

/** Validation of subject names, shared by the identifier records. */
final class Names {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,252}");

  private Names() {}

  static String check(String name, String field) {
    if (name == null) {
      throw new NullPointerException(field + " must not be null");
    }
    if (!VALID.matcher(name).matches()) {
      throw new IllegalArgumentException(
          field
              + " must start with a letter or digit and use only letters, digits and ._@+- (max 253),"
              + " was '"
              + name
              + "'");
    }
    return name;
  }
}
