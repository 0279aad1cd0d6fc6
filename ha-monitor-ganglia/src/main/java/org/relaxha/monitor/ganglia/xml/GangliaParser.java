package org.relaxha.monitor.ganglia.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.relaxha.spi.Require;

/**
 * Reads one Ganglia XML document (gmond's {@code tcp_accept_channel}, gmetad's XML or interactive
 * port) with StAX, in one pass and without a DOM, keeping for each {@code HOST} only its liveness
 * attributes and the metrics named at construction. {@code GRID}, {@code CLUSTER}, {@code HOST},
 * {@code METRIC} nest as gmetad nests them; {@code EXTRA_DATA}, the summary elements {@code HOSTS}
 * and {@code METRICS}, and elements this version does not know are skipped.
 *
 * <p>Safe against hostile input: DTDs are not processed (the internal subset gmond sends is read
 * and ignored; an entity reference is an error; nothing external is fetched), and {@link
 * ParseLimits} bound the size, host count, nesting and token length. Every content problem is a
 * {@link GangliaXmlException} with a clear message; I/O errors of the stream pass through as {@link
 * IOException}.
 *
 * <p>Thread-safe: a parser may be shared; each {@link #parse} call uses its own reader.
 */
public final class GangliaParser {
  /** The metrics every observation carries when the host reports them. */
  public static final Set<String> STANDARD_METRICS =
      Set.of("load_one", "load_five", "load_fifteen", "cpu_num", "mem_total", "mem_free");

  private final Set<String> metrics;
  private final ParseLimits limits;
  private final XMLInputFactory factory;

  /** A parser keeping {@code metrics} of each host, within {@code limits}. */
  public GangliaParser(Set<String> metrics, ParseLimits limits) {
    this.metrics = Set.copyOf(Require.nonNull(metrics, "metrics"));
    this.limits = Require.nonNull(limits, "limits");
    this.factory = newFactory();
  }

  /** A parser keeping the {@link #STANDARD_METRICS}, with the default limits. */
  public static GangliaParser ofDefaults() {
    return new GangliaParser(STANDARD_METRICS, ParseLimits.ofDefaults());
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLReporter((message, type, info, location) -> {});
    return f;
  }

  /** The metrics kept. */
  public Set<String> metrics() {
    return metrics;
  }

  /** The limits applied. */
  public ParseLimits limits() {
    return limits;
  }

  /**
   * Reads one document from {@code in} to its end (the stream is not closed).
   *
   * @throws GangliaXmlException if the document is not usable Ganglia XML
   * @throws IOException if reading the stream fails (a timeout, a reset connection)
   */
  public GangliaDump parse(InputStream in) throws IOException {
    LimitedInputStream counted = new LimitedInputStream(in, limits);
    EncodingSniffer.Decoded decoded = EncodingSniffer.open(counted);
    XMLStreamReader xml = null;
    try {
      xml = createReader(decoded);
      return new DumpReader(xml, metrics, limits).read(counted::count);
    } catch (XMLStreamException e) {
      throw translate(e, counted, decoded.charset());
    } catch (GangliaXmlException e) {
      throw e;
    } catch (RuntimeException e) {
      // The JDK's reader has thrown unchecked exceptions on some malformed input (for example
      // MissingResourceException for a bad character in the DTD): still the document's fault.
      throw new GangliaXmlException(
          "malformed XML near byte "
              + counted.count()
              + " (the XML reader failed with "
              + ParseText.shorten(e.toString(), 160)
              + ")",
          e);
    } finally {
      closeQuietly(xml);
    }
  }

  /** Reads one document held in memory. */
  public GangliaDump parse(byte[] document) {
    try {
      return parse(new ByteArrayInputStream(document));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  private XMLStreamReader createReader(EncodingSniffer.Decoded decoded) throws XMLStreamException {
    synchronized (factory) {
      return factory.createXMLStreamReader(decoded.reader());
    }
  }

  /** The I/O error under {@code e} to rethrow, or throws the content problem it reports. */
  private static IOException translate(
      XMLStreamException e, LimitedInputStream counted, Charset charset) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof GangliaXmlException g) {
        throw g;
      }
      if (t instanceof CharacterCodingException) {
        throw new GangliaXmlException(
            "bytes that are not valid "
                + charset.name()
                + " (the encoding the document declares or implies) near byte "
                + counted.count(),
            e);
      }
      if (t instanceof IOException io) {
        return io;
      }
    }
    throw new GangliaXmlException(describe(e, counted), e);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof XMLStreamException x && x.getNestedException() != null) {
      return x.getNestedException() == t ? null : x.getNestedException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String describe(XMLStreamException e, LimitedInputStream counted) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int at = message.indexOf("Message: ");
    String reason = ParseText.shorten(at >= 0 ? message.substring(at + 9) : message, 160);
    String where =
        e.getLocation() == null
            ? "at byte " + counted.count()
            : "at line "
                + e.getLocation().getLineNumber()
                + ", column "
                + e.getLocation().getColumnNumber();
    if (counted.ended() && endOfInput(reason)) {
      return "document ends early (truncated after "
          + counted.count()
          + " bytes) "
          + where
          + ": "
          + reason;
    }
    return "malformed XML " + where + ": " + reason;
  }

  /** Whether the XML reader's message says the input ended in the middle of the document. */
  private static boolean endOfInput(String reason) {
    return reason.contains("Premature end of file")
        || reason.contains("must start and end within the same entity")
        || reason.contains("end of file");
  }

  private static void closeQuietly(XMLStreamReader xml) {
    if (xml == null) {
      return;
    }
    try {
      xml.close();
    } catch (XMLStreamException ignored) {
      // Nothing to release beyond the reader itself.
    }
  }
}
