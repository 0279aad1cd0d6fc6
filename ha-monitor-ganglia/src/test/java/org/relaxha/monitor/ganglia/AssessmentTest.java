package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.monitor.ganglia.support.GangliaXml;
import org.relaxha.monitor.ganglia.support.Sites;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.GangliaParser;
import org.relaxha.monitor.ganglia.xml.HostReport;
import org.relaxha.monitor.ganglia.xml.MetricSample;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;

/** The liveness rule, the observation it yields, and the choice among several reports. */
class AssessmentTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.250Z");
  private static final HostId A = HostId.of("node-a");
  private final Observations rule = new Observations("ganglia", 4);

  private static HostReport report(long tn, long tmax, long lag) {
    return new HostReport(
        "node-a",
        "127.0.0.1",
        "hatest",
        tn,
        tmax,
        0,
        lag,
        Map.of(
            "load_five", new MetricSample(0.81, 3, 325),
            "mem_free", new MetricSample(1024, 400, 60),
            "boottime", new MetricSample(17, 5, 0)));
  }

  @Test
  void upWhileTnIsAtMostKTimesTmax() {
    assertThat(rule.of(A, report(80, 20, 0), NOW, null, "x").status()).isEqualTo(ObservedStatus.UP);
    assertThat(rule.of(A, report(81, 20, 0), NOW, null, "x").status())
        .isEqualTo(ObservedStatus.UNREACHABLE);
  }

  @Test
  void anUpObservationCarriesFreshMetricsAndSaysHowStaleItIs() {
    Observation o = rule.of(A, report(7, 20, 0), NOW, null, "127.0.0.1:8651");
    assertThat(o.at()).isEqualTo(NOW.minusSeconds(7));
    assertThat(o.source()).isEqualTo("ganglia");
    assertThat(o.authoritative()).isFalse();
    assertThat(o.metrics()).containsEntry(Observation.LOAD_FIVE, 0.81).containsKey("boottime");
    assertThat(o.metrics()).as("mem_free is older than 4 x its TMAX").doesNotContainKey("mem_free");
    assertThat(o.detail())
        .contains(
            "node-a (127.0.0.1)",
            "cluster hatest",
            "TN 7 s",
            "TMAX 20 s",
            "<= 80 s",
            "127.0.0.1:8651");
  }

  @Test
  void anUnreachableObservationHasNoMetricsAndTheLastHeardInstant() {
    Observation o = rule.of(A, report(95, 20, 0), NOW, null, "x");
    assertThat(o.metrics()).isEmpty();
    assertThat(o.at()).isEqualTo(NOW.minusSeconds(95));
    assertThat(o.detail()).contains("not heard from for over 80 s (4 x TMAX)");
  }

  @Test
  void atNeverGoesBackAndNegativeTnCountsAsZero() {
    Instant previous = NOW.minusSeconds(2);
    assertThat(rule.of(A, report(3, 20, 0), NOW, previous, "x").at()).isEqualTo(previous);
    assertThat(rule.of(A, report(-4, 20, 0), NOW, null, "x").at()).isEqualTo(NOW);
  }

  @Test
  void aHostWithoutTmaxGetsGmondsDefault() {
    assertThat(rule.bound(0)).isEqualTo(80.0);
    assertThat(new Observations("g", 2.5).bound(10)).isEqualTo(25.0);
  }

  @Test
  void theFreshestReportOfAHostSeenTwiceWins() {
    GangliaDump dump =
        parse(
            GangliaXml.gmetad()
                .grid("g", 1000)
                .cluster("via-b", 1000)
                .host("node-a", "127.0.0.1", 13, 20)
                .endCluster()
                .cluster("via-a", 999)
                .host("node-a", "127.0.0.1", 4, 20)
                .endCluster()
                .endGrid());
    Assessment a = assessor(Duration.ofSeconds(30)).assess(dump);
    assertThat(a.fresh().get(A).tn()).isEqualTo(4);
    assertThat(a.problem()).isEmpty();
  }

  @Test
  void aFreshCopyBeatsAStaleOneAndOnlyStaleCopiesAreAProblem() {
    GangliaXml xml =
        GangliaXml.gmetad()
            .grid("g", 1000)
            .cluster("stale", 900)
            .host("node-a", "127.0.0.1", 101, 20)
            .host("node-b", "127.0.0.2", 101, 20)
            .endCluster()
            .cluster("fresh", 1000)
            .host("node-a", "127.0.0.1", 150, 20)
            .endCluster()
            .endGrid();
    Assessment a = assessor(Duration.ofSeconds(30)).assess(parse(xml));
    assertThat(a.fresh()).containsOnlyKeys(A);
    assertThat(a.fresh().get(A).cluster()).isEqualTo("fresh");
    assertThat(a.staleOnly()).containsOnlyKeys(HostId.of("node-b"));
    assertThat(a.problem().orElseThrow())
        .contains(
            "cluster 'stale' is 100 s old (staleAfter 30 s)", "gmetad cannot reach that cluster");
  }

  @Test
  void unmappedHostsAreListed() {
    GangliaXml xml =
        GangliaXml.gmond().host("printer", "10.1.1.1", 1, 20).host("node-c", "", 1, 20);
    Assessment a = assessor(Duration.ofSeconds(30)).assess(parse(xml));
    assertThat(a.unmapped()).containsExactly("printer (10.1.1.1)");
    assertThat(a.fresh()).containsOnlyKeys(HostId.of("node-c"));
  }

  @Test
  void aDocumentWithNoneOfTheCoveredSubjectsIsNotTrusted() {
    GangliaXml other = GangliaXml.gmond().host("printer", "10.1.1.1", 1, 20);
    GangliaConfig config = GangliaConfig.builder("ganglia").source("127.0.0.1:8651").build();
    HostMapper mapper = new HostMapper(List.of(), true, Sites.threeHosts());
    Assessment covering =
        new Assessor(mapper, config, Set.of(A, HostId.of("node-b"))).assess(parse(other));
    assertThat(covering.problem().orElseThrow())
        .contains("reports none of the 2 subject(s) the monitor covers");
    Assessment uncovered = new Assessor(mapper, config, Set.of()).assess(parse(other));
    assertThat(uncovered.problem()).isEmpty();
    GangliaXml one = GangliaXml.gmond().host("node-b", "10.1.1.2", 1, 20);
    assertThat(
            new Assessor(mapper, config, Set.of(A, HostId.of("node-b")))
                .assess(parse(one))
                .problem())
        .as("one covered subject present is enough: the others are silent, not the source")
        .isEmpty();
  }

  private static Assessor assessor(Duration staleAfter) {
    GangliaConfig config =
        GangliaConfig.builder("ganglia").source("127.0.0.1:8651").staleAfter(staleAfter).build();
    return new Assessor(new HostMapper(List.of(), true, Sites.threeHosts()), config, Set.of(A));
  }

  private static GangliaDump parse(GangliaXml xml) {
    return GangliaParser.ofDefaults().parse(xml.bytes());
  }
}
