package org.relaxha.spi.fencing;

import org.relaxha.spi.Require;

/**
 * What a fencing attempt proved.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface FenceResult {

  /** A short explanation for logs and the audit trail. */
  String detail();

  /**
   * The host is proven off (or proven unable to run its VMs).
   *
   * @param method how, e.g. {@code ipmi power off} or {@code hypervisor: all domains destroyed}
   * @param detail the evidence, e.g. {@code chassis power is off}
   */
  record Fenced(String method, String detail) implements FenceResult {
    public Fenced {
      Require.nonBlank(method, "method");
      Require.nonNull(detail, "detail");
    }
  }

  /** This fencer tried and could not prove it; another may. */
  record Failed(String detail) implements FenceResult {
    public Failed {
      Require.nonNull(detail, "detail");
    }
  }

  /** This fencer has nothing to say about that host (not configured for it). */
  record NotApplicable(String detail) implements FenceResult {
    public NotApplicable {
      Require.nonNull(detail, "detail");
    }
  }
}
