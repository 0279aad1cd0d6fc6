package org.relaxha.core.journal;

import java.nio.file.Path;

/**
 * A {@link FileStateStore} could not lock its state directory because another store holds it, in
 * this process or another one. Two controllers must never share a state directory: each would
 * replay and extend a journal the other is writing.
 *
 * <p>Immutable and thread-safe.
 */
public final class StateDirectoryLockedException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final String holder;

  StateDirectoryLockedException(Path directory, String holder) {
    super(
        "state directory "
            + directory
            + " is in use by "
            + holder
            + "; two controllers must never share a state directory. Stop the other controller"
            + " or give this one another directory.");
    this.directory = directory;
    this.holder = holder;
  }

  /** The locked directory. */
  public Path directory() {
    return directory;
  }

  /** Who holds the lock, as recorded in its {@code LOCK} file (pid and start time). */
  public String holder() {
    return holder;
  }
}
