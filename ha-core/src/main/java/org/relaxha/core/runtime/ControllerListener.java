package org.relaxha.core.runtime;

import org.relaxha.core.detect.Verdict;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.Decision;
import org.relaxha.core.engine.Input;

/**
 * Callbacks for embedders that want to follow the controller (dashboards, audit, tests). Called on
 * the controller's loop thread, in order; implementations must return quickly and must not call
 * back into the controller synchronously. An exception thrown here is logged and ignored.
 */
public interface ControllerListener {

  /** A detector's verdict reached the engine. */
  default void onVerdict(Verdict verdict) {}

  /** The engine decided something. */
  default void onDecision(Decision decision) {}

  /** A command is being carried out (or re-issued after a restart). */
  default void onCommand(Command command) {}

  /** An input was journaled and applied (verdicts, outcomes, timers, operator actions). */
  default void onInput(Input input) {}
}
