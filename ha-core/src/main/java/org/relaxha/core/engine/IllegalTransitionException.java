package org.relaxha.core.engine;

/**
 * The engine tried a phase change its transition table does not allow: a bug in the engine, never a
 * consequence of bad input. Carries the subject and both phases.
 */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final String from;
  private final String to;

  IllegalTransitionException(String subject, Enum<?> from, Enum<?> to) {
    super(subject + ": illegal transition " + from + " -> " + to);
    this.subject = subject;
    this.from = from.name();
    this.to = to.name();
  }

  /** The subject's key. */
  public String subject() {
    return subject;
  }

  /** The phase it was in. */
  public String from() {
    return from;
  }

  /** The phase it was asked to move to. */
  public String to() {
    return to;
  }
}
