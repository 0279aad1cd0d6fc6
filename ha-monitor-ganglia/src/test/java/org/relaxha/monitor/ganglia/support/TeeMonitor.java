package org.relaxha.monitor.ganglia.support;

import java.util.Set;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * A monitor that passes everything its delegate delivers to the controller's sink and also to a
 * {@link RecordingSink}, so an end-to-end test sees both the adapter's output and the controller's
 * judgement. Thread-safe as its delegate.
 */
public final class TeeMonitor implements Monitor {
  private final Monitor delegate;
  private final RecordingSink recording;

  public TeeMonitor(Monitor delegate, RecordingSink recording) {
    this.delegate = delegate;
    this.recording = recording;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Set<SubjectId> covers() {
    return delegate.covers();
  }

  @Override
  public void start(ObservationSink sink) {
    delegate.start(
        new ObservationSink() {
          @Override
          public void accept(Observation observation) {
            recording.accept(observation);
            sink.accept(observation);
          }

          @Override
          public void sourceStatus(SourceStatus status) {
            recording.sourceStatus(status);
            sink.sourceStatus(status);
          }
        });
  }

  @Override
  public void close() {
    delegate.close();
  }
}
