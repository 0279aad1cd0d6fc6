package org.relaxha.core.journal;

/**
 * A {@link StateStore} could not do its job: a file or directory could not be created, written,
 * forced or read. The message names the path. Subclasses report a damaged journal ({@link
 * JournalCorruptedException}) and a state directory in use by another controller ({@link
 * StateDirectoryLockedException}).
 *
 * <p>Unchecked: the controller cannot go on without durable state, and callers rarely can do more
 * than stop and report.
 */
public class StateStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public StateStoreException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
