package org.relaxha.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private static Service service(String vm, String name) {
    return new Service(new ServiceId(VmId.of(vm), name), Criticality.MEDIUM, name);
  }

  @Test
  void servicesOfAVmAreItsOwnInNameOrderAndTheMapStaysAMap() {
    Topology t =
        Topology.of(
            List.of(Host.builder("h1").build()),
            List.of(
                Vm.builder("web-1").build(),
                Vm.builder("web-10").build(),
                Vm.builder("db").build()),
            List.of(
                service("web-10", "httpd"),
                service("web-1", "sshd"),
                service("web-1", "httpd"),
                service("db", "postgres")));
    assertThat(t.servicesOf(VmId.of("web-1")))
        .extracting(s -> s.id().name())
        .containsExactly("httpd", "sshd");
    assertThat(t.servicesOf(VmId.of("web-10")))
        .extracting(s -> s.id().name())
        .containsExactly("httpd");
    assertThat(t.servicesOf(VmId.of("nowhere"))).isEmpty();
    assertThat(t.services()).hasSize(4);
    assertThat(t.services().keySet())
        .extracting(ServiceId::toString)
        .containsExactly("db/postgres", "web-1/httpd", "web-1/sshd", "web-10/httpd");
    ServiceId httpd = new ServiceId(VmId.of("web-1"), "httpd");
    assertThat(t.services().get(httpd).unit()).isEqualTo("httpd");
    assertThat(t.contains(httpd)).isTrue();
    assertThatThrownBy(() -> t.services().remove(httpd))
        .isInstanceOf(UnsupportedOperationException.class);
    Topology same = new Topology(t.hosts(), t.vms(), new java.util.HashMap<>(t.services()));
    assertThat(same).isEqualTo(t);
    assertThat(same.hashCode()).isEqualTo(t.hashCode());
  }
}
