package org.relaxha.examples.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.examples.config.SiteConfig;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The {@code libvirt} adapter type (module ha-xen, on the launcher's class path) configured from a
 * site YAML as {@code relaxha run --config} would, against libvirt's in-process test driver.
 */
class LibvirtAdapterConfigTest {
  private static final String HOSTS =
      "hosts:\n  - { name: node-a, cpus: 4, memory: 8G }\n  - { name: node-b, cpus: 4, memory: 8G }\n"
          + "vms:\n  - { name: web-1, host: node-a }\n";

  @TempDir Path dir;
  private final AdapterRegistry registry = AdapterRegistry.discover();

  private Adapters instantiate(String adapter) throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, HOSTS + "adapters:\n" + adapter);
    SiteConfig config = registry.loader().withEnvironment(Map.<String, String>of()::get).load(file);
    return registry.instantiate(config, config.adapterContext(InstantSource.system()));
  }

  private String node() throws Exception {
    Path node = dir.resolve("node-a.xml");
    Files.writeString(
        node,
        "<node><domain type='test'><name>web1</name><memory>65536</memory>"
            + "<os><type>hvm</type></os></domain></node>");
    return "test://" + node;
  }

  @Test
  void theLibvirtTypeIsFoundAndBuildsAHypervisorAndAnEventMonitor() throws Exception {
    assertThat(registry.types()).contains("libvirt");
    try (Adapters adapters =
        instantiate(
            "  - type: libvirt\n"
                + "    name: kvm\n"
                + "    hosts:\n"
                + "      - { name: node-a, uri: \""
                + node()
                + "\" }\n"
                + "      - { name: node-b, uri: \"test:///default\" }\n"
                + "    domains: { web-1: web1 }\n"
                + "    callTimeout: 5s\n"
                + "    keepalive: { interval: 5s, count: 3 }\n"
                + "    reconnect: { initialDelay: 1s, maxDelay: 30s }\n"
                + "    heartbeat: 10s\n")) {
      assertThat(adapters.hypervisors()).hasSize(1);
      assertThat(adapters.monitors()).hasSize(1);
      Hypervisor kvm = adapters.hypervisors().get(0);
      assertThat(kvm.name()).isEqualTo("kvm");
      assertThat(kvm.hosts()).containsExactly(HostId.of("node-a"), HostId.of("node-b"));
      kvm.start();
      InventoryResult r = kvm.inventory(HostId.of("node-a"));
      assertThat(((InventoryResult.Listed) r).stateOf(VmId.of("web-1")))
          .contains(PowerState.RUNNING);
    }
  }

  @Test
  void aUriTemplateManagesEveryHostAndEventsCanBeOff() throws Exception {
    try (Adapters adapters =
        instantiate(
            "  - { type: libvirt, uri: \"qemu+ssh://root@{host}/system\", events: false }\n")) {
      assertThat(adapters.monitors()).isEmpty();
      assertThat(adapters.hypervisors().get(0).hosts())
          .containsExactly(HostId.of("node-a"), HostId.of("node-b"));
    }
  }

  @Test
  void aBadUriIsAnErrorWithFileLineAndField() {
    assertThatThrownBy(
            () ->
                instantiate(
                    "  - type: libvirt\n"
                        + "    hosts:\n"
                        + "      - { name: node-a, uri: \"qemu:///system\" }\n"
                        + "      - { name: node-b, uri: \"not a uri\" }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("site.yaml:10")
        .hasMessageContaining("adapters[0].hosts[1].uri")
        .hasMessageContaining("is not a URI");
  }

  @Test
  void anUnknownHostAndAMisspeltKeyAreErrors() {
    assertThatThrownBy(
            () ->
                instantiate(
                    "  - { type: libvirt, hosts: [{ name: node-z, uri: \"test:///default\" }] }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("host 'node-z' is not one of the configured hosts");
    assertThatThrownBy(
            () -> instantiate("  - { type: libvirt, uri: \"qemu:///{host}\", calTimeout: 5s }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("calTimeout");
  }
}
