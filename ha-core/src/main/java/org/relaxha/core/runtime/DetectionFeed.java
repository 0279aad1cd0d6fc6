package org.relaxha.core.runtime;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.relaxha.core.detect.DetectionBoard;
import org.relaxha.core.detect.Verdict;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.SourceStatus;

/**
 * The detectors' side of the controller's loop: observations, source changes and VM moves go in,
 * verdicts come out (handed to the engine), and the silence sweep is re-armed for the next instant
 * at which silence alone would change a verdict. An observation claiming to come from more than
 * five seconds in the future (a monitor with a wrong clock) is taken as made now.
 *
 * <p>Not thread-safe: confined to the controller's loop.
 */
final class DetectionFeed {
  private final DetectionBoard board;
  private final ClusterView cluster;
  private final InstantSource clock;
  private final Scheduler scheduler;
  private final EventLoop loop;
  private final Consumer<List<Verdict>> deliver;
  private Cancellable sweepTimer;
  private Instant sweepAt;

  DetectionFeed(
      DetectionBoard board,
      ClusterView cluster,
      InstantSource clock,
      Scheduler scheduler,
      EventLoop loop,
      Consumer<List<Verdict>> deliver) {
    this.board = board;
    this.cluster = cluster;
    this.clock = clock;
    this.scheduler = scheduler;
    this.loop = loop;
    this.deliver = deliver;
  }

  DetectionBoard board() {
    return board;
  }

  void observe(Observation o) {
    Instant now = clock.instant();
    Observation taken = o;
    if (o.at().isAfter(now.plusSeconds(5))) {
      taken =
          new Observation(
              o.subject(), o.status(), now, o.source(), o.detail(), o.metrics(), o.authoritative());
    }
    cluster.record(taken);
    deliver.accept(board.observe(taken, now));
    rearm();
  }

  void sourceStatus(SourceStatus s) {
    deliver.accept(board.sourceStatus(s, clock.instant()));
    rearm();
  }

  void locate(VmId vm, Optional<HostId> host) {
    deliver.accept(board.locate(vm, host, clock.instant()));
  }

  /** Re-arms the silence sweep for the board's next deadline. */
  void rearm() {
    Optional<Instant> next = board.nextDeadline(clock.instant());
    if (next.isEmpty() || next.get().equals(sweepAt)) {
      return;
    }
    if (sweepTimer != null) {
      sweepTimer.cancel();
    }
    sweepAt = next.get();
    sweepTimer = scheduler.at(sweepAt, () -> loop.submit(this::sweep));
  }

  private void sweep() {
    sweepTimer = null;
    sweepAt = null;
    deliver.accept(board.sweep(clock.instant()));
    rearm();
  }
}
