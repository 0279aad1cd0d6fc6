package org.relaxha.spi.model;

/** A detector's verdict about a subject, which the escalation engine acts on. */
public enum Health {
  /** Recent observations show it alive. */
  UP,
  /** Something is wrong but not yet proven: alarms of what runs on it are muted, nothing acts. */
  SUSPECT,
  /** Declared failed: recovery starts. */
  DOWN,
  /** No usable source covers it right now (never observed, or monitoring lost). */
  UNKNOWN
}
