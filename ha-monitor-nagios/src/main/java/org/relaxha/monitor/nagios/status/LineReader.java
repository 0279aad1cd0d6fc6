package org.relaxha.monitor.nagios.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines of at most {@code maxBytes} bytes (the rest of a longer line is
 * skipped), decoding each as UTF-8 or, when it is not valid UTF-8, as ISO-8859-1 so that every byte
 * still reads as one character. Memory is bounded by its two buffers whatever the input.
 *
 * <p>Not thread-safe.
 */
final class LineReader {
  private final InputStream in;
  private final byte[] chunk = new byte[64 * 1024];
  private final byte[] line;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;
  private int end;
  private int length;
  private int number;
  private boolean truncated;
  private boolean latin1;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.line = new byte[maxBytes];
  }

  /** The next line without its terminator, or {@code null} at the end of the stream. */
  String next() throws IOException {
    length = 0;
    truncated = false;
    boolean any = false;
    while (true) {
      if (pos == end && !fill()) {
        break;
      }
      any = true;
      int newline = indexOfNewline();
      int stop = newline < 0 ? end : newline;
      append(stop);
      pos = newline < 0 ? end : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    if (!any) {
      return null;
    }
    number++;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decode();
  }

  /** The 1-based number of the line {@link #next} returned last. */
  int number() {
    return number;
  }

  /** Whether the last line was longer than the limit and was cut. */
  boolean truncated() {
    return truncated;
  }

  /** Whether the last line was not valid UTF-8 and was read as ISO-8859-1. */
  boolean latin1() {
    return latin1;
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private int indexOfNewline() {
    for (int i = pos; i < end; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int stop) {
    int n = stop - pos;
    int room = line.length - length;
    if (n > room) {
      truncated = true;
      n = room;
    }
    System.arraycopy(chunk, pos, line, length, n);
    length += n;
  }

  private String decode() {
    latin1 = false;
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = line[i] >= 0;
    }
    if (ascii) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      latin1 = true;
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
  }
}
