package org.relaxha.spi.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Resources;

class ClusterSnapshotTest {
  private static final Instant AT = Instant.parse("2031-01-01T00:00:00Z");

  private static HostSnapshot host(String name) {
    return new HostSnapshot(
        Host.builder(name).build(), true, false, Resources.of(0, 0), 0, 0, Set.of(), Set.of());
  }

  @Test
  void hostsAreSortedById() {
    ClusterSnapshot c = new ClusterSnapshot(List.of(host("b"), host("a")), AT);
    assertThat(c.hosts()).extracting(h -> h.id().name()).containsExactly("a", "b");
  }

  @Test
  void aHostListedTwiceIsRefusedByName() {
    assertThatThrownBy(() -> new ClusterSnapshot(List.of(host("a"), host("b"), host("a")), AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cluster.hosts: host a appears twice");
  }
}
