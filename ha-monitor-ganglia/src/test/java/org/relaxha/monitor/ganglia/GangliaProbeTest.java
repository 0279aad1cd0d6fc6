package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaxha.monitor.ganglia.support.FakeGangliaServer;
import org.relaxha.monitor.ganglia.support.GangliaXml;

class GangliaProbeTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int probe(String... args) {
    return new GangliaProvider()
        .probe(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsEveryHostWithStateStalenessAndLoadFive() {
    byte[] doc =
        GangliaXml.gmetad()
            .grid("g", 1000)
            .cluster("hatest", 998)
            .host("node-a", "127.0.0.1", 3, 20, Map.of("load_five", 0.81, "cpu_idle", 97.5))
            .host("node-b", "127.0.0.2", 95, 20, Map.of("load_five", 1.5))
            .endCluster()
            .cluster("old", 900)
            .host("node-c", "127.0.0.3", 101, 20)
            .endCluster()
            .endGrid()
            .bytes();
    try (FakeGangliaServer gmetad = FakeGangliaServer.start(FakeGangliaServer.serving(doc))) {
      assertThat(probe(gmetad.address(), "--metric", "cpu_idle")).isEqualTo(0);
      assertThat(out())
          .contains("GANGLIA_XML 3.7.2 from gmetad, 2 cluster(s), 3 host(s)")
          .contains("cluster hatest: 2 host(s), data 2 s old")
          .contains("cluster old: 1 host(s), data 100 s old (STALE")
          .containsPattern("node-a +127\\.0\\.0\\.1 +hatest +up +3/20 +3 s ago +0\\.81 +97\\.50")
          .containsPattern("node-b +127\\.0\\.0\\.2 +hatest +DOWN +95/20 +95 s ago +1\\.50 +-")
          .containsPattern("node-c +127\\.0\\.0\\.3 +old +stale")
          .contains("up: TN <= 4.0 x TMAX");
      assertThat(err()).isEmpty();
    }
  }

  @Test
  void aFailingSourceExitsOneNamingIt() throws Exception {
    String dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = "127.0.0.1:" + s.getLocalPort();
    }
    assertThat(probe(dead, "--timeout", "2")).isEqualTo(1);
    assertThat(err()).contains("ganglia source " + dead + ": connection refused");
  }

  @Test
  void usageErrorsExitTwoAndHelpExitsZero() {
    assertThat(probe()).isEqualTo(2);
    assertThat(err()).contains("which source?", "Usage: relaxha probe ganglia HOST:PORT");
    assertThat(probe("h:1", "--timeout", "soon")).isEqualTo(2);
    assertThat(err()).contains("--timeout takes whole seconds");
    assertThat(probe("h:1", "--query", "nope")).isEqualTo(2);
    assertThat(probe("h:1", "h:2")).isEqualTo(2);
    assertThat(probe("h:1", "--tmax-multiple", "0")).isEqualTo(2);
    assertThat(probe("--help")).isEqualTo(0);
    assertThat(out()).contains("Usage: relaxha probe ganglia");
  }
}
