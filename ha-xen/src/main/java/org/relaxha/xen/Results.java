package org.relaxha.xen;

import java.util.Set;
import org.relaxha.spi.model.ActionResult;

/**
 * Turns the outcome of a libvirt call into an {@link ActionResult}: no answer (timeout, no
 * connection, a connection-level libvirt error) is Unreachable; libvirt's refusal is Failed,
 * retryable when the same call may succeed soon. The detail names the host, the VM and libvirt's
 * error code. Stateless and thread-safe.
 */
final class Results {
  /** Codes after which the same call may well succeed a moment later. */
  private static final Set<String> RETRYABLE =
      Set.of(
          "VIR_ERR_OPERATION_INVALID",
          "VIR_ERR_OPERATION_FAILED",
          "VIR_ERR_INTERNAL_ERROR",
          "VIR_ERR_RESOURCE_BUSY",
          "VIR_ERR_OPERATION_ABORTED",
          "VIR_ERR_AGENT_UNRESPONSIVE");

  private Results() {}

  static ActionResult of(LibvirtCalls.Outcome<? extends ActionResult> outcome) {
    if (outcome instanceof LibvirtCalls.Outcome.Ok<? extends ActionResult> ok) {
      return ok.value();
    }
    return failure(outcome);
  }

  /** The result of an outcome that is not {@link LibvirtCalls.Outcome.Ok}. */
  static ActionResult failure(LibvirtCalls.Outcome<?> outcome) {
    if (outcome instanceof LibvirtCalls.Outcome.Unreachable<?> u) {
      return ActionResult.unreachable(u.reason());
    }
    LibvirtError error = ((LibvirtCalls.Outcome.Failed<?>) outcome).error();
    if (error.connectionLevel()) {
      return ActionResult.unreachable(error.describe());
    }
    return new ActionResult.Failed(error.describe(), RETRYABLE.contains(error.code()));
  }
}
