package org.relaxha.core.journal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Variable-length integers (LEB128, zig-zag for signed values) and strings (modified UTF-8, as
 * {@link DataOutput#writeUTF}, but with a varint length so there is no 64 KiB limit; every {@code
 * char} sequence round-trips, unpaired surrogates included).
 */
final class Wire {
  private Wire() {}

  static void writeVarLong(DataOutput out, long value) throws IOException {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  /** Reads an unsigned varint of at most 10 bytes; returns the raw 64 bits. */
  static long readVarLong(DataInput in) throws IOException {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = in.readUnsignedByte();
      if (shift == 63 && (b & 0xFE) != 0) {
        throw new MalformedException("varint overflows 64 bits");
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new MalformedException("varint longer than 10 bytes");
  }

  static void writeSignedVarLong(DataOutput out, long value) throws IOException {
    writeVarLong(out, (value << 1) ^ (value >> 63));
  }

  static long readSignedVarLong(DataInput in) throws IOException {
    long raw = readVarLong(in);
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Reads a varint that must fit a non-negative int. */
  static int readVarIntNonNegative(DataInput in) throws IOException {
    long raw = readVarLong(in);
    if (raw < 0 || raw > Integer.MAX_VALUE) {
      throw new MalformedException("count or index out of range: " + Long.toUnsignedString(raw));
    }
    return (int) raw;
  }

  static void writeString(DataOutput out, String s) throws IOException {
    int length = s.length();
    int utfLength = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      utfLength += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    writeVarLong(out, utfLength);
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        out.writeByte(c);
      } else if (c <= 0x07FF) {
        out.writeByte(0xC0 | (c >> 6));
        out.writeByte(0x80 | (c & 0x3F));
      } else {
        out.writeByte(0xE0 | (c >> 12));
        out.writeByte(0x80 | ((c >> 6) & 0x3F));
        out.writeByte(0x80 | (c & 0x3F));
      }
    }
  }

  /** Reads a string written by {@link #writeString}; {@code available} bounds the byte count. */
  static String readString(DataInput in, int available) throws IOException {
    int utfLength = readVarIntNonNegative(in);
    if (utfLength > available) {
      throw new MalformedException(
          "string of " + utfLength + " bytes but only " + available + " bytes remain");
    }
    byte[] bytes = new byte[utfLength];
    in.readFully(bytes);
    char[] chars = new char[utfLength];
    int count = 0;
    int i = 0;
    while (i < utfLength) {
      int a = bytes[i] & 0xFF;
      if (a < 0x80 && a != 0) {
        chars[count++] = (char) a;
        i++;
      } else if ((a & 0xE0) == 0xC0) {
        int b = continuation(bytes, i + 1, utfLength);
        chars[count++] = (char) (((a & 0x1F) << 6) | b);
        i += 2;
      } else if ((a & 0xF0) == 0xE0) {
        int b = continuation(bytes, i + 1, utfLength);
        int c = continuation(bytes, i + 2, utfLength);
        chars[count++] = (char) (((a & 0x0F) << 12) | (b << 6) | c);
        i += 3;
      } else {
        throw new MalformedException("bad modified UTF-8 byte 0x" + Integer.toHexString(a));
      }
    }
    return new String(chars, 0, count);
  }

  private static int continuation(byte[] bytes, int index, int length) {
    if (index >= length || (bytes[index] & 0xC0) != 0x80) {
      throw new MalformedException("truncated modified UTF-8 sequence");
    }
    return bytes[index] & 0x3F;
  }

  /**
   * A structural error in the stream; the reader adds the offset and turns it into a codec error.
   */
  static final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }
}
