package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GangliaSourceTest {
  private static final Duration S = Duration.ofSeconds(15);
  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void parsesHostPortIpv6AndABareHost() {
    assertThat(GangliaSource.parse("gmetad.example.org:8651", S, T).address())
        .isEqualTo("gmetad.example.org:8651");
    GangliaSource v6 = GangliaSource.parse("[::1]:8652", S, T);
    assertThat(v6.host()).isEqualTo("::1");
    assertThat(v6.address()).isEqualTo("[::1]:8652");
    assertThat(GangliaSource.parse("node-a", S, T).port()).isEqualTo(8649);
  }

  @Test
  void rejectsBadAddressesSayingWhy() {
    assertThatThrownBy(() -> GangliaSource.parse("host:http", S, T))
        .hasMessageContaining("numeric port");
    assertThatThrownBy(() -> GangliaSource.parse("host:70000", S, T))
        .hasMessageContaining("[1, 65535]");
    assertThatThrownBy(() -> GangliaSource.parse(":8651", S, T)).hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> GangliaSource.parse("[::1:8651", S, T)).hasMessageContaining("']'");
  }

  @Test
  void aQueryIsAPathOnOneLine() {
    GangliaSource s = GangliaSource.parse("g:8652", S, T).withQuery("/hatest");
    assertThat(s.query()).contains("/hatest");
    assertThat(s).hasToString("g:8652 /hatest");
    assertThatThrownBy(() -> s.withQuery("hatest")).hasMessageContaining("starting with '/'");
    assertThatThrownBy(() -> s.withQuery("/a\n/b")).hasMessageContaining("one line");
  }
}
