package org.relaxha.xen.it;

import java.util.Set;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;
import org.relaxha.testkit.fake.RecordingSink;

/** A monitor that hands everything to its sink and keeps a copy, so a test sees what it said. */
final class TeeMonitor implements Monitor {
  private final Monitor inner;
  private final RecordingSink copy = new RecordingSink();

  TeeMonitor(Monitor inner) {
    this.inner = inner;
  }

  RecordingSink copy() {
    return copy;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public Set<SubjectId> covers() {
    return inner.covers();
  }

  @Override
  public void start(ObservationSink sink) {
    inner.start(
        new ObservationSink() {
          @Override
          public void accept(Observation o) {
            copy.accept(o);
            sink.accept(o);
          }

          @Override
          public void sourceStatus(SourceStatus s) {
            copy.sourceStatus(s);
            sink.sourceStatus(s);
          }
        });
  }

  @Override
  public void close() {
    inner.close();
  }
}
