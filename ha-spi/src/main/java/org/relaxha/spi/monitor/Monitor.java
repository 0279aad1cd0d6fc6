package org.relaxha.spi.monitor;

import java.util.Set;
import org.relaxha.spi.model.SubjectId;

/**
 * A source of observations about hosts, VMs and services.
 *
 * <p><b>Lifecycle.</b> {@link #start} is called once, before any other call but {@link #name} and
 * {@link #covers}; it must return quickly (connect in the background) and may throw {@link
 * IllegalStateException} for a configuration that cannot work (the controller then refuses to start
 * and names the monitor). {@link #close} stops every thread the monitor started, within a few
 * seconds, and is idempotent.
 *
 * <p><b>Failures.</b> A source that stops answering reports {@link SourceStatus#lost} on the sink,
 * so the controller can tell "monitoring lost" from "every host died". It never throws from its own
 * threads into the controller.
 *
 * <p>Implementations are thread-safe.
 */
public interface Monitor extends AutoCloseable {

  /** A short unique name for logs and observations, e.g. {@code nagios} or {@code ganglia-a}. */
  String name();

  /**
   * The subjects this monitor is expected to report on. The controller treats silence about a
   * covered subject as missed checks; an empty set means the monitor only reports what it happens
   * to see and silence means nothing.
   */
  Set<SubjectId> covers();

  /** Starts delivering observations to {@code sink}. */
  void start(ObservationSink sink);

  /** Stops every thread this monitor started. Idempotent; never throws. */
  @Override
  void close();
}
