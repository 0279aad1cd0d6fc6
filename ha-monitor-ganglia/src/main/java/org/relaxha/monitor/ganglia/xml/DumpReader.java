package org.relaxha.monitor.ganglia.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One pass over one document's events, building its {@link GangliaDump}. Keeps only the current
 * host's kept metrics and the finished host reports.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class DumpReader {
  private static final Pattern SUPPORTED_VERSION = Pattern.compile("3\\.\\d+(\\..*)?");

  private final XMLStreamReader xml;
  private final Set<String> wanted;
  private final ParseLimits limits;
  private final List<HostReport> hosts = new ArrayList<>();
  private final List<ClusterReport> clusters = new ArrayList<>();

  private int depth;
  private boolean rootSeen;
  private String version = "";
  private String source = "";
  private Long gridTime;
  private int gridDepth;
  private String cluster = "";
  private long clusterTime;
  private long clusterLag;
  private int clusterHosts;
  private HostAttributes host;
  private Map<String, MetricSample> metrics;

  DumpReader(XMLStreamReader xml, Set<String> wanted, ParseLimits limits) {
    this.xml = xml;
    this.wanted = wanted;
    this.limits = limits;
  }

  GangliaDump read(LongSupplier bytes) throws XMLStreamException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        start(xml.getLocalName());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        end(xml.getLocalName());
      }
    }
    if (!rootSeen) {
      throw new GangliaXmlException("empty document: no GANGLIA_XML element");
    }
    return new GangliaDump(version, source, clusters, hosts, bytes.getAsLong());
  }

  private void start(String name) {
    if (++depth > limits.maxDepth()) {
      throw problem("elements nested deeper than " + limits.maxDepth());
    }
    if (depth == 1) {
      root(name);
      return;
    }
    switch (name) {
      case "GRID" -> grid();
      case "CLUSTER" -> cluster();
      case "HOST" -> host();
      case "METRIC" -> metric();
      default -> {
        // EXTRA_DATA, EXTRA_ELEMENT, HOSTS, METRICS and unknown elements carry nothing we keep.
      }
    }
  }

  private void end(String name) {
    depth--;
    switch (name) {
      case "GRID" -> gridDepth--;
      case "CLUSTER" -> endCluster();
      case "HOST" -> endHost();
      default -> {
        // Nothing to close.
      }
    }
  }

  private void root(String name) {
    if (!name.equals("GANGLIA_XML")) {
      throw problem(
          "not Ganglia XML: the root element is <" + shortName(name) + ">, not <GANGLIA_XML>");
    }
    rootSeen = true;
    version = attribute("VERSION", "");
    source = attribute("SOURCE", "");
    if (!SUPPORTED_VERSION.matcher(version).matches()) {
      throw problem(
          "unsupported Ganglia XML version "
              + ParseText.quote(version)
              + ": this adapter reads GANGLIA_XML VERSION 3.x (gmond and gmetad 3.0 to 3.7)");
    }
  }

  private void grid() {
    if (gridDepth++ == 0) {
      String time = xml.getAttributeValue(null, "LOCALTIME");
      gridTime = time == null ? null : number("GRID", "LOCALTIME", time);
    }
  }

  private void cluster() {
    cluster = attribute("NAME", "");
    clusterTime =
        number("CLUSTER " + ParseText.quote(cluster), "LOCALTIME", attribute("LOCALTIME", "0"));
    clusterLag = gridTime == null ? 0 : Math.max(0, gridTime - clusterTime);
    clusterHosts = 0;
  }

  private void endCluster() {
    clusters.add(new ClusterReport(cluster, clusterTime, clusterLag, clusterHosts));
    cluster = "";
    clusterLag = 0;
  }

  private void host() {
    if (hosts.size() >= limits.maxHosts()) {
      throw problem("more than " + limits.maxHosts() + " HOST elements (the host limit)");
    }
    host = HostAttributes.read(xml, this);
    metrics = new HashMap<>(8);
    clusterHosts++;
  }

  private void endHost() {
    if (host == null) {
      return;
    }
    hosts.add(
        new HostReport(
            host.name(),
            host.ip(),
            cluster,
            host.tn(),
            host.tmax(),
            host.reported(),
            clusterLag,
            metrics));
    host = null;
    metrics = null;
  }

  private void metric() {
    if (host == null) {
      return;
    }
    String name = xml.getAttributeValue(null, "NAME");
    if (name == null || !wanted.contains(name) || "string".equals(attribute("TYPE", ""))) {
      return;
    }
    double value;
    try {
      value = Double.parseDouble(attribute("VAL", "").strip());
    } catch (NumberFormatException e) {
      return;
    }
    if (Double.isFinite(value)) {
      String what = "METRIC " + ParseText.quote(name);
      long tn = number(what, "TN", attribute("TN", "0"));
      long tmax = number(what, "TMAX", attribute("TMAX", "0"));
      metrics.put(name, new MetricSample(value, tn, tmax));
    }
  }

  String attribute(String name, String absent) {
    String value = xml.getAttributeValue(null, name);
    return value == null ? absent : value;
  }

  long number(String element, String attribute, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw problem(
          element + ": " + attribute + " is not a whole number: " + ParseText.quote(text));
    }
  }

  GangliaXmlException problem(String what) {
    return new GangliaXmlException("line " + xml.getLocation().getLineNumber() + ": " + what);
  }

  private static String shortName(String name) {
    return name.length() > 40 ? name.substring(0, 40) + "..." : name;
  }

  /** The liveness attributes of one HOST element. */
  private record HostAttributes(String name, String ip, long tn, long tmax, long reported) {
    static HostAttributes read(XMLStreamReader xml, DumpReader in) {
      String name = in.attribute("NAME", "");
      if (name.isBlank()) {
        throw in.problem("HOST without a NAME");
      }
      String what = "HOST " + ParseText.quote(name);
      String tn = xml.getAttributeValue(null, "TN");
      if (tn == null) {
        throw in.problem(what + " has no TN (seconds since last heard)");
      }
      return new HostAttributes(
          name,
          in.attribute("IP", ""),
          in.number(what, "TN", tn),
          in.number(what, "TMAX", in.attribute("TMAX", "0")),
          in.number(what, "REPORTED", in.attribute("REPORTED", "0")));
    }
  }
}
