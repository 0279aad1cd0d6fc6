package org.relaxha.spi.notify;

/** How urgent a notification is. */
public enum Severity {
  /** Something RelaxHA did, for the record (a VM recovered). */
  INFO,
  /** Something an administrator should look at (fencing held, a VM waits for capacity). */
  WARNING,
  /** RelaxHA gave up; a human must act. */
  CRITICAL
}
