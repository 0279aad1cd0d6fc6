package org.relaxha.monitor.ganglia.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Builds Ganglia XML documents shaped like gmond's and gmetad's (same header, DTD and attribute
 * order), for tests. Not thread-safe.
 */
public final class GangliaXml {
  /** The header gmond 3.7.2 sends, with its internal DTD subset (shortened). */
  public static final String HEADER =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>\n"
          + "<!DOCTYPE GANGLIA_XML [\n"
          + "   <!ELEMENT GANGLIA_XML (GRID|CLUSTER|HOST)*>\n"
          + "      <!ATTLIST GANGLIA_XML VERSION CDATA #REQUIRED>\n"
          + "      <!ATTLIST GANGLIA_XML SOURCE CDATA #REQUIRED>\n"
          + "   <!ELEMENT HOST (METRIC)*>\n"
          + "      <!ATTLIST HOST NAME CDATA #REQUIRED>\n"
          + "   <!ELEMENT EXTRA_DATA (EXTRA_ELEMENT*)>\n"
          + "]>\n";

  private final StringBuilder xml = new StringBuilder(HEADER);

  private GangliaXml(String version, String source) {
    xml.append("<GANGLIA_XML VERSION=\"")
        .append(version)
        .append("\" SOURCE=\"")
        .append(source)
        .append("\">\n");
  }

  /** A document as gmetad 3.7.2 sends it. */
  public static GangliaXml gmetad() {
    return new GangliaXml("3.7.2", "gmetad");
  }

  /** A document as gmond 3.7.2 sends it. */
  public static GangliaXml gmond() {
    return new GangliaXml("3.7.2", "gmond");
  }

  /** A document with another version. */
  public static GangliaXml version(String version) {
    return new GangliaXml(version, "gmond");
  }

  public GangliaXml grid(String name, long localTime) {
    xml.append(
        String.format(
            Locale.ROOT,
            "<GRID NAME=\"%s\" AUTHORITY=\"http://x/ganglia/\" LOCALTIME=\"%d\">%n",
            name,
            localTime));
    return this;
  }

  public GangliaXml endGrid() {
    xml.append("</GRID>\n");
    return this;
  }

  public GangliaXml cluster(String name, long localTime) {
    xml.append(
        String.format(
            Locale.ROOT,
            "<CLUSTER NAME=\"%s\" LOCALTIME=\"%d\" OWNER=\"t\" LATLONG=\"u\" URL=\"u\">%n",
            name,
            localTime));
    return this;
  }

  public GangliaXml endCluster() {
    xml.append("</CLUSTER>\n");
    return this;
  }

  /** A host with the given metrics (each with TN 5 and TMAX 70), then its closing tag. */
  public GangliaXml host(String name, String ip, long tn, long tmax, Map<String, Double> metrics) {
    xml.append(
        String.format(
            Locale.ROOT,
            "<HOST NAME=\"%s\" IP=\"%s\" TAGS=\"\" REPORTED=\"1795310830\" TN=\"%d\" TMAX=\"%d\""
                + " DMAX=\"0\" LOCATION=\"unspecified\" GMOND_STARTED=\"1795310000\">%n",
            name,
            ip,
            tn,
            tmax));
    metrics.forEach((metric, value) -> metric(metric, value, 5, 70));
    xml.append("</HOST>\n");
    return this;
  }

  /** A host with load_five 0.5 and cpu_num 2. */
  public GangliaXml host(String name, String ip, long tn, long tmax) {
    return host(name, ip, tn, tmax, Map.of("load_five", 0.5, "cpu_num", 2.0));
  }

  private void metric(String name, double value, long tn, long tmax) {
    xml.append(
        String.format(
            Locale.ROOT,
            "<METRIC NAME=\"%s\" VAL=\"%s\" TYPE=\"float\" UNITS=\" \" TN=\"%d\" TMAX=\"%d\""
                + " DMAX=\"0\" SLOPE=\"both\" SOURCE=\"gmond\">%n<EXTRA_DATA>%n"
                + "<EXTRA_ELEMENT NAME=\"GROUP\" VAL=\"load\"/>%n</EXTRA_DATA>%n</METRIC>%n",
            name,
            value,
            tn,
            tmax));
  }

  /** Appends raw text (an odd element, a comment). */
  public GangliaXml raw(String text) {
    xml.append(text);
    return this;
  }

  @Override
  public String toString() {
    return xml + "</GANGLIA_XML>\n";
  }

  /** The document's bytes, in ISO-8859-1 as declared. */
  public byte[] bytes() {
    return toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
