package org.relaxha.monitor.nagios.status;

/**
 * Which Nagios hosts and services a reader keeps, so that a snapshot of a huge {@code status.dat}
 * holds only what is mapped. The objects it does not want are passed to {@link #unwanted}, once per
 * file pass, so the caller can report unmapped names.
 *
 * <p>Implementations are called from the reading thread only.
 */
public interface Interest {

  /** Whether to keep the state of this host or service. */
  boolean wants(NagiosObject object);

  /** Called for each host or service in the file that is not wanted. */
  default void unwanted(NagiosObject object) {}

  /** Every object. */
  static Interest all() {
    return object -> true;
  }
}
