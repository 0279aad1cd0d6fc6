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

  /**
   * The same table as bits: bit {@code to.ordinal()} of {@code mask[from.ordinal()]}. Every write
   * of a record is checked, so the check is one array read and a shift.
   */
  private final long[] mask;

  private TransitionTable(Map<P, Set<P>> legal, int phases) {
    this.legal = legal;
    this.mask = new long[phases];
    legal.forEach((from, to) -> to.forEach(p -> mask[from.ordinal()] |= 1L << p.ordinal()));
  }

  /** Starts a table for the phases of {@code type}. */
  static <P extends Enum<P>> Builder<P> of(Class<P> type) {
    return new Builder<>(type);
  }

  /** Whether {@code from -> to} is legal. */
  public boolean allows(P from, P to) {
    return from == to || (mask[from.ordinal()] & (1L << to.ordinal())) != 0;
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
      Set<P> allowed = legal.get(from);
      for (P p : to) {
        allowed.add(p);
      }
      return this;
    }

    TransitionTable<P> build() {
      Map<P, Set<P>> frozen = new EnumMap<>(type);
      legal.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(EnumSet.copyOf(v))));
      P[] phases = type.getEnumConstants();
      if (phases.length > Long.SIZE) {
        throw new IllegalArgumentException(type + " has more than 64 phases");
      }
      return new TransitionTable<>(frozen, phases.length);
    }
  }
}
