package org.relaxha.monitor.nagios.event;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One client connection of the {@link EventServer}: reads one line, hands the event to the handler,
 * writes the answer, closes.
 *
 * <p>Not thread-safe: used on the server's thread only.
 */
final class EventConnection {
  private final ByteBuffer in = ByteBuffer.allocate(NagiosEvent.MAX_LINE_BYTES + 1);
  private final long opened = System.nanoTime();
  private ByteBuffer out;

  /** Reads or writes as the key is ready. */
  void ready(SelectionKey key, EventServer.Handler handler) throws IOException {
    SocketChannel channel = (SocketChannel) key.channel();
    if (out != null) {
      channel.write(out);
      if (!out.hasRemaining()) {
        drop(key);
      }
      return;
    }
    int n = channel.read(in);
    int newline = indexOfNewline();
    if (newline >= 0) {
      answer(key, process(newline, handler));
    } else if (!in.hasRemaining()) {
      answer(key, "error: line longer than " + NagiosEvent.MAX_LINE_BYTES + " bytes");
    } else if (n < 0) {
      answer(key, "error: connection closed before a complete line");
    }
  }

  private String process(int newline, EventServer.Handler handler) {
    String line;
    try {
      line = decode(newline);
    } catch (CharacterCodingException e) {
      line = new String(in.array(), 0, newline, StandardCharsets.ISO_8859_1);
    }
    try {
      String refused = handler.handle(NagiosEvent.decode(line));
      return refused == null ? "ok" : "error: " + refused;
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  private String decode(int newline) throws CharacterCodingException {
    int end = newline > 0 && in.get(newline - 1) == '\r' ? newline - 1 : newline;
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(in.array(), 0, end))
        .toString();
  }

  private int indexOfNewline() {
    for (int i = 0; i < in.position(); i++) {
      if (in.get(i) == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void answer(SelectionKey key, String reply) throws IOException {
    String safe = reply.replace('\n', ' ');
    out = ByteBuffer.wrap((safe + "\n").getBytes(StandardCharsets.UTF_8));
    key.interestOps(SelectionKey.OP_WRITE);
    ready(key, null);
  }

  /** Closes connections open longer than {@code limitMillis}. */
  static void expire(Selector selector, long limitMillis) {
    long now = System.nanoTime();
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof EventConnection c
          && now - c.opened > limitMillis * 1_000_000) {
        drop(key);
      }
    }
  }

  /** Cancels the key and closes its channel, quietly. */
  static void drop(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException e) {
      // closing a client connection: nothing left to do
    }
  }
}
