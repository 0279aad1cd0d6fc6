package org.relaxha.core.journal;

/** The one-byte type tags of the {@link RecordCodec} wire format. */
final class Tags {
  static final int FORMAT_VERSION = 1;

  static final int NULL = 0;
  static final int FALSE = 1;
  static final int TRUE = 2;
  static final int INT = 3;
  static final int LONG = 4;
  static final int DOUBLE = 5;
  static final int STRING = 6;
  static final int INSTANT = 7;
  static final int DURATION = 8;
  static final int ENUM = 9;
  static final int OPTIONAL_EMPTY = 10;
  static final int OPTIONAL = 11;
  static final int OPTIONAL_LONG_EMPTY = 12;
  static final int OPTIONAL_LONG = 13;
  static final int LIST = 14;
  static final int SET = 15;
  static final int MAP = 16;
  static final int BYTES = 17;
  static final int RECORD = 18;
  static final int CUSTOM = 19;
  static final int BYTE = 20;
  static final int SHORT = 21;
  static final int CHAR = 22;
  static final int FLOAT = 23;

  /** Values nested deeper than this are refused (a cycle through a mutable collection, or junk). */
  static final int MAX_DEPTH = 512;

  private Tags() {}
}
