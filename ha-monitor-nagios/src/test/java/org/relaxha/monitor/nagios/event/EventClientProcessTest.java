package org.relaxha.monitor.nagios.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrapper script runs the client with this module's classes only: the client must need nothing
 * but the JDK (no SPI jar, no SLF4J). Runs the script in a child process against a listening
 * server.
 */
class EventClientProcessTest {
  @TempDir Path dir;

  @Test
  void theWrapperScriptDeliversWithOnlyThisModulesClasses() throws Exception {
    List<NagiosEvent> received = new CopyOnWriteArrayList<>();
    Path socket = dir.resolve("e.sock");
    try (EventServer server =
        EventServer.start(
            socket,
            Optional.empty(),
            "test-events",
            e -> {
              received.add(e);
              return null;
            })) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of("src/main/scripts/relaxha-nagios-event").toAbsolutePath().toString(),
                  "--socket",
                  server.socket().toString(),
                  "service",
                  "web-1",
                  "httpd",
                  "2",
                  "HARD",
                  "2",
                  "1700000000",
                  "CRITICAL - refused")
              .redirectErrorStream(true);
      pb.environment()
          .put("RELAXHA_CLASSPATH", Path.of("target/classes").toAbsolutePath().toString());
      pb.environment()
          .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(received)
          .singleElement()
          .satisfies(e -> assertThat(e.output()).isEqualTo("CRITICAL - refused"));
    }
  }
}
