package org.relaxha.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelaxhaTest {
  private static final String SITE_EXAMPLE = "config/site-example.yaml";

  private final CapturedLauncher launcher = new CapturedLauncher();
  private final List<Object> seen = new ArrayList<>();

  private LauncherContext context(ControllerWiring wiring) {
    return launcher.context(wiring, Map.of("LAB_PASSWORD", "pw")::get);
  }

  private int run(String... args) {
    return Relaxha.execute(context(new ControllerWiring()), args);
  }

  private String out() {
    return launcher.out();
  }

  private String err() {
    return launcher.err();
  }

  @Test
  void checkConfigOnTheSiteExample() {
    assertThat(run("check-config", SITE_EXAMPLE)).isEqualTo(0);
    assertThat(out())
        .startsWith("config/site-example.yaml: OK\n")
        .contains("  state directory: /var/lib/relaxha\n")
        .contains("  hosts:    3 (node-a, node-b, node-c; 1 in maintenance)\n")
        .contains("  VMs:      4 (high 3, low 1)\n")
        .contains("  services: 4\n")
        .contains("  adapters: 1\n    log: audit (Notifier)\n")
        .contains("  note: no Hypervisor adapter");
    assertThat(err()).isEmpty();
  }

  @Test
  void checkConfigOnABrokenFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(
        file,
        "hosts:\n  - { name: node-a, cpus: 16, memory: 64GiB }\n"
            + "vms:\n  - name: web-1\n    host: node-z\n");
    assertThat(run("check-config", file.toString())).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            file
                + ":5: vms[0].host: unknown host 'node-z' (did you mean 'node-a'?); hosts are"
                + " node-a\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void checkConfigReportsAnAdaptersUnknownKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(
        file,
        "hosts: [{ name: a, cpus: 1, memory: 1G }]\n"
            + "adapters:\n  - type: lab\n    uri: lab://a\n    pasword: env:LAB_PASSWORD\n");
    assertThat(run("check-config", file.toString())).isEqualTo(2);
    assertThat(err())
        .isEqualTo(file + ":5: adapters[0].pasword: unknown key (did you mean 'password'?)\n");
  }

  @Test
  void checkConfigWithAMissingFileOrArgument() {
    assertThat(run("check-config", "nope.yaml")).isEqualTo(2);
    assertThat(err()).isEqualTo("nope.yaml: no such file\n");
    launcher.reset();
    assertThat(run("check-config")).isEqualTo(2);
    assertThat(err()).contains("Missing required parameter: 'FILE'").contains("Usage:");
  }

  @Test
  void probeDispatchesToTheProviderWithItsArguments() {
    assertThat(run("probe", "lab", "qemu:///system", "--verbose")).isEqualTo(0);
    assertThat(out()).isEqualTo("lab probe [qemu:///system, --verbose]\n");
    launcher.reset();
    assertThat(run("probe", "lab", "--fail")).isEqualTo(1);
  }

  @Test
  void probeOfLibvirtPrintsTheDomainsAtEachUri() {
    assertThat(run("probe", "libvirt", "test:///default")).isEqualTo(0);
    assertThat(out())
        .startsWith("test:///default: 1 domain(s)\n")
        .contains("test")
        .contains("RUNNING");
    assertThat(run("probe", "libvirt", "test+unix:///default?socket=/nonexistent/sock"))
        .isEqualTo(1);
    assertThat(out()).contains("UNREACHABLE").contains("VIR_ERR_SYSTEM_ERROR");
    assertThat(run("probe", "libvirt")).isEqualTo(2);
  }

  @Test
  void probeOfAnAdapterWithoutProbe() {
    assertThat(run("probe", "log")).isEqualTo(2);
    assertThat(err()).isEqualTo("adapter type 'log' has no probe command\n");
  }

  @Test
  void probeOfAnUnknownTypeListsTheKnownTypes() {
    assertThat(run("probe", "lib")).isEqualTo(2);
    String known = String.join(", ", context(new ControllerWiring()).registry().types());
    assertThat(known).contains("lab", "log");
    assertThat(err())
        .isEqualTo(
            "relaxha probe: unknown adapter type 'lib' (did you mean 'lab'?). Known types: "
                + known
                + ".\n");
    launcher.reset();
    assertThat(run("probe")).isEqualTo(2);
    assertThat(err())
        .startsWith("relaxha probe: which adapter type? Known types: " + known + ".\n");
  }

  @Test
  void probeHelpListsTheAdapterTypes() {
    assertThat(run("probe", "--help")).isEqualTo(0);
    assertThat(out())
        .contains("Usage: relaxha probe")
        .contains("lab")
        .contains("test hypervisor and monitor")
        .contains("log")
        .containsPattern("Known types: .*lab, .*log");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "check-config",
        "probe",
        "probe lab",
        "run",
        "status",
        "lab",
        "confirm-fenced",
        "release-hold",
        "maintenance",
        "reset-vm"
      })
  void everyCommandHasHelp(String command) {
    List<String> args =
        new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");
    assertThat(run(args.toArray(String[]::new))).isEqualTo(0);
    assertThat(out()).startsWith("Usage: relaxha" + (command.isEmpty() ? "" : " " + command));
    assertThat(err()).isEmpty();
  }

  @Test
  void runHelpListsTheAdapterTypes() {
    assertThat(run("run", "--help")).isEqualTo(0);
    assertThat(out())
        .contains("Installed adapter types:\n")
        .contains("  lab: test hypervisor and monitor\n")
        .contains("  log: Notifier: writes notifications to the launcher's log\n");
  }

  @Test
  void withoutACommandTheLabsBuiltInScenarioTellsEachIncidentWithItsPhasesAndTimes() {
    assertThat(run()).isEqualTo(0);
    String text = out();
    assertThat(text)
        .contains("Incident 1 at 00:01:00: service web-1/httpd crashes")
        .contains("Incident 2 at 00:04:00: VM batch-1 crashes")
        .contains(
            "Incident 4 at 00:10:00: host node-a loses its network (3 VMs keep running on it)")
        .containsPattern("00:10:\\d\\d  \\+\\d+s +detect +node-a")
        .containsPattern("00:10:\\d\\d  \\+\\d+s +fence +node-a")
        .containsPattern("00:10:\\d\\d  \\+\\d+s +fenced +node-a")
        .containsPattern("00:10:\\d\\d  \\+\\d+s +boot +db-1 +starting on node-[bc]")
        .containsPattern("00:1\\d:\\d\\d  \\+\\d+s +verified +web-1 ")
        .contains("Summary (seconds from each failure; - = not needed or not reached)")
        .containsPattern(
            "host node-a loses its network .* +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+  recovered")
        .contains("Invariants: none broken");
    assertThat(text).doesNotContain("not back");
  }

  @Test
  void statusOfADirectoryWhereNoControllerRan(@TempDir Path dir) {
    assertThat(run("status", "--state-dir", dir.toString())).isEqualTo(1);
    assertThat(err())
        .isEqualTo(
            "relaxha: no status in " + dir + ": no controller has run with this state directory\n");
  }

  @Test
  void statusShowsTheLastReportOfAStoppedController(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("status.txt"),
        "RelaxHA status at 2026-05-01T10:00:00Z (journal seq 7)\n\nvm:web UP\n");
    assertThat(run("status", "--state-dir", dir.toString())).isEqualTo(0);
    assertThat(out())
        .isEqualTo(
            "No controller is running on "
                + dir
                + "; this is its last status, written 2026-05-01T10:00:00Z.\n"
                + "RelaxHA status at 2026-05-01T10:00:00Z (journal seq 7)\n\nvm:web UP\n");
  }

  @Test
  void operatorCommandsNeedARunningController(@TempDir Path dir) {
    assertThat(run("confirm-fenced", "node-a", "--state-dir", dir.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("relaxha: no controller is running on " + dir + "\n");
  }

  @Test
  void maintenanceTakesOnOrOff(@TempDir Path dir) {
    assertThat(run("maintenance", "node-a", "sometimes", "--state-dir", dir.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("expected 'on' or 'off', got 'sometimes'");
  }

  @Test
  void runValidatesBeforeItCallsTheController(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, "hosts: [{ name: a, cpus: \"sixteen\", memory: 1G }]\n");
    ControllerWiring recording =
        new ControllerWiring() {
          @Override
          public int run(LoadedSite site, LauncherContext launcher) {
            seen.add(site);
            return 0;
          }
        };
    assertThat(Relaxha.execute(context(recording), "run", "--config", file.toString()))
        .isEqualTo(2);
    assertThat(err()).isEqualTo(file + ":1: hosts[0].cpus: expected a number, found 'sixteen'\n");
    assertThat(seen).isEmpty();

    assertThat(Relaxha.execute(context(recording), "run", "--config", SITE_EXAMPLE)).isEqualTo(0);
    assertThat(seen)
        .singleElement()
        .satisfies(
            s -> {
              LoadedSite site = (LoadedSite) s;
              assertThat(site.config().topology().vms()).hasSize(4);
              assertThat(site.adapters().notifiers()).hasSize(1);
              assertThat(site.context().stateDirectory()).isEqualTo(Path.of("/var/lib/relaxha"));
            });
  }

  @Test
  void statusFindsTheStateDirectory() {
    ControllerWiring recording =
        new ControllerWiring() {
          @Override
          public int status(StatusRequest request, LauncherContext launcher) {
            seen.add(request);
            return 0;
          }
        };
    LauncherContext context = context(recording);
    assertThat(Relaxha.execute(context, "status", "--state-dir", "/tmp/ha")).isEqualTo(0);
    assertThat(Relaxha.execute(context, "status", "--config", SITE_EXAMPLE)).isEqualTo(0);
    assertThat(Relaxha.execute(context, "status")).isEqualTo(0);
    assertThat(seen)
        .extracting(r -> ((StatusRequest) r).stateDirectory())
        .containsExactly(
            Path.of("/tmp/ha"), Path.of("/var/lib/relaxha"), Path.of("/var/lib/relaxha"));
    assertThat(((StatusRequest) seen.get(1)).config()).isPresent();
    assertThat(Relaxha.execute(context, "status", "--state-dir", "x", "--config", "y"))
        .isEqualTo(2);
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err()).contains("Unmatched argument at index 0: 'frobnicate'");
  }
}
