package org.relaxha.monitor.ganglia;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.relaxha.monitor.ganglia.xml.HostReport;
import org.relaxha.monitor.ganglia.xml.MetricSample;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;

/**
 * The liveness rule and the observation it yields. A host is UP while {@code TN <= k x TMAX} (TMAX
 * of the host; {@value GangliaConfig#FALLBACK_TMAX_SECONDS} s if it reports none), with its fresh
 * metrics; beyond, UNREACHABLE, without metrics. Neither is authoritative. The observation's {@code
 * at} is when the source last heard from the host ({@code now - TN}, never earlier than the
 * previous one for the subject), so detectors see how stale it is; the detail says TN, TMAX and the
 * bound.
 *
 * <p>Immutable and thread-safe; pure.
 */
final class Observations {
  private final String monitor;
  private final double k;

  Observations(String monitor, double k) {
    this.monitor = monitor;
    this.k = k;
  }

  /** The bound in seconds for a host reporting {@code tmax}. */
  double bound(long tmax) {
    return k * (tmax > 0 ? tmax : GangliaConfig.FALLBACK_TMAX_SECONDS);
  }

  /** Whether a host reporting {@code tn} and {@code tmax} is up. */
  boolean up(long tn, long tmax) {
    return Math.max(0, tn) <= bound(tmax);
  }

  Observation of(SubjectId subject, HostReport host, Instant now, Instant previous, String via) {
    long tn = Math.max(0, host.tn());
    Instant at = now.minusSeconds(tn);
    if (previous != null && at.isBefore(previous)) {
      at = previous;
    }
    boolean up = up(tn, host.tmax());
    return new Observation(
        subject,
        up ? ObservedStatus.UP : ObservedStatus.UNREACHABLE,
        at,
        monitor,
        detail(host, tn, up, via),
        up ? metrics(host) : Map.of(),
        false);
  }

  private Map<String, Double> metrics(HostReport host) {
    Map<String, Double> values = new HashMap<>();
    for (Map.Entry<String, MetricSample> e : host.metrics().entrySet()) {
      MetricSample m = e.getValue();
      if (m.tmax() <= 0 || Math.max(0, m.tn()) <= k * m.tmax()) {
        values.put(e.getKey(), m.value());
      }
    }
    return values;
  }

  private String detail(HostReport host, long tn, boolean up, String via) {
    String tmax = host.tmax() > 0 ? host.tmax() + " s" : "none (assumed 20 s)";
    String bound = format(bound(host.tmax()));
    return "ganglia host "
        + Assessor.describe(host)
        + (host.cluster().isEmpty() ? "" : " in cluster " + host.cluster())
        + ": TN "
        + tn
        + " s, TMAX "
        + tmax
        + (up ? ", up while TN <= " : ", not heard from for over ")
        + bound
        + " s ("
        + format(k)
        + " x TMAX); via "
        + via;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
