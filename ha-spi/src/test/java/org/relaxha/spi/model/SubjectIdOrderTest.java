package org.relaxha.spi.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SubjectIdOrderTest {
  @Test
  void subjectsSortByKindThenName() {
    List<SubjectId> mixed =
        List.of(
            new ServiceId(VmId.of("b"), "httpd"),
            VmId.of("b"),
            HostId.of("z"),
            new ServiceId(VmId.of("a"), "sshd"),
            VmId.of("a"),
            HostId.of("a"),
            new ServiceId(VmId.of("a"), "httpd"));
    List<String> keys = new ArrayList<>();
    new TreeSet<>(mixed).forEach(s -> keys.add(s.key()));
    assertThat(keys)
        .containsExactly(
            "host:a",
            "host:z",
            "vm:a",
            "vm:b",
            "service:a/httpd",
            "service:a/sshd",
            "service:b/httpd");
  }

  @Test
  void theSameKindShortcutAgreesWithTheGeneralOrderBothWays() {
    SubjectId[] all = {
      HostId.of("web"), VmId.of("web"), new ServiceId(VmId.of("web"), "web"), HostId.of("db")
    };
    for (SubjectId a : all) {
      for (SubjectId b : all) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
      }
    }
  }
}
