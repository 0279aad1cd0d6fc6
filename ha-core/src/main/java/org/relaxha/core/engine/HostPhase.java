package org.relaxha.core.engine;

/** Where a host is in failure handling. The legal moves are data: {@link Transitions#HOST}. */
public enum HostPhase {
  /** In service (its health may still be SUSPECT). */
  UP,
  /** Down, but the safety valve holds its fencing. */
  HELD,
  /** Down; being fenced (or waiting to retry). */
  FENCING,
  /** Proven off; its VMs are free to start elsewhere. */
  FENCED
}
