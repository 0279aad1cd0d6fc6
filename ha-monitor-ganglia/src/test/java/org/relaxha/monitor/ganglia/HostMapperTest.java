package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaxha.monitor.ganglia.HostMapper.Mapping;
import org.relaxha.monitor.ganglia.support.Sites;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

class HostMapperTest {

  @Test
  void rulesByNameIpAndRegexInOrder() {
    HostMapper mapper =
        new HostMapper(
            List.of(
                MappingRule.byName("gw1.example.org", "host:node-a"),
                MappingRule.byIp("10.0.0.21", "web-1"),
                MappingRule.byRegex("(node-[a-z])\\.dc1\\.example\\.org", "host:$1")),
            false,
            Sites.threeHosts());
    assertThat(mapper.map("gw1.example.org", "10.9.9.9"))
        .isEqualTo(new Mapping.Mapped(HostId.of("node-a")));
    assertThat(mapper.map("whatever", "10.0.0.21")).isEqualTo(new Mapping.Mapped(VmId.of("web-1")));
    assertThat(mapper.map("node-c.dc1.example.org", ""))
        .isEqualTo(new Mapping.Mapped(HostId.of("node-c")));
    assertThat(mapper.map("node-c", "")).isInstanceOf(Mapping.Unmapped.class);
    assertThat(mapper.fixedTargets())
        .containsExactlyInAnyOrder(HostId.of("node-a"), VmId.of("web-1"));
  }

  @Test
  void aTemplateThatGivesAnUnknownSubjectIsUnresolved() {
    HostMapper mapper =
        new HostMapper(
            List.of(MappingRule.byRegex("(.+)\\.lan", "host:$1")), false, Sites.threeHosts());
    assertThat(mapper.map("node-z.lan", ""))
        .isInstanceOfSatisfying(
            Mapping.Unresolved.class,
            u -> assertThat(u.problem()).contains("'host:node-z' is not a configured host"));
  }

  @Test
  void autoMapMatchesTheNameOrTheShortName() {
    HostMapper mapper = new HostMapper(List.of(), true, Sites.threeHosts());
    assertThat(mapper.map("node-b", "")).isEqualTo(new Mapping.Mapped(HostId.of("node-b")));
    assertThat(mapper.map("db-1.vms.example.org", ""))
        .isEqualTo(new Mapping.Mapped(VmId.of("db-1")));
    assertThat(mapper.map("printer", "")).isInstanceOf(Mapping.Unmapped.class);
    assertThat(mapper.map("bad name!", "")).isInstanceOf(Mapping.Unmapped.class);
    assertThat(new HostMapper(List.of(), false, Sites.threeHosts()).map("node-b", ""))
        .isInstanceOf(Mapping.Unmapped.class);
  }

  @Test
  void aFixedRuleNamingAnUnknownSubjectIsRefused() {
    assertThatThrownBy(
            () ->
                new HostMapper(
                    List.of(MappingRule.byName("x", "host:node-z")), true, Sites.threeHosts()))
        .hasMessageContaining("map[0].subject")
        .hasMessageContaining("not a configured host");
    assertThatThrownBy(
            () ->
                new HostMapper(
                    List.of(MappingRule.byName("x", "nothing")), true, Sites.threeHosts()))
        .hasMessageContaining("neither a configured host nor a configured VM");
    assertThatThrownBy(
            () ->
                new HostMapper(
                    List.of(MappingRule.byName("x", "service:web-1/httpd")),
                    true,
                    Sites.threeHosts()))
        .hasMessageContaining("Ganglia reports hosts");
  }

  @Test
  void regexTemplatesAreChecked() {
    assertThatThrownBy(() -> MappingRule.byRegex("(a)", "host:$2"))
        .hasMessageContaining("$2 but the regex has 1 group");
    assertThatThrownBy(() -> MappingRule.byRegex("(?<n>a)", "host:${n}"))
        .hasMessageContaining("named groups");
    assertThatThrownBy(() -> MappingRule.byRegex("a", "host:$x"))
        .hasMessageContaining("'$' must be followed by a group number");
    assertThat(MappingRule.byRegex("a.*", "host:node-a").fixed()).isTrue();
    assertThat(MappingRule.byRegex("(a.*)", "host:$1").fixed()).isFalse();
  }
}
