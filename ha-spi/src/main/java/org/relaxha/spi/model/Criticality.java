package org.relaxha.spi.model;

/**
 * How much a subject matters, which sets how often it is checked and how fast it is declared down.
 * The GHAX paper used three classes checked every 20 s, 40 s and 60 s; the detection policy in
 * ha-core holds those defaults and lets a site change them.
 */
public enum Criticality {
  /** Checked most often (default every 20 s). */
  HIGH,
  /** Default class (checked every 40 s). */
  MEDIUM,
  /** Checked least often (default every 60 s). */
  LOW
}
