package org.relaxha.core.engine;

import java.util.List;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;

/**
 * The result of one engine step: the next state, the commands to carry out in order, and the
 * decisions taken with their reasons. {@link #changed()} is false when the input changed nothing
 * (the state is then the very same object), so the shell need not journal it; {@link #touched()}
 * names the subjects whose records changed.
 *
 * <p>Immutable and thread-safe.
 */
public record Step(
    EngineState state,
    List<Command> commands,
    List<Decision> decisions,
    boolean changed,
    Set<SubjectId> touched) {
  /** Validates and copies. */
  public Step {
    Require.nonNull(state, "state");
    commands = List.copyOf(Require.nonNull(commands, "commands"));
    decisions = List.copyOf(Require.nonNull(decisions, "decisions"));
    touched = SubjectSet.copyOf(Require.nonNull(touched, "touched"));
  }
}
