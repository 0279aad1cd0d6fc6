package org.relaxha.monitor.ganglia.xml;

/**
 * A document that is not usable Ganglia XML: malformed or truncated XML, bytes that do not match
 * the declared encoding, an unsupported {@code GANGLIA_XML VERSION}, a document over a {@link
 * ParseLimits} limit, or an attribute that should be a number and is not. The message says what was
 * wrong and where (line and column, or byte offset); it never includes more than a short excerpt of
 * the document.
 *
 * <p>Immutable and thread-safe.
 */
public class GangliaXmlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem described by {@code message}. */
  public GangliaXmlException(String message) {
    super(message);
  }

  /** A problem described by {@code message}, caused by {@code cause}. */
  public GangliaXmlException(String message, Throwable cause) {
    super(message, cause);
  }
}
