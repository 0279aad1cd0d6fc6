package org.relaxha.core.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Values for codec and store tests. */
final class Fixtures {
  private Fixtures() {}

  enum Color {
    RED,
    GREEN {
      @Override
      public String toString() {
        return "green, with a constant-specific body";
      }
    },
    BLUE
  }

  sealed interface Shape permits Circle, Square, Group {}

  record Circle(double radius) implements Shape {}

  record Square(long side) implements Shape {}

  record Group(String name, List<Shape> members) implements Shape {}

  record Drawing(
      String title,
      List<Shape> shapes,
      Map<String, Shape> byName,
      Optional<Shape> focus,
      Color color,
      Object note) {}

  /** A record whose constructor validates. */
  record Positive(int value) {
    Positive {
      if (value <= 0) {
        throw new IllegalArgumentException("value must be > 0, was " + value);
      }
    }
  }

  record Pair(Object left, Object right) {}

  record Box(Object value) {}

  record Event(long id, String what, Instant at, Duration took) {}

  /** A class the codec does not know; tests register it. */
  static final class Counter {
    final String name;
    final long count;

    Counter(String name, long count) {
      this.name = Objects.requireNonNull(name);
      this.count = count;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Counter
          && ((Counter) o).name.equals(name)
          && ((Counter) o).count == count;
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, count);
    }

    @Override
    public String toString() {
      return name + "=" + count;
    }
  }

  /** An interface registered once for all its implementations. */
  interface Tally {
    List<String> items();
  }

  record SmallTally(List<String> items) implements Tally {}

  record BigTally(List<String> items, String label) implements Tally {}

  static RecordCodec codecWithCustomTypes() {
    return RecordCodec.builder()
        .register(
            Counter.class,
            (counter, out) -> {
              out.data().writeUTF(counter.name);
              out.data().writeLong(counter.count);
            },
            in -> new Counter(in.data().readUTF(), in.data().readLong()))
        .register(
            Tally.class,
            (tally, out) -> {
              out.writeCount(tally.items().size());
              for (String item : tally.items()) {
                out.writeValue(item);
              }
            },
            in -> {
              int n = in.readCount();
              String[] items = new String[n];
              for (int i = 0; i < n; i++) {
                items[i] = in.readValue(String.class);
              }
              return new SmallTally(List.of(items));
            })
        .build();
  }

  /** Hand-built codec messages, for tests of what the codec refuses. */
  static final class Bytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    static Bytes message() {
      return new Bytes().u8(Tags.FORMAT_VERSION);
    }

    Bytes u8(int value) {
      try {
        out.writeByte(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** A new dictionary name: reference 0, then the string (ASCII, under 128 bytes). */
    Bytes name(String name) {
      byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
      u8(0).u8(ascii.length);
      for (byte b : ascii) {
        u8(b);
      }
      return this;
    }

    byte[] build() {
      return bytes.toByteArray();
    }
  }
}
