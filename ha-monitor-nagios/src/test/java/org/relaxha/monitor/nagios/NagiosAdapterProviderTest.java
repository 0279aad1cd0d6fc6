package org.relaxha.monitor.nagios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.config.MapConfigSection;

class NagiosAdapterProviderTest {
  @TempDir Path state;
  final NagiosAdapterProvider provider = new NagiosAdapterProvider();

  AdapterContext context() {
    return new AdapterContext(NagiosMonitorTest.topology(), InstantSource.system(), state);
  }

  static Map<String, Object> minimal() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "nagios");
    m.put("statusFile", "/var/lib/nagios4/status.dat");
    m.put(
        "hosts",
        List.of(Map.of("nagios", "web1.example.com", "vm", "web-1"), Map.of("host", "node-a")));
    return m;
  }

  NagiosMonitor create(Map<String, Object> values) {
    List<Object> components =
        provider.create(MapConfigSection.adapter("/etc/relaxha/site.yaml", values), context());
    assertThat(components).singleElement().isInstanceOf(NagiosMonitor.class);
    return (NagiosMonitor) components.get(0);
  }

  ConfigException error(Map<String, Object> values) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(
        ConfigException.class,
        () ->
            provider.create(MapConfigSection.adapter("/etc/relaxha/site.yaml", values), context()));
  }

  @Test
  void isFoundThroughServiceLoaderByItsTypeName() {
    assertThat(ServiceLoader.load(AdapterProvider.class).stream().map(p -> p.get().type()))
        .contains("nagios");
  }

  @Test
  void aMinimalSectionGivesAMonitorWithDefaults() {
    NagiosMonitor m = create(minimal());
    NagiosSettings s = m.settings();
    assertThat(m.name()).isEqualTo("nagios");
    assertThat(s.statusFile()).isEqualTo(Path.of("/var/lib/nagios4/status.dat"));
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.staleAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.subjects().subject(NagiosObject.host("web1.example.com")))
        .contains(VmId.of("web-1"));
    assertThat(s.subjects().subject(NagiosObject.host("node-a"))).contains(HostId.of("node-a"));
    assertThat(s.events()).isEmpty();
    assertThat(s.commands()).isEmpty();
    assertThat(m.covers()).hasSize(2);
  }

  @Test
  void everySectionIsRead() {
    Map<String, Object> v = minimal();
    v.put("name", "nagios-west");
    v.put("pollInterval", "500ms");
    v.put("staleAfter", "30s");
    v.put("maxCheckAge", "5m");
    v.put("services", List.of(Map.of("vm", "web-1", "nagios", "HTTP", "service", "httpd")));
    v.put("events", Map.of("socket", "nagios.sock", "group", "nagios"));
    v.put(
        "commands",
        Map.of(
            "commandFile",
            "/var/lib/nagios4/rw/nagios.cmd",
            "muteWith",
            "Checks",
            "downtimeLength",
            "1h",
            "acknowledge",
            "false",
            "author",
            "ha",
            "verifyTimeout",
            "5s"));
    v.put(
        "writeBack",
        Map.of(
            "file",
            "/etc/nagios4/relaxha.cfg",
            "nagiosConfig",
            "/etc/nagios4/nagios.cfg",
            "hostDependencies",
            "true",
            "serviceDependencies",
            List.of("hypervisor")));
    NagiosSettings s = create(v).settings();
    assertThat(s.name()).isEqualTo("nagios-west");
    assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.subjects().subject(NagiosObject.service("web1.example.com", "HTTP")))
        .contains(ServiceId.of("web-1", "httpd"));
    assertThat(s.events().orElseThrow().socket()).isEqualTo(Path.of("/etc/relaxha/nagios.sock"));
    assertThat(s.commands().orElseThrow().muteWith()).isEqualTo(MuteMode.CHECKS);
    assertThat(s.commands().orElseThrow().author()).isEqualTo("ha");
    assertThat(s.writeBack().orElseThrow().serviceDependencies()).containsExactly("hypervisor");
    assertThat(s.writeBack().orElseThrow().nagiosBinary())
        .isEqualTo(WriteBackSettings.DEFAULT_BINARY);
  }

  @Test
  void mapByNameMapsTheTopologyAndExplicitEntriesWin() {
    Map<String, Object> v = minimal();
    v.put("mapByName", "true");
    SubjectMap map = create(v).settings().subjects();
    assertThat(map.nagiosHost(VmId.of("web-1"))).contains("web1.example.com");
    assertThat(map.object(ServiceId.of("web-1", "httpd")))
        .contains(NagiosObject.service("web1.example.com", "httpd"));
  }

  @Test
  void errorsNameTheFileLineAndKey() {
    Map<String, Object> v = minimal();
    v.remove("statusFile");
    ConfigException e = error(v);
    assertThat(e.field()).isEqualTo("adapters[0].statusFile");
    assertThat(e.file()).isEqualTo("/etc/relaxha/site.yaml");

    v = minimal();
    v.put("hosts", List.of(Map.of("host", "node-z")));
    e = error(v);
    assertThat(e.field()).isEqualTo("adapters[0].hosts[0].host");
    assertThat(e.problem()).contains("'node-z' is not a host");
    assertThat(e.line()).isGreaterThan(10);
  }

  @Test
  void badValuesAreRejectedWithTheirKey() {
    assertThat(bad("hosts", List.of(Map.of("host", "node-a", "vm", "web-1"))).field())
        .endsWith("hosts[0].vm");
    assertThat(bad("hosts", List.of(Map.of("nagios", "x"))).problem()).contains("needs host");
    assertThat(
            bad(
                    "hosts",
                    List.of(Map.of("host", "node-a"), Map.of("nagios", "node-a", "vm", "web-1")))
                .problem())
        .contains("mapped twice");
    assertThat(bad("hosts", List.of()).problem()).contains("maps no Nagios host");
    assertThat(bad("services", List.of(Map.of("vm", "web-1", "service", "nope"))).problem())
        .contains("not a service");
    assertThat(bad("staleAfter", "500ms").field()).endsWith("staleAfter");
    assertThat(bad("pollInterval", "0s").problem()).contains("positive");
    assertThat(bad("events", Map.of("socket", "/" + "x".repeat(200))).field())
        .endsWith("events.socket");
    assertThat(bad("commands", Map.of("commandFile", "/c", "muteWith", "silence")).problem())
        .contains("downtime or checks");
    assertThat(bad("commands", Map.of("commandFile", "/c", "author", "a;b")).field())
        .endsWith("commands.author");
    assertThat(bad("writeBack", Map.of("file", "/f", "nagiosConfig", "/n")).problem())
        .contains("needs a commands section");
  }

  @Test
  void servicesNeedTheirVmMapped() {
    Map<String, Object> v = minimal();
    v.put("hosts", List.of(Map.of("host", "node-a")));
    v.put("services", List.of(Map.of("vm", "web-1", "service", "httpd")));
    assertThat(error(v).problem()).contains("has no Nagios host");
  }

  @Test
  void writeBackKeysAreChecked() {
    Map<String, Object> v = minimal();
    v.put("commands", Map.of("commandFile", "/c"));
    v.put("writeBack", Map.of("file", "/f", "nagiosConfig", "/n", "templatePrefix", "bad prefix"));
    ConfigException e = error(v);
    assertThat(e.field()).isEqualTo("adapters[0].writeBack.templatePrefix");
    v.put("writeBack", Map.of("file", "/n", "nagiosConfig", "/n"));
    assertThat(error(v).problem()).contains("must not be the main nagios.cfg");
  }

  @Test
  void createConnectsToNothing() {
    Map<String, Object> v = minimal();
    v.put("events", Map.of("socket", state.resolve("e.sock").toString()));
    v.put("commands", Map.of("commandFile", "/c"));
    v.put(
        "writeBack", Map.of("file", state.resolve("relaxha.cfg").toString(), "nagiosConfig", "/n"));
    int threads = Thread.activeCount();
    NagiosMonitor m = create(v);
    assertThat(state.resolve("e.sock")).doesNotExist();
    assertThat(state.resolve("relaxha.cfg")).doesNotExist();
    assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads);
    m.close();
  }

  private ConfigException bad(String key, Object value) {
    Map<String, Object> v = minimal();
    v.put(key, value);
    ConfigException e = error(v);
    assertThat(e).as("%s: %s accepted", key, value).isNotNull();
    return e;
  }
}
