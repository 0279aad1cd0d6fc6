package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.relaxha.monitor.ganglia.support.Sites;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.config.MapConfigSection;

class GangliaProviderTest {
  private final GangliaProvider provider = new GangliaProvider();
  private final AdapterContext context =
      new AdapterContext(Sites.threeHosts(), Clock.systemUTC(), Path.of("/tmp/relaxha-test"));

  private static Map<String, Object> minimal() {
    Map<String, Object> m = new HashMap<>();
    m.put("type", "ganglia");
    m.put("sources", List.of(Map.of("address", "127.0.0.1:8651")));
    return m;
  }

  private GangliaMonitor create(Map<String, Object> values) {
    List<Object> components = provider.create(MapConfigSection.adapter(values), context);
    assertThat(components).hasSize(1);
    return (GangliaMonitor) components.get(0);
  }

  private ConfigException error(Map<String, Object> values) {
    return (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> create(values));
  }

  @Test
  void isFoundByServiceLoaderUnderItsTypeName() {
    assertThat(ServiceLoader.load(AdapterProvider.class).stream().map(p -> p.get().type()))
        .contains("ganglia");
  }

  @Test
  void minimalConfigurationGetsTheDocumentedDefaults() {
    GangliaConfig c = create(minimal()).config();
    assertThat(c.name()).isEqualTo("ganglia");
    assertThat(c.sources()).hasSize(1);
    assertThat(c.sources().get(0).interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.sources().get(0).timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.tmaxMultiple()).isEqualTo(4.0);
    assertThat(c.staleAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.autoMap()).isTrue();
    assertThat(c.limits().maxBytes()).isEqualTo(128L << 20);
    assertThat(c.limits().maxHosts()).isEqualTo(100_000);
    assertThat(c.metrics())
        .containsExactlyInAnyOrder(
            "load_one", "load_five", "load_fifteen", "cpu_num", "mem_total", "mem_free");
  }

  @Test
  void everySettingIsRead() {
    Map<String, Object> m = minimal();
    m.put("name", "ganglia-west");
    m.put("interval", "5s");
    m.put("timeout", "3s");
    m.put(
        "sources",
        List.of(
            Map.of("address", "gmetad-a:8652", "query", "/hatest", "interval", "2s"),
            Map.of("address", "gmetad-b:8651", "timeout", "1s")));
    m.put("tmaxMultiple", "2.5");
    m.put("staleAfter", "45s");
    m.put("maxBackoff", "2m");
    m.put("metrics", List.of("cpu_idle", "bytes_in"));
    m.put(
        "map",
        List.of(
            Map.of("name", "gw1.example.org", "subject", "host:node-a"),
            Map.of("ip", "10.0.0.21", "subject", "web-1"),
            Map.of("regex", "(node-[bc])\\..*", "subject", "host:$1")));
    m.put("autoMap", "false");
    m.put("covers", List.of("node-a", "node-b", "node-c", "vm:web-1"));
    m.put("maxDocumentMiB", "32");
    m.put("maxHosts", "5000");
    GangliaMonitor monitor = create(m);
    GangliaConfig c = monitor.config();
    assertThat(monitor.name()).isEqualTo("ganglia-west");
    assertThat(c.sources().get(0).query()).contains("/hatest");
    assertThat(c.sources().get(0).interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.sources().get(0).timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.sources().get(1).interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.sources().get(1).timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.tmaxMultiple()).isEqualTo(2.5);
    assertThat(c.staleAfter()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.maxBackoff()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.metrics()).contains("cpu_idle", "bytes_in", "load_five");
    assertThat(c.rules()).hasSize(3);
    assertThat(c.autoMap()).isFalse();
    assertThat(c.limits().maxBytes()).isEqualTo(32L << 20);
    assertThat(c.limits().maxHosts()).isEqualTo(5000);
    assertThat(monitor.covers())
        .containsExactlyInAnyOrder(
            HostId.of("node-a"), HostId.of("node-b"), HostId.of("node-c"), VmId.of("web-1"));
  }

  @Test
  void coversDefaultsToTheSubjectsTheRulesName() {
    Map<String, Object> m = minimal();
    m.put(
        "map",
        List.of(
            Map.of("name", "gw1", "subject", "node-a"),
            Map.of("regex", "(db-.*)\\.vms", "subject", "vm:$1")));
    assertThat(create(m).covers()).containsExactly(HostId.of("node-a"));
  }

  @Test
  void createConnectsToNothing() {
    Map<String, Object> m = minimal();
    m.put("sources", List.of(Map.of("address", "no-such-host.invalid:1")));
    assertThat(create(m).activeSource()).isEmpty();
  }

  @Test
  void errorsNameTheFieldAndLine() {
    Map<String, Object> m = minimal();
    m.remove("sources");
    ConfigException e = error(m);
    assertThat(e.field()).isEqualTo("adapters[0].sources");
    assertThat(e.problem()).contains("at least one source");
    assertThat(e.file()).isEqualTo("test.yaml");
    assertThat(e.line()).isPositive();

    assertThat(errorAt("sources", List.of(Map.of("address", "gmetad:http"))).field())
        .isEqualTo("adapters[0].sources[0].address");
    assertThat(errorAt("sources", List.of(Map.of("address", "g:1", "query", "x"))).problem())
        .contains("starting with '/'");
    assertThat(errorAt("sources", List.of(Map.of("address", "g:1", "adress", "x"))).field())
        .isEqualTo("adapters[0].sources[0].adress");
    assertThat(errorAt("tmaxMultiple", "0.5").problem()).contains(">= 1");
    assertThat(errorAt("interval", "0s").field()).isEqualTo("adapters[0].interval");
    assertThat(errorAt("maxDocumentMiB", "0").field()).isEqualTo("adapters[0].maxDocumentMiB");
    assertThat(errorAt("maxHosts", "-3").problem()).contains("at least 1");
    assertThat(errorAt("metrics", List.of(" ")).field()).isEqualTo("adapters[0].metrics");
    assertThat(errorAt("covers", List.of("node-z")).problem()).contains("'node-z'");
    assertThat(errorAt("tmaxmultiple", "4").problem()).contains("unknown key");
  }

  @Test
  void mappingErrorsNameTheRule() {
    assertThat(errorAt("map", List.of(Map.of("name", "x", "subject", "host:node-z"))).field())
        .isEqualTo("adapters[0].map[0].subject");
    assertThat(errorAt("map", List.of(Map.of("regex", "(", "subject", "node-a"))).problem())
        .contains("not a valid regular expression");
    assertThat(errorAt("map", List.of(Map.of("regex", "(a)", "subject", "host:$3"))).field())
        .isEqualTo("adapters[0].map[0].subject");
    assertThat(
            errorAt("map", List.of(Map.of("name", "a", "ip", "1.2.3.4", "subject", "node-a")))
                .problem())
        .contains("exactly one of name, ip or regex");
    assertThat(errorAt("map", List.of(Map.of("subject", "node-a"))).problem())
        .contains("exactly one of name, ip or regex");
    assertThat(errorAt("map", List.of(Map.of("name", "a"))).field())
        .isEqualTo("adapters[0].map[0].subject");
  }

  @Test
  void unknownKeysAreRejected() {
    assertThatThrownBy(() -> create(with("colour", "blue")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("adapters[0].colour");
  }

  private ConfigException errorAt(String key, Object value) {
    ConfigException e = error(with(key, value));
    assertThat(e).as("an error for %s = %s", key, value).isNotNull();
    return e;
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> m = minimal();
    m.put(key, value);
    return m;
  }
}
