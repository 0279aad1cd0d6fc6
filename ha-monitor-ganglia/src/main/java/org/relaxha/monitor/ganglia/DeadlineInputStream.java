package org.relaxha.monitor.ganglia;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input that must be read completely by a deadline: before each read it shortens the
 * socket's read timeout to the time left, so a source that trickles one byte a second cannot hold a
 * poll beyond its timeout. Counts the bytes read, for the error message.
 *
 * <p>Not thread-safe: one poll reads it.
 */
final class DeadlineInputStream extends FilterInputStream {
  private final Socket socket;
  private final long deadline;
  private final Duration timeout;
  private long count;

  DeadlineInputStream(Socket socket, long deadline, Duration timeout) throws IOException {
    super(socket.getInputStream());
    this.socket = socket;
    this.deadline = deadline;
    this.timeout = timeout;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timedOut();
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    try {
      int n = super.read(buffer, offset, length);
      count += Math.max(0, n);
      return n;
    } catch (SocketTimeoutException e) {
      throw timedOut();
    }
  }

  private SocketTimeoutException timedOut() {
    return new SocketTimeoutException(
        "no complete document within the timeout of "
            + Polls.seconds(timeout)
            + " (read "
            + count
            + " bytes)");
  }
}
