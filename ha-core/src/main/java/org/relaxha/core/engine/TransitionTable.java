package org.relaxha.core.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.relaxha.spi.model.SubjectId;

/**
 * The legal phase changes of one kind of subject, as data. Staying in the same phase is always
 * legal; any change not listed is an {@link IllegalTransitionException}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <P> the phase enum
 */
public final class TransitionTable<P extends Enum<P>> {
  private final Map<P, Set<P>> legal;

  private TransitionTable(Map<P, Set<P>> legal) {
    this.legal = legal;
  }

  /** Starts a table for the phases of {@code type}. */
  static <P extends Enum<P>> Builder<P> of(Class<P> type) {
    return new Builder<>(type);
  }

  /** Whether {@code from -> to} is legal. */
  public boolean allows(P from, P to) {
    return from == to || legal.get(from).contains(to);
  }

  /** The phases reachable from {@code from} in one move. */
  public Set<P> from(P from) {
    return Collections.unmodifiableSet(legal.get(from));
  }

  /** Throws {@link IllegalTransitionException} unless {@code from -> to} is legal. */
  void check(SubjectId subject, P from, P to) {
    if (!allows(from, to)) {
      throw new IllegalTransitionException(subject.key(), from, to);
    }
  }

  static final class Builder<P extends Enum<P>> {
    private final Class<P> type;
    private final Map<P, Set<P>> legal;

    private Builder(Class<P> type) {
      this.type = type;
      this.legal = new EnumMap<>(type);
      for (P p : type.getEnumConstants()) {
        legal.put(p, EnumSet.noneOf(type));
      }
    }

    @SafeVarargs
    final Builder<P> allow(P from, P... to) {
      legal.get(from).addAll(EnumSet.of(to[0], to));
      return this;
    }

    TransitionTable<P> build() {
      Map<P, Set<P>> frozen = new EnumMap<>(type);
      legal.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(EnumSet.copyOf(v))));
      return new TransitionTable<>(frozen);
    }
  }
}
