package org.relaxha.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relaxha lab}, read the way a person reads its output. */
class LabCommandTest {
  private static final Pattern LINE =
      Pattern.compile(
          "^  (\\d\\d:\\d\\d:\\d\\d)  \\+(\\S+)\\s+(\\S+(?: \\S+)?)\\s{2,}(\\S+)\\s+(.*)$");

  private final CapturedLauncher launcher = new CapturedLauncher();

  private int run(String... args) {
    return launcher.run(args);
  }

  private String out() {
    return launcher.out();
  }

  /** The lines of one incident's timeline: label -> seconds after the failure, first occurrence. */
  static Map<String, Integer> phases(String output, int incident) {
    String[] blocks = output.split("\nIncident ");
    String block = blocks[incident].split("\n  -> ")[0];
    Map<String, Integer> first = new LinkedHashMap<>();
    for (String line : block.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        first.putIfAbsent(m.group(3).strip(), seconds(m.group(2)));
      }
    }
    return first;
  }

  private static int seconds(String offset) {
    Matcher m = Pattern.compile("(?:(\\d+)m)?(\\d+)s").matcher(offset);
    if (!m.matches()) {
      throw new AssertionError("not an offset: " + offset);
    }
    return (m.group(1) == null ? 0 : Integer.parseInt(m.group(1)) * 60)
        + Integer.parseInt(m.group(2));
  }

  @Test
  void theBuiltInScenarioTellsEachIncidentWithEveryPhaseAndItsTime() {
    assertThat(run("lab")).isEqualTo(0);
    String text = out();
    assertThat(text)
        .startsWith("RelaxHA lab: three hosts, four incidents (built-in scenario; seed 1)\n")
        .contains("Incident 1 at 00:01:00: service web-1/httpd crashes")
        .contains("Incident 2 at 00:04:00: VM batch-1 crashes")
        .contains("Incident 3 at 00:07:00: VM cache-1 hangs (running but unresponsive)")
        .contains(
            "Incident 4 at 00:10:00: host node-a loses its network (3 VMs keep running on it)");
    Map<String, Integer> host = phases(text, 4);
    assertThat(host.keySet())
        .as("the host failure goes through every phase, in order")
        .containsSubsequence("failure", "detect", "fenced", "place", "boot", "back", "verified")
        .contains("mute", "fence");
    List<Integer> times = new ArrayList<>();
    for (String p : List.of("failure", "detect", "fenced", "place", "boot", "back", "verified")) {
      times.add(host.get(p));
    }
    assertThat(times).as("each phase at or after the one before").isSorted();
    assertThat(host.get("mute")).isEqualTo(host.get("detect"));
    assertThat(host.get("back")).isBetween(30, 90);
    Map<String, Integer> vm = phases(text, 2);
    assertThat(vm.keySet())
        .containsSubsequence("failure", "detect", "skip REBOOT", "boot", "back", "verified");
    assertThat(vm.get("detect"))
        .as("the hypervisor's event feed reports the crash at once")
        .isLessThanOrEqualTo(2);
    assertThat(text)
        .contains("Summary (seconds from each failure; - = not needed or not reached)")
        .containsPattern(
            "\\n  1  service web-1/httpd crashes +\\d+ +- +- +- +\\d+ +\\d+ +\\d+  recovered\\n")
        .containsPattern(
            "\\n  4  host node-a loses its network .* +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+  recovered\\n")
        .contains("Invariants: none broken")
        .doesNotContain("not back", "gave up");
  }

  @Test
  void withoutArgumentsTheLauncherRunsTheLabsBuiltInScenario() {
    assertThat(run()).isEqualTo(0);
    assertThat(out())
        .startsWith("RelaxHA lab: three hosts, four incidents (built-in scenario; seed 1)\n");
  }

  @Test
  void severalRunsGiveStatistics() {
    assertThat(run("lab", "--runs", "4", "--seed", "10")).isEqualTo(0);
    assertThat(out())
        .contains("(built-in scenario; 4 runs, seeds 10..13)")
        .contains("Variant default: 4 run(s); seconds from the failure until back in service")
        .containsPattern("#  INCIDENT +MEAN +SD +P50 +P90 +P99 +MAX +DETECT +VERIFIED +RECOVERED")
        .containsPattern("\\n  4  host node-a loses its network .* 4/4\\n")
        .doesNotContain("Incident 1 at");
  }

  @Test
  void writesJsonAndPlots(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("r.json");
    Path svg = dir.resolve("r.svg");
    Path png = dir.resolve("r.png");
    assertThat(run("lab", "--runs", "3", "--json", json.toString(), "--plot", svg.toString()))
        .isEqualTo(0);
    assertThat(run("lab", "--plot", png.toString())).isEqualTo(0);
    String j = Files.readString(json);
    assertThat(j)
        .startsWith("{")
        .contains("\"scenario\": \"three hosts, four incidents\"")
        .contains("\"runs\": 3")
        .contains("\"kind\": \"host-isolation\"")
        .contains("\"outcome\": \"recovered\"")
        .contains("\"back\": {");
    assertThat(j.chars().filter(c -> c == '{').count())
        .isEqualTo(j.chars().filter(c -> c == '}').count());
    assertThat(Files.readString(svg))
        .startsWith("<svg")
        .contains("Recovery time")
        .endsWith("</svg>\n");
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(out()).contains("Wrote " + json + ".", "Wrote " + svg + ".", "Wrote " + png + ".");
  }

  @Test
  void nothingRunsOnABrokenScenario(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        "name: broken\nhosts: [{ name: node-a, cpus: 8, memory: 8GiB }]\n"
            + "failures:\n  - { at: 1m, kind: host-power-loss, target: node-b }\n");
    assertThat(run("lab", file.toString())).isEqualTo(2);
    assertThat(launcher.err())
        .isEqualTo(
            file
                + ":4: failures[0].target: unknown host 'node-b' (did you mean 'node-a'?); hosts are node-a\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void chaosChecksTheInvariantsAndAScheduleReplaysBySeed() {
    assertThat(run("lab", "--chaos", "20", "--seed", "100")).isEqualTo(0);
    assertThat(out())
        .contains("RelaxHA lab --chaos 20 (seeds 100..119)")
        .containsPattern("20 schedules, \\d+ failures injected \\(\\d+ controller restarts\\)")
        .contains("Result: no invariant broken.");
    launcher.reset();
    assertThat(run("lab", "--chaos", "1", "--seed", "107")).isEqualTo(0);
    assertThat(out())
        .startsWith("RelaxHA lab --chaos 1 --seed 107: one chaos schedule, replayed exactly.\n")
        .contains("Failures:")
        .contains("Incident 1 at ")
        .contains("Invariants: none broken.");
  }

  @Test
  void usageErrors() {
    assertThat(run("lab", "--runs", "0")).isEqualTo(2);
    assertThat(launcher.err()).contains("--runs must be at least 1");
    assertThat(run("lab", "--plot", "x.gif")).isEqualTo(2);
    assertThat(run("lab", "x.yaml", "--chaos", "3")).isEqualTo(2);
  }
}
