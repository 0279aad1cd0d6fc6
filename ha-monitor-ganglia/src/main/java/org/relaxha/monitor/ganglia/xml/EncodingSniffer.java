package org.relaxha.monitor.ganglia.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides a document's encoding from its byte-order mark or XML declaration (gmond and gmetad
 * declare ISO-8859-1) and decodes it strictly, so that bytes which do not match the declared
 * encoding are an error that says so, rather than something the XML reader reports on standard
 * error.
 *
 * <p>Stateless.
 */
final class EncodingSniffer {
  private static final int HEAD = 256;
  private static final Pattern ENCODING =
      Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private EncodingSniffer() {}

  /** The decoded document, its encoding detected from its first bytes. */
  static Decoded open(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 8192);
    buffered.mark(HEAD);
    byte[] head = buffered.readNBytes(HEAD);
    buffered.reset();
    Detected detected = detect(head);
    buffered.skipNBytes(detected.bom());
    CharsetDecoder decoder =
        detected
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new Decoded(new InputStreamReader(buffered, decoder), detected.charset());
  }

  /** A reader over the document and the charset it decodes. */
  record Decoded(Reader reader, Charset charset) {}

  private record Detected(Charset charset, int bom) {}

  private static Detected detect(byte[] head) {
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      return new Detected(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(head, 0xFE, 0xFF)) {
      return new Detected(StandardCharsets.UTF_16BE, 2);
    }
    if (startsWith(head, 0xFF, 0xFE)) {
      return new Detected(StandardCharsets.UTF_16LE, 2);
    }
    if (startsWith(head, 0x00, '<', 0x00, '?')) {
      return new Detected(StandardCharsets.UTF_16BE, 0);
    }
    if (startsWith(head, '<', 0x00, '?', 0x00)) {
      return new Detected(StandardCharsets.UTF_16LE, 0);
    }
    Matcher declared = ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
    return new Detected(declared.find() ? charset(declared.group(1)) : StandardCharsets.UTF_8, 0);
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new GangliaXmlException(
          "unsupported encoding " + ParseText.quote(name) + " in the XML declaration");
    }
  }

  private static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
