package org.relaxha.monitor.ganglia.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a document and enforces two of the {@link ParseLimits}: the total size, and
 * the longest run of bytes without a {@code <} (which bounds what the XML reader must buffer for
 * one attribute value or text node). Remembers whether the end of the stream was reached, so a
 * parse error there can be reported as truncation.
 *
 * <p>Not thread-safe: one parse reads it.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long maxBytes;
  private final int maxTokenBytes;
  private long count;
  private long sinceMarkup;
  private boolean ended;

  LimitedInputStream(InputStream in, ParseLimits limits) {
    super(in);
    this.maxBytes = limits.maxBytes();
    this.maxTokenBytes = limits.maxTokenBytes();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      ended = true;
      return n;
    }
    account(buffer, offset, n);
    return n;
  }

  private void account(byte[] buffer, int offset, int n) {
    count += n;
    if (count > maxBytes) {
      throw new GangliaXmlException(
          "document larger than the limit of " + ParseText.bytes(maxBytes) + " (stopped reading)");
    }
    for (int i = offset; i < offset + n; i++) {
      if (buffer[i] == '<') {
        sinceMarkup = 0;
      } else if (++sinceMarkup > maxTokenBytes) {
        throw new GangliaXmlException(
            "more than "
                + ParseText.bytes(maxTokenBytes)
                + " without markup at byte "
                + (count - n + (i - offset))
                + ": not Ganglia XML");
      }
    }
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] sink = new byte[(int) Math.min(8192, Math.max(0, n))];
    int read = read(sink, 0, sink.length);
    return Math.max(0, read);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  /** Whether the underlying stream reported its end. */
  boolean ended() {
    return ended;
  }
}
