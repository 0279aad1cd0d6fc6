package org.relaxha.core.journal;

/**
 * A value could not be encoded (its type is not supported or not allowed) or bytes could not be
 * decoded (unknown or disallowed class, malformed or truncated stream). The message names the class
 * or the byte offset, counted from the start of the encoded message.
 *
 * <p>Unchecked: encoding an unsupported value is a programming error, and the journal turns a
 * decoding failure into a {@link JournalCorruptedException} with the file and offset.
 */
public class CodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public CodecException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
