package org.relaxha.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher finds the {@code nagios} adapter module on its class path (a runtime dependency):
 * check-config reads its section with file, line and field in errors, and {@code relaxha probe
 * nagios STATUS_FILE} reaches its probe.
 */
class NagiosAdapterLauncherTest {
  private static final String SITE =
      "hosts: [{ name: node-a, cpus: 4, memory: 8G }]\n"
          + "vms: [{ name: web-1, host: node-a, services: [{ name: httpd }] }]\n"
          + "adapters:\n"
          + "  - type: nagios\n"
          + "    statusFile: /var/lib/nagios4/status.dat\n"
          + "    hosts:\n"
          + "      - { host: node-a }\n"
          + "      - { nagios: web1.example.com, vm: web-1 }\n"
          + "    services:\n"
          + "      - { vm: web-1, nagios: HTTP, service: httpd }\n"
          + "    commands:\n"
          + "      commandFile: /var/lib/nagios4/rw/nagios.cmd\n"
          + "      muteWith: downtime\n";

  @TempDir Path dir;
  private final CapturedLauncher launcher = new CapturedLauncher();

  private int run(String... args) {
    return launcher.run(args);
  }

  @Test
  void checkConfigAcceptsANagiosSection() throws Exception {
    Path file = Files.writeString(dir.resolve("site.yaml"), SITE);
    assertThat(run("check-config", file.toString())).as(launcher.err()).isZero();
    assertThat(launcher.out()).contains("nagios: nagios (Monitor, MonitoringControl)");
  }

  @Test
  void checkConfigNamesTheLineAndFieldOfABadNagiosSetting() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("site.yaml"), SITE.replace("{ host: node-a }", "{ host: node-z }"));
    assertThat(run("check-config", file.toString())).isEqualTo(2);
    assertThat(launcher.err())
        .isEqualTo(
            file + ":7: adapters[0].hosts[0].host: 'node-z' is not a host of the configuration\n");
  }

  @Test
  void checkConfigRejectsAMisspeltNagiosKey() throws Exception {
    Path file = Files.writeString(dir.resolve("site.yaml"), SITE.replace("muteWith", "muteWiht"));
    assertThat(run("check-config", file.toString())).isEqualTo(2);
    assertThat(launcher.err()).contains(":13: adapters[0].commands.muteWiht: unknown key");
  }

  @Test
  void probeNagiosPrintsWhatTheAdapterSees() throws Exception {
    long now = Instant.now().getEpochSecond();
    Path status =
        Files.writeString(
            dir.resolve("status.dat"),
            "info {\n\tcreated="
                + now
                + "\n\tversion=4.4.6\n\t}\n"
                + "hoststatus {\n\thost_name=node-a\n\thas_been_checked=1\n\tcurrent_state=0\n"
                + "\tstate_type=1\n\tcurrent_attempt=1\n\tmax_attempts=3\n\tlast_check="
                + now
                + "\n\tplugin_output=PING OK\n\t}\n");
    assertThat(run("probe", "nagios", status.toString())).as(launcher.err()).isZero();
    assertThat(launcher.out()).containsPattern("host +node-a +UP +HARD 1/3 -> UP");
  }
}
