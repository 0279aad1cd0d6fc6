package org.relaxha.monitor.ganglia.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.monitor.ganglia.support.GangliaXml;

class GangliaParserTest {
  private final GangliaParser parser = GangliaParser.ofDefaults();

  static byte[] resource(String name) {
    try (InputStream in = GangliaParserTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsWhatGmond372Serves() {
    GangliaDump dump = parser.parse(resource("gmond-3.7.2.xml"));
    assertThat(dump.version()).isEqualTo("3.7.2");
    assertThat(dump.source()).isEqualTo("gmond");
    assertThat(dump.clusters()).extracting(ClusterReport::name).containsExactly("hatest");
    assertThat(dump.clusters().get(0).lag()).isZero();
    assertThat(dump.hosts())
        .extracting(HostReport::name)
        .containsExactlyInAnyOrder("node-a", "node-b", "node-c");
    HostReport b = host(dump, "node-b");
    assertThat(b.ip()).isEqualTo("127.0.0.2");
    assertThat(b.cluster()).isEqualTo("hatest");
    assertThat(b.tmax()).isEqualTo(4);
    assertThat(b.metrics().keySet())
        .containsExactlyInAnyOrderElementsOf(GangliaParser.STANDARD_METRICS);
    assertThat(b.metrics().get("load_five").tmax()).isEqualTo(325);
  }

  @Test
  void readsWhatGmetad372ServesWithGridAndClusterTimes() {
    GangliaDump dump = parser.parse(resource("gmetad-3.7.2.xml"));
    assertThat(dump.source()).isEqualTo("gmetad");
    assertThat(dump.hosts()).hasSize(3);
    assertThat(dump.clusters().get(0).lag()).isBetween(0L, 5L);
    assertThat(dump.hosts()).allSatisfy(h -> assertThat(h.metrics()).containsKey("load_five"));
  }

  @Test
  void aStaleClusterCopyShowsItsAge() {
    GangliaDump dump = parser.parse(resource("gmetad-3.7.2-stale-cluster.xml"));
    assertThat(dump.clusters().get(0).lag()).isEqualTo(96);
    assertThat(dump.hosts()).allSatisfy(h -> assertThat(h.clusterLag()).isEqualTo(96));
  }

  @Test
  void loadFiveIsTheValueInTheXml() {
    byte[] doc = resource("gmetad-3.7.2.xml");
    String text = new String(doc, StandardCharsets.ISO_8859_1);
    int host = text.indexOf("<HOST NAME=\"node-c\"");
    int metric = text.indexOf("<METRIC NAME=\"load_five\" VAL=\"", host);
    String val = text.substring(metric + 30, text.indexOf('"', metric + 30));
    assertThat(host(parser.parse(doc), "node-c").metrics().get("load_five").value())
        .isEqualTo(Double.parseDouble(val));
  }

  @Test
  void keepsOnlyTheMetricsAskedFor() {
    GangliaParser only = new GangliaParser(Set.of("cpu_num"), ParseLimits.ofDefaults());
    GangliaDump dump = only.parse(resource("gmond-3.7.2.xml"));
    assertThat(dump.hosts()).allSatisfy(h -> assertThat(h.metrics()).containsOnlyKeys("cpu_num"));
  }

  @Test
  void nestedGridsAndHostsUnderTheRootAreRead() {
    byte[] doc =
        GangliaXml.gmetad()
            .grid("top", 1000)
            .grid("inner", 990)
            .cluster("c1", 995)
            .host("h1", "10.0.0.1", 3, 20)
            .endCluster()
            .endGrid()
            .endGrid()
            .host("loose", "10.0.0.9", 1, 20)
            .bytes();
    GangliaDump dump = parser.parse(doc);
    assertThat(host(dump, "h1").clusterLag()).isEqualTo(5);
    assertThat(host(dump, "h1").cluster()).isEqualTo("c1");
    assertThat(host(dump, "loose").cluster()).isEmpty();
    assertThat(host(dump, "loose").clusterLag()).isZero();
  }

  @Test
  void aHostInTwoClustersIsReportedTwice() {
    byte[] doc =
        GangliaXml.gmetad()
            .grid("g", 1000)
            .cluster("via-a", 1000)
            .host("h1", "10.0.0.1", 3, 20)
            .endCluster()
            .cluster("via-b", 990)
            .host("h1", "10.0.0.1", 13, 20)
            .endCluster()
            .endGrid()
            .bytes();
    assertThat(parser.parse(doc).hosts())
        .extracting(HostReport::cluster, HostReport::tn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("via-a", 3L),
            org.assertj.core.groups.Tuple.tuple("via-b", 13L));
  }

  @Test
  void summariesExtraDataAndUnknownElementsAreSkipped() {
    byte[] doc =
        GangliaXml.gmetad()
            .grid("g", 1000)
            .raw("<HOSTS UP=\"1\" DOWN=\"0\" SOURCE=\"gmetad\"/>\n")
            .raw("<METRICS NAME=\"load_five\" SUM=\"1\" NUM=\"1\"><EXTRA_DATA/></METRICS>\n")
            .raw("<FUTURE_THING A=\"b\"><NESTED/></FUTURE_THING>\n")
            .cluster("c", 1000)
            .host("h1", "10.0.0.1", 3, 20)
            .endCluster()
            .endGrid()
            .bytes();
    assertThat(parser.parse(doc).hosts()).extracting(HostReport::name).containsExactly("h1");
  }

  @Test
  void stringAndUnparsableMetricsAreLeftOut() {
    String doc =
        GangliaXml.gmond()
            .raw(
                "<HOST NAME=\"h\" IP=\"1.2.3.4\" TN=\"1\" TMAX=\"20\">\n"
                    + "<METRIC NAME=\"load_one\" VAL=\"abc\" TYPE=\"float\" TN=\"1\" TMAX=\"70\"/>\n"
                    + "<METRIC NAME=\"load_five\" VAL=\"NaN\" TYPE=\"float\" TN=\"1\" TMAX=\"70\"/>\n"
                    + "<METRIC NAME=\"cpu_num\" VAL=\"4\" TYPE=\"string\" TN=\"1\" TMAX=\"70\"/>\n"
                    + "<METRIC NAME=\"mem_free\" VAL=\" 1024 \" TYPE=\"uint32\" TN=\"1\" TMAX=\"70\"/>\n"
                    + "</HOST>\n")
            .toString();
    HostReport h = parser.parse(doc.getBytes(StandardCharsets.ISO_8859_1)).hosts().get(0);
    assertThat(h.metrics()).containsOnlyKeys("mem_free");
    assertThat(h.metrics().get("mem_free").value()).isEqualTo(1024.0);
  }

  @Test
  void latin1HostNamesAreDecodedAsDeclared() {
    byte[] doc = GangliaXml.gmond().host("h\u00f4te-\u00e9", "10.0.0.1", 1, 20).bytes();
    assertThat(doc).contains((byte) 0xf4);
    assertThat(parser.parse(doc).hosts().get(0).name()).isEqualTo("h\u00f4te-\u00e9");
  }

  @Test
  void utf16WithAByteOrderMarkIsRead() {
    String text = GangliaXml.gmond().host("h1", "10.0.0.1", 1, 20).toString();
    text = text.replace("ISO-8859-1", "UTF-16");
    byte[] doc = text.getBytes(StandardCharsets.UTF_16); // BOM included
    assertThat(parser.parse(doc).hosts()).hasSize(1);
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void truncatedDocumentSaysSo() {
    byte[] doc = resource("gmetad-3.7.2.xml");
    byte[] cut = Arrays.copyOf(doc, doc.length / 2);
    assertThatThrownBy(() -> parser.parse(cut))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("truncated after " + cut.length + " bytes");
  }

  @Test
  void emptyDocumentSaysSo() {
    assertThatThrownBy(() -> parser.parse(new byte[0]))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void garbageIsMalformedXml() {
    byte[] junk =
        "HTTP/1.1 400 Bad Request\r\n\r\n\u0000\u0001garbage".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(junk))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("malformed XML at line 1");
  }

  @Test
  void otherXmlIsNotGangliaXml() {
    byte[] html = "<html><body>hello</body></html>".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> parser.parse(html))
        .hasMessageContaining("not Ganglia XML: the root element is <html>");
  }

  @Test
  void unknownVersionIsRefusedWithTheVersionNamed() {
    byte[] doc = GangliaXml.version("9.0.1").host("h1", "10.0.0.1", 1, 20).bytes();
    assertThatThrownBy(() -> parser.parse(doc))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("unsupported Ganglia XML version '9.0.1'")
        .hasMessageContaining("3.x");
  }

  @Test
  void bytesThatAreNotTheDeclaredEncodingSaySo() {
    String text = GangliaXml.gmond().host("h\u00e9", "10.0.0.1", 1, 20).toString();
    byte[] doc = text.replace("ISO-8859-1", "UTF-8").getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(doc))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void unknownEncodingIsNamed() {
    byte[] doc =
        GangliaXml.gmond()
            .toString()
            .replace("ISO-8859-1", "X-NOPE-99")
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> parser.parse(doc))
        .hasMessageContaining("unsupported encoding 'X-NOPE-99'");
  }

  @Test
  void entitiesAreNotExpanded() {
    byte[] laughs =
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE GANGLIA_XML [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<GANGLIA_XML VERSION=\"3.7.2\" SOURCE=\"&b;\"/>")
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> parser.parse(laughs))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("entity");
  }

  @Test
  void aControlCharacterInTheDtdIsAnErrorNotAnUncheckedJdkException() {
    // The JDK's reader throws MissingResourceException("InvalidCharInDTD") here.
    byte[] doc =
        GangliaXml.gmond()
            .toString()
            .replace("<!ELEMENT HOST", "\u0001<!ELEMENT HOST")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(doc))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("malformed XML")
        .hasMessageContaining("InvalidCharInDTD");
  }

  @Test
  void externalDtdIsNotFetched() {
    byte[] doc =
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE GANGLIA_XML SYSTEM \"http://192.0.2.1/x.dtd\">\n"
                + "<GANGLIA_XML VERSION=\"3.7.2\" SOURCE=\"gmond\"/>")
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(parser.parse(doc).hosts()).isEmpty();
  }

  @Test
  void aDocumentOverTheSizeLimitStops() {
    GangliaParser small = new GangliaParser(Set.of(), ParseLimits.ofDefaults().withMaxBytes(4096));
    byte[] doc = new GangliaDumpGenerator(20, 6, 5, 1).bytes();
    assertThatThrownBy(() -> small.parse(doc))
        .isInstanceOf(GangliaXmlException.class)
        .hasMessageContaining("larger than the limit of 4 KiB");
  }

  @Test
  void tooManyHostsStops() {
    GangliaParser small = new GangliaParser(Set.of(), ParseLimits.ofDefaults().withMaxHosts(10));
    byte[] doc = new GangliaDumpGenerator(11, 1, 5, 1).bytes();
    assertThatThrownBy(() -> small.parse(doc)).hasMessageContaining("more than 10 HOST elements");
  }

  @Test
  void deepNestingStops() {
    byte[] doc = GangliaXml.gmond().raw("<A>".repeat(40) + "</A>".repeat(40)).bytes();
    assertThatThrownBy(() -> parser.parse(doc)).hasMessageContaining("nested deeper than 16");
  }

  @Test
  void aHugeAttributeStopsAtTheTokenLimit() {
    String doc =
        GangliaXml.HEADER + "<GANGLIA_XML VERSION=\"3.7.2\" SOURCE=\"" + "x".repeat(2 << 20);
    assertThatThrownBy(() -> parser.parse(doc.getBytes(StandardCharsets.US_ASCII)))
        .hasMessageContaining("more than 1 MiB without markup");
  }

  @Test
  void aHostWithoutTnOrWithABadNumberIsAnError() {
    byte[] noTn = GangliaXml.gmond().raw("<HOST NAME=\"h\" IP=\"1.2.3.4\" TMAX=\"20\"/>\n").bytes();
    assertThatThrownBy(() -> parser.parse(noTn)).hasMessageContaining("HOST 'h' has no TN");
    byte[] badTn = GangliaXml.gmond().raw("<HOST NAME=\"h\" TN=\"soon\" TMAX=\"20\"/>\n").bytes();
    assertThatThrownBy(() -> parser.parse(badTn))
        .hasMessageContaining("HOST 'h': TN is not a whole number: 'soon'");
    byte[] noName = GangliaXml.gmond().raw("<HOST TN=\"1\"/>\n").bytes();
    assertThatThrownBy(() -> parser.parse(noName)).hasMessageContaining("HOST without a NAME");
  }

  @Test
  void theBenchmarkDumpParsesCompletely() {
    GangliaDumpGenerator generator = new GangliaDumpGenerator(2_000, 30, 500, 7);
    byte[] doc = generator.bytes();
    GangliaDump dump = parser.parse(doc);
    assertThat(dump.hosts()).hasSize(2_000);
    assertThat(dump.clusters()).hasSize(4);
    assertThat(dump.bytes()).isEqualTo(doc.length);
    assertThat(dump.hosts())
        .allSatisfy(
            h -> assertThat(h.metrics().keySet()).isEqualTo(GangliaParser.STANDARD_METRICS));
    assertThat(dump.hosts().get(1234).name()).isEqualTo(GangliaDumpGenerator.hostName(1234));
  }

  private static HostReport host(GangliaDump dump, String name) {
    return dump.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
  }
}
