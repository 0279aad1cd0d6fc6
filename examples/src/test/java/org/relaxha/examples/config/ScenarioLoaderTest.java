package org.relaxha.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaxha.sim.Distribution;
import org.relaxha.sim.FailureKind;
import org.relaxha.sim.MonitorSpec;
import org.relaxha.sim.Scenario;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.HostRecovery;

class ScenarioLoaderTest {
  private static final String BASE =
      "name: small\n"
          + "hosts:\n"
          + "  - { name: node-a, cpus: 8, memory: 16GiB }\n"
          + "  - { name: node-b, cpus: 8, memory: 16GiB }\n"
          + "vms:\n"
          + "  - { name: web-1, host: node-a, boot: { min: 20s, max: 40s } }\n";

  private static ConfigException error(String text) {
    return (ConfigException)
        org.assertj.core.api.Assertions.catchThrowable(() -> ScenarioLoader.parse(text, "s.yaml"));
  }

  @Test
  void readsTheDataCenterTheFailuresAndEveryVariant() {
    ScenarioFile f =
        ScenarioLoader.parse(
            BASE
                + "seed: 7\n"
                + "monitors: [{ type: nagios, interval: 15s }, { type: events }]\n"
                + "failures:\n"
                + "  - { at: 2m, kind: host-power-loss, target: node-a, for: 5m,\n"
                + "      expect: { slow: { low: 1m, high: 2m, text: about 90 s } } }\n"
                + "variants:\n"
                + "  - { name: slow, policy: { host: { fenceDelay: 1m, bootSlot: until-started } } }\n"
                + "  - { name: fast }\n",
            "s.yaml");
    assertThat(f.variants()).extracting(Scenario::variant).containsExactly("slow", "fast");
    Scenario slow = f.variants().get(0);
    assertThat(slow.seed()).isEqualTo(7);
    assertThat(slow.vms().get(VmId.of("web-1")).boot())
        .isEqualTo(new Distribution.Uniform(Duration.ofSeconds(20), Duration.ofSeconds(40)));
    assertThat(slow.monitors()).hasSize(2).first().isInstanceOf(MonitorSpec.Nagios.class);
    assertThat(slow.failures())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.kind()).isEqualTo(FailureKind.HOST_POWER_LOSS);
              assertThat(x.target()).contains(HostId.of("node-a"));
              assertThat(x.lasting()).contains(Duration.ofMinutes(5));
              assertThat(x.expect()).containsKey("slow");
            });
    HostRecovery slowHost = slow.policy().hostRecovery(slow.start());
    assertThat(slowHost.fenceDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(slowHost.bootSlot()).isEqualTo(HostRecovery.BootSlot.UNTIL_STARTED);
    assertThat(f.variants().get(1).policy().hostRecovery(slow.start()).fenceDelay()).isZero();
    assertThat(slow.duration())
        .as("30 minutes after the last failure")
        .isEqualTo(Duration.ofMinutes(32));
  }

  @Test
  void aMissingFieldNamesItsLineAndField() {
    ConfigException e = error(BASE + "failures:\n  - { kind: vm-crash, target: web-1 }\n");
    assertThat(e).hasMessage("s.yaml:8: failures[0].at: required key is missing");
  }

  @Test
  void aWrongTypeNamesItsLineAndField() {
    assertThat(error(BASE + "failures:\n  - { at: soon, kind: vm-crash, target: web-1 }\n"))
        .hasMessage(
            "s.yaml:8: failures[0].at: expected a duration like 30s, 5m, 1h, 250ms, found 'soon'");
    assertThat(
            error(
                "name: x\nhosts: [{ name: a, cpus: 1, memory: 1G }]\n"
                    + "vms:\n  - { name: v, host: a, boot: { min: 20s, max: [1] } }\n"))
        .hasMessage(
            "s.yaml:4: vms[0].boot.max: expected a duration like 30s, 5m, 1h, 250ms, found a list");
  }

  @Test
  void anUnknownHostNamesItsLineAndFieldAndTheHostsThereAre() {
    assertThat(error(BASE + "failures:\n  - { at: 1m, kind: host-isolation, target: node-c }\n"))
        .hasMessage(
            "s.yaml:8: failures[0].target: unknown host 'node-c' (did you mean 'node-a'?); hosts are"
                + " node-a, node-b");
    assertThat(error(BASE.replace("host: node-a", "host: node-z")))
        .hasMessage(
            "s.yaml:6: vms[0].host: unknown host 'node-z' (did you mean 'node-a'?); hosts are"
                + " node-a, node-b");
  }

  @Test
  void otherMistakesAreNamedToo() {
    assertThat(error(BASE + "failures:\n  - { at: 1m, kind: vm-crsh, target: web-1 }\n"))
        .hasMessageStartingWith(
            "s.yaml:8: failures[0].kind: unknown failure kind 'vm-crsh' (did you mean 'vm-crash'?)");
    assertThat(
            error(
                BASE
                    + "failures:\n  - { at: 1m, kind: vm-crash, target: web-1, expect: { paper: { value: 1m } } }\n"))
        .hasMessageStartingWith("s.yaml:8: failures[0].expect.paper: unknown variant 'paper'");
    assertThat(error(BASE + "monitors: [{ type: nagois }]\n"))
        .hasMessageStartingWith(
            "s.yaml:7: monitors[0].type: unknown monitor type 'nagois' (did you mean 'nagios'?)");
    assertThat(error(BASE + "colour: blue\n"))
        .hasMessageStartingWith("s.yaml:7: colour: unknown key");
    assertThat(error(BASE + "variants: [{ name: a, policy: { host: { bootSlot: forever } } }]\n"))
        .hasMessageContaining(
            "variants[0].policy.host.bootSlot: expected until-up or until-started");
    assertThat(
            error(BASE + "duration: 1m\nfailures: [{ at: 2m, kind: vm-crash, target: web-1 }]\n"))
        .hasMessageContaining("duration: the run ends at 1m, before the last failure at 2m");
  }

  @Test
  void everyShippedScenarioLoads() throws Exception {
    try (var files = Files.list(Path.of("scenarios"))) {
      for (Path p : files.filter(x -> x.toString().endsWith(".yaml")).toList()) {
        assertThat(ScenarioLoader.load(p).variants()).as("%s", p).isNotEmpty();
      }
    }
  }

  @Test
  void aMissingFileIsAConfigError() {
    assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no-such.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("no-such.yaml: no such file");
  }
}
