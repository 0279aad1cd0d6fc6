package org.relaxha.monitor.ganglia.xml;

import java.util.List;
import org.relaxha.spi.Require;

/**
 * What one Ganglia XML document said: its version and producer, its clusters and its hosts in
 * document order. A host that appears in several clusters or grids (two gmetads polling one
 * cluster, aggregated by a third) appears once per occurrence; choosing among them is the reader's
 * business.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the {@code GANGLIA_XML VERSION}, e.g. {@code 3.7.2}
 * @param source the {@code GANGLIA_XML SOURCE}: {@code gmond} or {@code gmetad}
 * @param clusters every {@code CLUSTER}, in document order
 * @param hosts every {@code HOST}, in document order
 * @param bytes the size of the document
 */
public record GangliaDump(
    String version,
    String source,
    List<ClusterReport> clusters,
    List<HostReport> hosts,
    long bytes) {

  /** Validates and copies. */
  public GangliaDump {
    Require.nonNull(version, "dump.version");
    Require.nonNull(source, "dump.source");
    clusters = List.copyOf(clusters);
    hosts = List.copyOf(hosts);
  }
}
