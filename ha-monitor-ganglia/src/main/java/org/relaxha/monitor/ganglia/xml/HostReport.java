package org.relaxha.monitor.ganglia.xml;

import java.util.Map;
import org.relaxha.spi.Require;

/**
 * One {@code HOST} element of a document, with the metrics the parser was asked to keep.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the host's {@code NAME}, as Ganglia knows it
 * @param ip the host's {@code IP} attribute, empty if absent
 * @param cluster the {@code NAME} of the enclosing {@code CLUSTER}, empty if none
 * @param tn seconds since the source last heard from the host ({@code TN})
 * @param tmax the longest expected interval between two messages from it ({@code TMAX}), 0 if
 *     absent
 * @param reported when the source last heard from it ({@code REPORTED}, Unix seconds), 0 if absent
 * @param clusterLag how old the enclosing cluster's data is, see {@link ClusterReport#lag()}
 * @param metrics the kept metrics by name
 */
public record HostReport(
    String name,
    String ip,
    String cluster,
    long tn,
    long tmax,
    long reported,
    long clusterLag,
    Map<String, MetricSample> metrics) {

  /** Validates and copies. */
  public HostReport {
    Require.nonBlank(name, "host.name");
    Require.nonNull(ip, "host.ip");
    Require.nonNull(cluster, "host.cluster");
    metrics = Map.copyOf(Require.nonNull(metrics, "host.metrics"));
  }
}
