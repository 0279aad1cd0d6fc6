package org.relaxha.benchmarks.ganglia;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.relaxha.monitor.ganglia.xml.ClusterReport;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.HostReport;
import org.relaxha.monitor.ganglia.xml.MetricSample;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The baseline of GangliaParseBenchmark: the JDK's DOM parser over the same bytes, then a walk that
 * builds the same {@link GangliaDump} as the streaming parser (same hosts, same kept metrics, same
 * cluster lag). No limits and fewer checks: it only has to be a fair, correct baseline.
 *
 * <p>Not thread-safe (one DocumentBuilder).
 */
public final class DomGangliaParser {
  private final Set<String> metrics;
  private final DocumentBuilder builder;

  public DomGangliaParser(Set<String> metrics) {
    this.metrics = metrics;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      this.builder = f.newDocumentBuilder();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public GangliaDump parse(byte[] bytes) {
    Document doc;
    try {
      doc = builder.parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new IllegalStateException("DOM parse failed", e);
    }
    Element root = doc.getDocumentElement();
    List<HostReport> hosts = new ArrayList<>();
    List<ClusterReport> clusters = new ArrayList<>();
    Long gridTime = null;
    NodeList grids = root.getElementsByTagName("GRID");
    if (grids.getLength() > 0) {
      gridTime = Long.parseLong(((Element) grids.item(0)).getAttribute("LOCALTIME"));
    }
    NodeList all = root.getElementsByTagName("CLUSTER");
    for (int c = 0; c < all.getLength(); c++) {
      Element cluster = (Element) all.item(c);
      long time = Long.parseLong(cluster.getAttribute("LOCALTIME"));
      long lag = gridTime == null ? 0 : Math.max(0, gridTime - time);
      int before = hosts.size();
      for (Node n = cluster.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals("HOST")) {
          hosts.add(host(e, cluster.getAttribute("NAME"), lag));
        }
      }
      clusters.add(
          new ClusterReport(cluster.getAttribute("NAME"), time, lag, hosts.size() - before));
    }
    return new GangliaDump(
        root.getAttribute("VERSION"), root.getAttribute("SOURCE"), clusters, hosts, bytes.length);
  }

  private HostReport host(Element host, String cluster, long lag) {
    Map<String, MetricSample> kept = new HashMap<>();
    for (Node n = host.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element m
          && m.getTagName().equals("METRIC")
          && metrics.contains(m.getAttribute("NAME"))) {
        kept.put(
            m.getAttribute("NAME"),
            new MetricSample(
                Double.parseDouble(m.getAttribute("VAL")),
                Long.parseLong(m.getAttribute("TN")),
                Long.parseLong(m.getAttribute("TMAX"))));
      }
    }
    return new HostReport(
        host.getAttribute("NAME"),
        host.getAttribute("IP"),
        cluster,
        Long.parseLong(host.getAttribute("TN")),
        Long.parseLong(host.getAttribute("TMAX")),
        Long.parseLong(host.getAttribute("REPORTED")),
        lag,
        kept);
  }
}
