package org.relaxha.core.engine;

/** Why a VM's recovery episode started. */
public enum Cause {
  /** No episode. */
  NONE,
  /** The VM itself was declared down. */
  VM_DOWN,
  /** One of its services could not be restarted. */
  SERVICE_DOWN,
  /** Its host failed. */
  HOST_DOWN,
  /** An administrator asked for it. */
  OPERATOR
}
