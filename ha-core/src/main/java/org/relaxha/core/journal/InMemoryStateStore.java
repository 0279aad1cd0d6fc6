package org.relaxha.core.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * A {@link StateStore} in memory, for tests and the simulator. It keeps encoded bytes, not the
 * values themselves, so every value goes through the {@link RecordCodec} exactly as with {@link
 * FileStateStore}, and a value that would not survive a real restart does not survive {@link
 * #reopen()} either. Nothing survives the JVM.
 *
 * <p>Thread-safe: methods are serialized on the shared contents; meant for a single writer.
 */
public final class InMemoryStateStore implements StateStore {
  private final RecordCodec codec;
  private final Contents contents;
  private boolean recovered;
  private boolean closed;

  private InMemoryStateStore(RecordCodec codec, Contents contents) {
    this.codec = codec;
    this.contents = contents;
  }

  /** An empty store using {@code codec}. */
  public static InMemoryStateStore create(RecordCodec codec) {
    return new InMemoryStateStore(Require.nonNull(codec, "codec"), new Contents());
  }

  /** An empty store using the default codec. */
  public static InMemoryStateStore create() {
    return create(RecordCodec.ofDefaults());
  }

  /**
   * Closes this store and returns a new one over the same contents, as a restarted controller would
   * find them; call {@link #recover()} on it.
   */
  public InMemoryStateStore reopen() {
    close();
    return new InMemoryStateStore(codec, contents);
  }

  @Override
  public Recovery recover() {
    synchronized (contents) {
      if (recovered || closed) {
        throw new IllegalStateException("recover() is called once, right after create or reopen");
      }
      recovered = true;
      Optional<Object> state =
          contents.snapshot == null
              ? Optional.empty()
              : Optional.of(codec.decode(contents.snapshot));
      List<Entry> entries = new ArrayList<>(contents.entries.size());
      long seq = contents.snapshotSeq;
      for (byte[] bytes : contents.entries) {
        entries.add(new Entry(++seq, codec.decode(bytes)));
      }
      return new Recovery(state, contents.snapshotSeq, entries, List.of());
    }
  }

  @Override
  public long append(Object value) {
    synchronized (contents) {
      requireReady();
      Require.nonNull(value, "value");
      byte[] bytes = codec.encode(value);
      contents.entries.add(bytes);
      return contents.lastSeq();
    }
  }

  @Override
  public void snapshot(long seq, Object state) {
    synchronized (contents) {
      requireReady();
      Require.nonNull(state, "state");
      if (seq <= contents.snapshotSeq || seq > contents.lastSeq()) {
        throw new IllegalArgumentException(
            "snapshot seq must be after the newest snapshot ("
                + contents.snapshotSeq
                + ") and at most the last appended seq ("
                + contents.lastSeq()
                + "), was "
                + seq);
      }
      byte[] bytes = codec.encode(state);
      contents.entries.subList(0, (int) (seq - contents.snapshotSeq)).clear();
      contents.snapshot = bytes;
      contents.snapshotSeq = seq;
    }
  }

  @Override
  public void close() {
    synchronized (contents) {
      closed = true;
    }
  }

  private void requireReady() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
    if (!recovered) {
      throw new IllegalStateException("call recover() first");
    }
  }

  /** What survives a reopen. Guarded by itself. */
  private static final class Contents {
    private final List<byte[]> entries = new ArrayList<>();
    private byte[] snapshot;
    private long snapshotSeq;

    long lastSeq() {
      return snapshotSeq + entries.size();
    }
  }
}
