package org.relaxha.monitor.nagios.status;

/**
 * The two block formats Nagios writes: {@code status.dat} ({@code hoststatus {} with {@code
 * key=value} lines) and the object cache ({@code define host {} with {@code key<TAB>value}
 * lines).
 */
public enum Syntax {
  /** {@code status.dat}: {@code type {}, {@code key=value}, {@code }}. */
  STATUS,
  /** {@code objects.cache}: {@code define type {}, {@code key value}, {@code }}. */
  OBJECTS
}
