/**
 * Reading Nagios's own files: a streaming, bounded-memory parser of {@code status.dat} and the
 * object cache ({@link org.relaxha.monitor.nagios.status.BlockParser}), and the values read from
 * them ({@link org.relaxha.monitor.nagios.status.StatusSnapshot}, {@link
 * org.relaxha.monitor.nagios.status.ObjectStatus}, downtimes, comments). Bad input becomes {@link
 * org.relaxha.monitor.nagios.status.ParseProblem}s with their line, never an exception.
 *
 * <p>Everything here is stateless or immutable, and thread-safe unless it says otherwise.
 */
package org.relaxha.monitor.nagios.status;
