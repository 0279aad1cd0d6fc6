package org.relaxha.monitor.ganglia.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a broken source sends (real gmetad output with bytes flipped, cut, duplicated or
 * inserted), the parser either returns a dump or throws a {@link GangliaXmlException}: never
 * another exception, never a hang.
 */
class GangliaParserPropertyTest {
  private static final byte[] REAL = GangliaParserTest.resource("gmetad-3.7.2.xml");
  private final GangliaParser parser = GangliaParser.ofDefaults();

  /** One edit of the real document. */
  record Edit(int kind, int at, int length, byte value) {
    byte[] apply(byte[] doc) {
      if (doc.length == 0) {
        return doc;
      }
      int pos = Math.min(at, doc.length - 1);
      int len = Math.min(length, doc.length - pos);
      return switch (kind) {
        case 0 -> {
          byte[] copy = doc.clone();
          Arrays.fill(copy, pos, pos + len, value);
          yield copy;
        }
        case 1 -> Arrays.copyOf(doc, pos);
        case 2 -> concat(Arrays.copyOf(doc, pos), Arrays.copyOfRange(doc, pos + len, doc.length));
        default -> {
          byte[] inserted = new byte[len];
          Arrays.fill(inserted, value);
          yield concat(
              concat(Arrays.copyOf(doc, pos), inserted), Arrays.copyOfRange(doc, pos, doc.length));
        }
      };
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }

  @Provide
  Arbitrary<Edit> edits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, REAL.length - 1),
            Arbitraries.integers().between(1, 64),
            Arbitraries.of(
                (byte) 0,
                (byte) '<',
                (byte) '>',
                (byte) '"',
                (byte) '&',
                (byte) 0xC3,
                (byte) 'x',
                (byte) '9'))
        .as(Edit::new);
  }

  @Property(tries = 400)
  void brokenDocumentsYieldADumpOrAClearError(
      @ForAll("edits") Edit first, @ForAll("edits") Edit second) {
    byte[] doc = second.apply(first.apply(REAL));
    try {
      GangliaDump dump = parser.parse(doc);
      assertThat(dump.hosts().size()).isLessThanOrEqualTo(6);
    } catch (GangliaXmlException e) {
      assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(400);
    }
  }
}
