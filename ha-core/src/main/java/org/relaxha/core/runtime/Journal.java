package org.relaxha.core.runtime;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.relaxha.core.engine.Engine;
import org.relaxha.core.engine.EngineState;
import org.relaxha.core.engine.Input;
import org.relaxha.core.journal.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's use of its {@link StateStore}: recover the engine state at start (snapshot plus
 * replayed inputs, fitted to the current topology), append each state-changing input before its
 * commands run, snapshot every {@code snapshotEvery} entries. After a failed append it refuses all
 * further appends, so no command runs on an input that might not be durable.
 *
 * <p>Not thread-safe: confined to the controller's loop (and to start and close).
 */
final class Journal {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Supplier<StateStore> factory;
  private final int snapshotEvery;
  private StateStore store;
  private long sequence;
  private long sinceSnapshot;
  private boolean broken;

  Journal(Supplier<StateStore> factory, int snapshotEvery) {
    this.factory = factory;
    this.snapshotEvery = snapshotEvery;
  }

  /** Opens the store and rebuilds the state; recovery warnings go to {@code warnings}. */
  EngineState recover(Engine engine, Instant now, List<String> warnings) {
    store = factory.get();
    StateStore.Recovery recovery = store.recover();
    warnings.addAll(recovery.warnings());
    recovery.warnings().forEach(w -> LOG.warn("journal recovery: {}", w));
    // Without a snapshot, the journal starts from the first controller's initial state, made when
    // it started, before its first input: replaying from a state made now would decide every
    // journaled input at the restart's instant (timers not yet due, budget windows shifted) and
    // diverge from what was decided and done.
    Instant origin =
        recovery.entries().isEmpty() ? now : ((Input) recovery.entries().get(0).value()).at();
    Instant initial = origin.isBefore(now) ? origin : now;
    EngineState s =
        recovery.state().map(EngineState.class::cast).orElseGet(() -> engine.initialState(initial));
    for (StateStore.Entry e : recovery.entries()) {
      s = engine.step(s, (Input) e.value()).state();
    }
    EngineState state = engine.adopt(s);
    sequence = recovery.lastSeq();
    sinceSnapshot = recovery.entries().size();
    if (!recovery.entries().isEmpty() || recovery.state().isPresent()) {
      LOG.info(
          "recovered engine state: snapshot at seq {}, {} journal entries replayed, {} commands in flight",
          recovery.snapshotSeq(),
          recovery.entries().size(),
          state.inflight().size());
    }
    return state;
  }

  /**
   * Makes {@code input} durable; false if it could not (the controller then withholds its
   * commands). Snapshots {@code next} when enough entries have accumulated.
   */
  boolean append(Input input, EngineState next, List<String> warnings) {
    // The snapshot at this input's sequence number holds the state after the input: {@code next}.
    if (broken) {
      return false;
    }
    try {
      sequence = store.append(input);
    } catch (RuntimeException e) {
      broken = true;
      LOG.error("cannot journal; no further action will be taken until the controller restarts", e);
      warnings.add("journal failed: " + e.getMessage() + "; commands withheld until restart");
      return false;
    }
    if (++sinceSnapshot >= snapshotEvery) {
      snapshot(next);
    }
    return true;
  }

  /** Snapshots {@code state} if anything was journaled since the last snapshot. */
  void snapshotIfBehind(EngineState state) {
    if (sinceSnapshot > 0 && !broken) {
      snapshot(state);
    }
  }

  private void snapshot(EngineState state) {
    try {
      store.snapshot(sequence, state);
      sinceSnapshot = 0;
    } catch (RuntimeException e) {
      LOG.warn("snapshot failed; the journal keeps everything", e);
    }
  }

  long sequence() {
    return sequence;
  }

  void close() {
    if (store != null) {
      Adapters.closeQuietly(store::close, "state store");
    }
  }
}
