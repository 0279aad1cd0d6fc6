package org.relaxha.monitor.nagios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusProbeTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int probe(String... args) {
    return new NagiosAdapterProvider()
        .probe(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsEveryHostAndServiceWithWhatRelaxhaWouldObserve() throws Exception {
    Path file = dir.resolve("status.dat");
    long now = Instant.now().getEpochSecond();
    StatusText.at(Instant.now())
        .host("node-a", 0, true, 1, now)
        .host("web-1", 1, false, 1, now)
        .host("pending", 0, true, 1, 0)
        .service("web-1", "httpd", 2, true, 2, now)
        .writeTo(file);
    assertThat(probe(file.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("written by Nagios 4.4.6")
        .containsPattern("host +node-a +UP +HARD 1/2 -> UP")
        .containsPattern("host +web-1 +DOWN +SOFT 1/2 -> UNREACHABLE")
        .containsPattern("host +pending +PENDING")
        .containsPattern("service web-1/httpd +CRITICAL +HARD 2/2 -> FAILED")
        .contains("3 hosts, 1 services");
  }

  @Test
  void aMissingFileATruncatedOneAndBadArgumentsFail() throws Exception {
    assertThat(probe(dir.resolve("none.dat").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no such file");
    Path file =
        Files.writeString(
            dir.resolve("status.dat"),
            StatusText.at(Instant.now()).toString() + "hoststatus {\n\thost_name=cut");
    assertThat(probe(file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("status.dat:").contains("truncated");
    assertThat(probe()).isEqualTo(2);
    assertThat(probe("--help")).isEqualTo(2);
  }

  @Test
  void anOldFileIsReportedAsTheMonitorWouldSeeIt() throws Exception {
    Path file = dir.resolve("status.dat");
    StatusText.at(Instant.now().minusSeconds(3600)).writeTo(file);
    assertThat(probe(file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("report the source lost");
  }
}
