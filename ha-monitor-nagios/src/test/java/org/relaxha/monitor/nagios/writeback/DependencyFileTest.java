package org.relaxha.monitor.nagios.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

class DependencyFileTest {
  static final DependencyFile.Options PARENTS_ONLY =
      new DependencyFile.Options("relaxha-parents-", false, List.of());

  static DependencyFile.Entry entry(String vm, String nagios, String host, String nagiosHost) {
    return new DependencyFile.Entry(
        VmId.of(vm),
        nagios,
        Optional.ofNullable(host).map(HostId::of),
        Optional.ofNullable(nagiosHost));
  }

  @Test
  void rendersATemplatePerVmWithItsParent() {
    String text =
        DependencyFile.render(
            List.of(entry("web-1", "web1.example.com", "node-a", "node-a.example.com")),
            PARENTS_ONLY,
            "nagios");
    assertThat(text)
        .startsWith(DependencyFile.HEADER)
        .contains("# relaxha-location: vm=web-1 host=node-a\n")
        .contains(
            "define host {\n\tname\trelaxha-parents-web1.example.com\n"
                + "\tparents\tnode-a.example.com\n\tregister\t0\n}\n")
        .doesNotContain("hostdependency");
  }

  @Test
  void aVmWithoutAKnownHostGetsATemplateWithoutParents() {
    String text =
        DependencyFile.render(List.of(entry("web-1", "web-1", null, null)), PARENTS_ONLY, "nagios");
    assertThat(text)
        .contains("\tname\trelaxha-parents-web-1\n\tregister\t0\n")
        .doesNotContain("parents\t")
        .doesNotContain("relaxha-location");
  }

  @Test
  void writesTheDependenciesItIsAskedToManage() {
    String text =
        DependencyFile.render(
            List.of(entry("web-1", "web-1", "node-a", "node-a")),
            new DependencyFile.Options("p-", true, List.of("hypervisor")),
            "nagios");
    assertThat(text)
        .contains("define hostdependency {\n\thost_name\tnode-a\n\tdependent_host_name\tweb-1\n")
        .contains(
            "\tservice_description\thypervisor\n\tdependent_host_name\tweb-1\n"
                + "\tdependent_service_description\t*\n");
  }

  @Test
  void renderingIsDeterministicAndLocationsRoundTrip() {
    List<DependencyFile.Entry> entries =
        List.of(
            entry("web-1", "web-1", "node-a", "node-a"), entry("db-1", "db-1", "node-b", "node-b"));
    String once = DependencyFile.render(entries, PARENTS_ONLY, "nagios");
    assertThat(DependencyFile.render(entries, PARENTS_ONLY, "nagios")).isEqualTo(once);
    assertThat(DependencyFile.locations(once))
        .containsEntry(VmId.of("web-1"), HostId.of("node-a"))
        .containsEntry(VmId.of("db-1"), HostId.of("node-b"))
        .hasSize(2);
    assertThat(DependencyFile.locations("# relaxha-location: vm=b@d;x host=?\n")).isEmpty();
  }
}
