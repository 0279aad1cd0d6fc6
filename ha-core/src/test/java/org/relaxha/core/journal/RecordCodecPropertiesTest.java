package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.relaxha.core.journal.Fixtures.Box;
import org.relaxha.core.journal.Fixtures.Color;
import org.relaxha.core.journal.Fixtures.Pair;

class RecordCodecPropertiesTest {
  private final RecordCodec codec = RecordCodec.ofDefaults();

  @Property(tries = 500)
  void randomNestedValuesRoundTrip(@ForAll("values") Object value) {
    assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
  }

  @Property(tries = 500)
  void damagedMessagesDecodeOrFailWithACodecException(
      @ForAll("values") Object value,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] bytes = codec.encode(value);
    bytes[position % bytes.length] ^= (byte) mask;
    decodeOrCodecException(bytes);
  }

  @Property(tries = 1000)
  void randomBytesDecodeOrFailWithACodecException(@ForAll @Size(max = 64) byte[] bytes) {
    if (bytes.length > 0) {
      bytes[0] = Tags.FORMAT_VERSION;
    }
    decodeOrCodecException(bytes);
  }

  private void decodeOrCodecException(byte[] bytes) {
    try {
      codec.decode(bytes);
    } catch (CodecException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<Object> values() {
    return value(4);
  }

  private Arbitrary<Object> value(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Object> inner = Arbitraries.lazy(() -> value(depth - 1));
    return Arbitraries.oneOf(
        leaf(),
        leaf(),
        inner.list().ofMaxSize(4).map(list -> (Object) list),
        inner.set().ofMaxSize(4).map(set -> (Object) set),
        Arbitraries.maps(leaf(), inner).ofMaxSize(4).map(map -> (Object) map),
        inner.map(Optional::ofNullable),
        inner.map(Box::new),
        Combinators.combine(inner, inner).as(Pair::new));
  }

  private Arbitrary<Object> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.of(true, false),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.shorts().map(s -> (Object) s),
        Arbitraries.chars().map(c -> (Object) c),
        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.longs()
            .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
            .map(s -> (Object) Instant.ofEpochSecond(s, Math.floorMod(s, 1_000_000_000L))),
        Arbitraries.longs().map(n -> (Object) Duration.ofNanos(n)),
        Arbitraries.of(Color.class).map(c -> (Object) c),
        Arbitraries.longs()
            .injectNull(0.3)
            .map(l -> l == null ? OptionalLong.empty() : OptionalLong.of(l)));
  }
}
