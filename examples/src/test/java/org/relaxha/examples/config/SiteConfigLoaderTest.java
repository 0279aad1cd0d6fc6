package org.relaxha.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.detect.CheckClass;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.detect.PhiAccrual;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.MacAddress;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.RetryBudget;
import org.relaxha.spi.policy.Rung;
import org.relaxha.spi.policy.SafetyValve;
import org.relaxha.spi.policy.ServiceLadder;
import org.relaxha.spi.policy.VmLadder;

class SiteConfigLoaderTest {
  static final Path SITE_EXAMPLE = Path.of("config/site-example.yaml");
  private static final String HOST = "hosts:\n  - { name: node-a, cpus: 16, memory: 64GiB }\n";
  private static final Instant NOW = Instant.parse("2031-05-17T03:14:15.926Z");

  private final SiteConfigLoader loader = new SiteConfigLoader(List.of("lab", "log"));

  private SiteConfig parse(String yaml) {
    return loader.parse(yaml, "site.yaml");
  }

  private String fail(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("loaded without error:\n" + yaml);
  }

  private static Vm vm(String name, Criticality criticality) {
    return Vm.builder(name).criticality(criticality).build();
  }

  @Test
  void theSiteExampleLoads() {
    SiteConfig site = loader.load(SITE_EXAMPLE);
    assertThat(site.file()).isEqualTo(SITE_EXAMPLE.toString());
    assertThat(site.stateDirectory()).isEqualTo(Path.of("/var/lib/relaxha"));
    assertThat(site.controller()).isEqualTo(ControllerSettings.ofDefaults());
    assertThat(site.topology().hosts()).hasSize(3);
    assertThat(site.topology().vms()).hasSize(4);
    assertThat(site.topology().services()).hasSize(4);
    assertThat(site.adapters())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.type()).isEqualTo("log");
              assertThat(a.name()).isEqualTo("audit");
              assertThat(a.line()).isEqualTo(117);
            });
  }

  @Test
  void theSiteExampleSaysWhatItMeans() {
    SiteConfig site = loader.load(SITE_EXAMPLE);
    Host a = site.topology().host(HostId.of("node-a")).orElseThrow();
    assertThat(a.capacity()).isEqualTo(Resources.of(16, 64 * 1024));
    assertThat(a.loadThreshold()).isEqualTo(24);
    assertThat(a.storagePools()).containsExactly("san-a");
    Host b = site.topology().host(HostId.of("node-b")).orElseThrow();
    assertThat(b.loadThreshold()).isEqualTo(32);
    assertThat(site.topology().host(HostId.of("node-c")).orElseThrow().maintenance()).isTrue();

    Vm web = site.topology().vm(VmId.of("web-1")).orElseThrow();
    assertThat(web.demand()).isEqualTo(Resources.of(2, 4096));
    assertThat(web.criticality()).isEqualTo(Criticality.HIGH);
    assertThat(web.mac()).contains(MacAddress.of("52:54:00:00:00:01"));
    assertThat(web.restartPriority()).isEqualTo(10);
    assertThat(web.reinstallAllowed()).isTrue();
    assertThat(web.antiAffinityGroup()).contains("web");
    assertThat(web.storagePool()).contains("san-a");
    assertThat(web.homeHost()).contains(HostId.of("node-a"));
    assertThat(site.topology().vm(VmId.of("batch-1")).orElseThrow().demand().memoryMib())
        .isEqualTo(2048);

    assertThat(site.topology().servicesOf(VmId.of("web-1")))
        .containsExactly(
            new Service(ServiceId.of("web-1", "httpd"), Criticality.HIGH, "apache2"),
            new Service(ServiceId.of("web-1", "sshd"), Criticality.HIGH, "sshd"));
  }

  @Test
  void theSiteExamplePolicies() {
    SiteConfig site = loader.load(SITE_EXAMPLE);
    VmLadder medium = site.policy().vmLadder(vm("m", Criticality.MEDIUM), NOW);
    assertThat(medium).isEqualTo(VmLadder.ofDefaults());
    VmLadder high = site.policy().vmLadder(vm("h", Criticality.HIGH), NOW);
    assertThat(high.restartTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(high.rebootTimeout()).isEqualTo(Duration.ofMinutes(3));
    VmLadder low = site.policy().vmLadder(vm("l", Criticality.LOW), NOW);
    assertThat(low.rungs()).containsExactly(Rung.RESTART);
    assertThat(low.budget()).isEqualTo(new RetryBudget(3, 3, Duration.ofHours(1)));
    assertThat(site.policy().serviceLadder(Service.of("v", "s"), NOW))
        .isEqualTo(ServiceLadder.ofDefaults());
    assertThat(site.policy().hostRecovery(NOW)).isEqualTo(HostRecovery.ofDefaults());
    DetectionPolicy defaults = DetectionPolicy.ofDefaults();
    for (Criticality c : Criticality.values()) {
      assertThat(site.detection().classOf(c)).isEqualTo(defaults.classOf(c));
    }
  }

  @Test
  void everySectionButHostsIsOptional() {
    SiteConfig site = parse(HOST);
    assertThat(site.controller()).isEqualTo(ControllerSettings.ofDefaults());
    assertThat(site.stateDirectory()).isEqualTo(ControllerSettings.DEFAULT_STATE_DIRECTORY);
    for (Criticality c : Criticality.values()) {
      assertThat(site.detection().classOf(c)).isEqualTo(DetectionPolicy.ofDefaults().classOf(c));
      assertThat(site.policy().vmLadder(vm("v", c), NOW)).isEqualTo(VmLadder.ofDefaults());
    }
    assertThat(site.policy().serviceLadder(Service.of("v", "s"), NOW))
        .isEqualTo(ServiceLadder.ofDefaults());
    assertThat(site.policy().hostRecovery(NOW)).isEqualTo(HostRecovery.ofDefaults());
    Host host = site.topology().hosts().values().iterator().next();
    assertThat(host).isEqualTo(Host.builder("node-a").capacity(16, 65536).build());
    assertThat(host.loadThreshold()).isEqualTo(32);
    assertThat(site.topology().vms()).isEmpty();
    assertThat(site.adapters()).isEmpty();
  }

  @Test
  void omittedKeysInsideASectionKeepTheirDefaults() {
    SiteConfig site =
        parse(
            HOST
                + "controller: { threads: 4 }\n"
                + "detection: { LOW: { interval: 2m } }\n"
                + "policy:\n"
                + "  vm: { budget: { window: 2h } }\n"
                + "  service: { maxRestarts: 1 }\n"
                + "  host: { safetyValve: { window: 10m } }\n"
                + "vms: [{ name: v }]\n");
    ControllerSettings d = ControllerSettings.ofDefaults();
    assertThat(site.controller())
        .isEqualTo(
            new ControllerSettings(
                d.stateDirectory(),
                d.callTimeout(),
                d.fenceTimeout(),
                4,
                d.inventoryInterval(),
                d.snapshotEvery()));
    assertThat(site.detection().classOf(Criticality.LOW))
        .isEqualTo(new CheckClass(Duration.ofMinutes(2), 2));
    assertThat(site.policy().vmLadder(vm("v", Criticality.LOW), NOW).budget())
        .isEqualTo(new RetryBudget(6, 3, Duration.ofHours(2)));
    assertThat(site.policy().serviceLadder(Service.of("v", "s"), NOW))
        .isEqualTo(new ServiceLadder(1, Duration.ofMinutes(1), true));
    assertThat(site.policy().hostRecovery(NOW).valve())
        .isEqualTo(new SafetyValve(0.5, 2, Duration.ofMinutes(10)));
    assertThat(site.topology().vm(VmId.of("v")).orElseThrow()).isEqualTo(Vm.builder("v").build());
  }

  @Test
  void relativeStateDirectoryResolvesAgainstTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, "stateDirectory: state\n" + HOST);
    assertThat(loader.load(file).stateDirectory()).isEqualTo(dir.toAbsolutePath().resolve("state"));
  }

  @Test
  void yamlSyntaxError() {
    assertThat(fail(HOST + "vms:\n  - name: [web-1\n"))
        .startsWith("site.yaml:")
        .contains(": YAML syntax error: ");
    assertThat(fail("hosts:\n  - name: a\n   cpus: 1\n"))
        .startsWith("site.yaml:3: YAML syntax error");
  }

  @Test
  void wrongType() {
    assertThat(fail("hosts:\n  - name: node-a\n    cpus: \"sixteen\"\n    memory: 1G\n"))
        .isEqualTo("site.yaml:3: hosts[0].cpus: expected a number, found 'sixteen'");
    assertThat(fail(HOST + "controller: { callTimeout: soon }\n"))
        .isEqualTo(
            "site.yaml:3: controller.callTimeout: expected a duration like 30s, 5m, 1h, 250ms,"
                + " found 'soon'");
    assertThat(fail(HOST + "vms: [{ name: v, memory: lots }]\n"))
        .startsWith("site.yaml:3: vms[0].memory: expected a memory size like 512MiB");
    assertThat(fail(HOST + "vms: [{ name: v, criticality: urgent }]\n"))
        .isEqualTo(
            "site.yaml:3: vms[0].criticality: expected one of high, medium, low, found 'urgent'");
  }

  @Test
  void missingRequiredField() {
    assertThat(fail("hosts:\n  - { name: a, cpus: 1, memory: 1G }\n  - { cpus: 2, memory: 1G }\n"))
        .isEqualTo("site.yaml:3: hosts[1].name: required key is missing");
    assertThat(fail("stateDirectory: /tmp\n"))
        .isEqualTo("site.yaml:1: hosts: required key is missing");
    assertThat(fail("hosts: []\n")).isEqualTo("site.yaml:1: hosts: at least one host is required");
  }

  @Test
  void unknownKeyWithSuggestion() {
    assertThat(fail("hosts:\n  - { name: a, cpus: 1, memroy: 1G }\n"))
        .isEqualTo("site.yaml:2: hosts[0].memroy: unknown key (did you mean 'memory'?)");
    assertThat(fail("host:\n  - { name: a }\n"))
        .isEqualTo("site.yaml:1: host: unknown key (did you mean 'hosts'?)");
    assertThat(fail(HOST + "policy:\n  vmByCriticality:\n    hihg: { restartTimeout: 1m }\n"))
        .isEqualTo("site.yaml:5: policy.vmByCriticality.hihg: unknown key (did you mean 'high'?)");
    assertThat(fail(HOST + "policy:\n  vm: { rebotTimeout: 1m }\n"))
        .isEqualTo(
            "site.yaml:4: policy.vm.rebotTimeout: unknown key (did you mean 'rebootTimeout'?)");
  }

  @Test
  void unknownAdapterType() {
    assertThat(fail(HOST + "adapters:\n  - { type: lgo }\n"))
        .isEqualTo(
            "site.yaml:4: adapters[0].type: unknown adapter type 'lgo' (did you mean 'log'?);"
                + " known types: lab, log");
    assertThat(new SiteConfigLoader(List.of()).parse(HOST, "x").adapters()).isEmpty();
    assertThatThrownBy(
            () -> new SiteConfigLoader(List.of()).parse(HOST + "adapters: [{type: xen}]", "x"))
        .hasMessageContaining("no adapter types are installed");
  }

  @Test
  void duplicateAdapterNames() {
    assertThat(fail(HOST + "adapters:\n  - { type: log }\n  - { type: log }\n"))
        .isEqualTo(
            "site.yaml:5: adapters[1].type: duplicate adapter name 'log' (first on line 4);"
                + " give each adapter of one type its own name");
  }

  @Test
  void unknownHostInAVm() {
    assertThat(fail(HOST + "vms:\n  - name: web-1\n    host: node-b\n"))
        .isEqualTo(
            "site.yaml:5: vms[0].host: unknown host 'node-b' (did you mean 'node-a'?);"
                + " hosts are node-a");
  }

  @Test
  void duplicateNames() {
    assertThat(fail(HOST + "vms:\n  - name: web-1\n  - name: web-1\n"))
        .isEqualTo("site.yaml:5: vms[1].name: duplicate vm name 'web-1' (first on line 4)");
    assertThat(fail(HOST + "  - { name: node-a, cpus: 1, memory: 1G }\n"))
        .isEqualTo("site.yaml:3: hosts[1].name: duplicate host name 'node-a' (first on line 2)");
    assertThat(fail(HOST + "vms:\n  - name: v\n    services: [{ name: s }, { name: s }]\n"))
        .isEqualTo(
            "site.yaml:5: vms[0].services[1].name: duplicate service of vm v name 's'"
                + " (first on line 5)");
  }

  @Test
  void invalidValuesFromTheRecordsAreLocated() {
    assertThat(fail(HOST + "vms:\n  - name: v\n    mac: \"zz:54\"\n"))
        .isEqualTo("site.yaml:5: vms[0].mac: must look like 52:54:00:12:34:56, was 'zz:54'");
    assertThat(fail(HOST + "vms: [{ name: \"web 1\" }]\n"))
        .startsWith("site.yaml:3: vms[0].name: must start with a letter or digit");
    assertThat(fail("hosts:\n  - { name: a, cpus: -1, memory: 1G }\n"))
        .isEqualTo("site.yaml:2: hosts[0].cpus: must be a finite number >= 0.0, was -1.0");
    assertThat(fail(HOST + "controller:\n  threads: 0\n"))
        .isEqualTo("site.yaml:4: controller.threads: must be >= 1, was 0");
    assertThat(fail(HOST + "policy:\n  host: { safetyValve: { maxShareDown: 1.5 } }\n"))
        .isEqualTo(
            "site.yaml:4: policy.host.safetyValve.maxShareDown: must be in [0.0, 1.0], was 1.5");
  }

  @Test
  void phiAccrualIsChosenPerCriticalityWithItsDefaultsOrOverrides() {
    SiteConfig site =
        parse(
            HOST
                + "detection:\n"
                + "  high: { interval: 5s, phiAccrual: true }\n"
                + "  medium: { phiAccrual: { suspectPhi: 10, minLosses: 2, maxLosses: 2 } }\n"
                + "  low: { phiAccrual: false }\n");
    DetectionPolicy detection = site.detection();
    assertThat(detection.phiAccrualOf(Criticality.HIGH)).contains(PhiAccrual.ofDefaults());
    assertThat(detection.classOf(Criticality.HIGH))
        .isEqualTo(new CheckClass(Duration.ofSeconds(5), 2));
    PhiAccrual d = PhiAccrual.ofDefaults();
    assertThat(detection.phiAccrualOf(Criticality.MEDIUM))
        .contains(
            new PhiAccrual(
                d.window(), 10, d.downPhi(), d.minStdFraction(), 2, 2, d.falseDownsPerDay()));
    assertThat(detection.phiAccrualOf(Criticality.LOW)).isEmpty();
  }

  @Test
  void badPhiAccrualSettingsNameTheirLineAndKey() {
    assertThat(fail(HOST + "detection:\n  high:\n    phiAccrual:\n      suspectPhi: 50\n"))
        .isEqualTo(
            "site.yaml:6: detection.high.phiAccrual.suspectPhi: must be in [0.5, 30.0], was 50.0");
    assertThat(fail(HOST + "detection:\n  high:\n    phiAccrual: { windw: 100 }\n"))
        .startsWith("site.yaml:5: detection.high.phiAccrual.windw: unknown key");
    assertThat(fail(HOST + "detection:\n  high:\n    phiAccrual: maybe\n"))
        .startsWith("site.yaml:5: detection.high.phiAccrual:");
  }

  @Test
  void nonPositiveDurations() {
    assertThat(fail(HOST + "detection:\n  high:\n    interval: 0s\n"))
        .isEqualTo("site.yaml:5: detection.high.interval: must be positive, was PT0S");
    assertThat(fail(HOST + "policy:\n  vm:\n    rebootTimeout: PT-1S\n"))
        .isEqualTo("site.yaml:5: policy.vm.rebootTimeout: must be positive, was PT-1S");
    assertThat(fail(HOST + "policy:\n  vmByCriticality: { low: { budget: { window: 0ms } } }\n"))
        .isEqualTo(
            "site.yaml:4: policy.vmByCriticality.low.budget.window: must be positive, was PT0S");
  }

  @Test
  void ladderRungs() {
    assertThat(fail(HOST + "policy: { vm: { rungs: [reboot, reinstal] } }\n"))
        .isEqualTo(
            "site.yaml:3: policy.vm.rungs: unknown rung 'reinstal' (did you mean 'reinstall'?);"
                + " rungs are reboot, restart, reinstall");
    assertThat(fail(HOST + "policy: { vm: { rungs: [restart, reboot] } }\n"))
        .startsWith("site.yaml:3: policy.vm.rungs: must be in escalation order");
    assertThat(
            parse(HOST + "policy: { vm: { rungs: [RESTART, Reinstall] } }\n")
                .policy()
                .vmLadder(vm("v", Criticality.LOW), NOW)
                .rungs())
        .containsExactly(Rung.RESTART, Rung.REINSTALL);
  }

  @Test
  void overridesPerCriticalityStartFromPolicyVm() {
    SiteConfig site =
        parse(
            HOST
                + "policy:\n"
                + "  vm: { rebootTimeout: 1m, restartTimeout: 4m }\n"
                + "  vmByCriticality: { High: { restartTimeout: 2m } }\n");
    VmLadder high = site.policy().vmLadder(vm("v", Criticality.HIGH), NOW);
    assertThat(high.rebootTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(high.restartTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(site.policy().vmLadder(vm("v", Criticality.LOW), NOW).restartTimeout())
        .isEqualTo(Duration.ofMinutes(4));
    assertThat(fail(HOST + "policy:\n  vmByCriticality: { high: {}, HIGH: {} }\n"))
        .contains("policy.vmByCriticality.HIGH: criticality 'HIGH' appears twice");
  }

  @Test
  void storagePoolMustBeReachable() {
    assertThat(fail(HOST + "vms: [{ name: v, storagePool: san-a }]\n"))
        .isEqualTo(
            "site.yaml:3: vms[0].storagePool: no host reaches storage pool 'san-a';"
                + " no host lists any storagePools");
  }

  @Test
  void servicesInheritTheirVmsCriticality() {
    SiteConfig site =
        parse(
            HOST
                + "vms:\n  - name: v\n    criticality: low\n"
                + "    services: [{ name: s }, { name: t, criticality: high, unit: t.service }]\n");
    assertThat(site.topology().servicesOf(VmId.of("v")))
        .containsExactly(
            new Service(ServiceId.of("v", "s"), Criticality.LOW, "s"),
            new Service(ServiceId.of("v", "t"), Criticality.HIGH, "t.service"));
  }

  @Test
  void aMissingFile() {
    assertThatThrownBy(() -> loader.load(Path.of("no/such.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("no/such.yaml: no such file");
  }
}
