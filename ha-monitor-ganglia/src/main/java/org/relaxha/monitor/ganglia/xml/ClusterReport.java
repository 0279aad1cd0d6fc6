package org.relaxha.monitor.ganglia.xml;

import org.relaxha.spi.Require;

/**
 * One {@code CLUSTER} element of a document.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the cluster's {@code NAME}
 * @param localTime the cluster's {@code LOCALTIME} (Unix seconds): when its data was collected
 * @param lag how many seconds the cluster's data is older than the enclosing grid's {@code
 *     LOCALTIME} (0 when the document comes straight from a gmond): a gmetad that can no longer
 *     reach a cluster's gmond keeps serving its last copy, and this is how old that copy is
 * @param hosts how many {@code HOST} elements it held
 */
public record ClusterReport(String name, long localTime, long lag, int hosts) {
  /** Validates the name. */
  public ClusterReport {
    Require.nonNull(name, "cluster.name");
  }
}
