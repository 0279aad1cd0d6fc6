package org.relaxha.monitor.nagios.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandFileTest {
  @TempDir Path dir;

  private Path fifo() throws Exception {
    Path fifo = dir.resolve("nagios.cmd");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
    return fifo;
  }

  @Test
  void linesReachTheReaderOfTheFifo() throws Exception {
    Path fifo = fifo();
    // Like Nagios, the reader keeps the FIFO open (read-write, so that opening does not block).
    try (RandomAccessFile reader = new RandomAccessFile(fifo.toFile(), "rw")) {
      new CommandFile(fifo).send(List.of("[1] DISABLE_HOST_CHECK;web-1", "[1] RESTART_PROGRAM"));
      CompletableFuture<List<String>> read =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return List.of(reader.readLine(), reader.readLine());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(read.get(5, TimeUnit.SECONDS))
          .containsExactly("[1] DISABLE_HOST_CHECK;web-1", "[1] RESTART_PROGRAM");
    }
  }

  @Test
  @Timeout(5)
  void aFifoNobodyReadsDoesNotBlock() throws Exception {
    new CommandFile(fifo()).send(List.of("[1] RESTART_PROGRAM"));
  }

  @Test
  void aMissingFileSaysNagiosMayNotRun() {
    assertThatThrownBy(() -> new CommandFile(dir.resolve("rw/nagios.cmd")).send(List.of("x")))
        .isInstanceOfSatisfying(
            CommandFileException.class,
            e -> {
              assertThat(e.unreachable()).isTrue();
              assertThat(e.getMessage())
                  .contains("rw/nagios.cmd")
                  .contains("does not exist")
                  .contains("check_external_commands=1");
            });
  }

  @Test
  void aRegularFileIsNotWrittenTo() throws Exception {
    Path regular = Files.writeString(dir.resolve("nagios.cmd"), "");
    assertThatThrownBy(() -> new CommandFile(regular).send(List.of("x")))
        .isInstanceOfSatisfying(
            CommandFileException.class,
            e -> {
              assertThat(e.unreachable()).isFalse();
              assertThat(e.getMessage()).contains("not a FIFO").contains("command_file");
            });
    assertThat(Files.size(regular)).isZero();
  }

  @Test
  void aDirectoryIsNamedAsSuch() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("nagios.cmd"));
    assertThatThrownBy(() -> new CommandFile(directory).send(List.of("x")))
        .hasMessageContaining("is a directory");
  }

  @Test
  void anUnwritableFifoSaysPermissionDenied() throws Exception {
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path fifo = open.resolve("nagios.cmd");
    Process mk = new ProcessBuilder("mkfifo", "-m", "0444", fifo.toString()).start();
    assertThat(mk.waitFor(5, TimeUnit.SECONDS) && mk.exitValue() == 0).as("mkfifo").isTrue();
    if (!"root".equals(System.getProperty("user.name"))) {
      assertThatThrownBy(() -> new CommandFile(fifo).send(List.of("x")))
          .hasMessageContaining("permission denied");
      return;
    }
    // Root may write any file: send as the unprivileged user nobody, in a child JVM.
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv missing");
    Process p =
        new ProcessBuilder(
                "/usr/bin/setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                Path.of("target/classes").toAbsolutePath()
                    + ":"
                    + Path.of("target/test-classes").toAbsolutePath(),
                SendAsMain.class.getName(),
                fifo.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(1);
    assertThat(out).contains("nagios.cmd").contains("permission denied");
  }

  @Test
  void overlongOrMultiLineCommandsAreRefused() throws Exception {
    CommandFile file = new CommandFile(fifo());
    assertThatThrownBy(() -> file.send(List.of("a\nb"))).hasMessageContaining("newline");
    assertThatThrownBy(() -> file.send(List.of("x".repeat(5000)))).hasMessageContaining("4096");
  }

  @Test
  void theExternalCommandsHaveNagiosSyntax() {
    var host = org.relaxha.monitor.nagios.status.NagiosObject.host("web-1");
    var svc = org.relaxha.monitor.nagios.status.NagiosObject.service("web-1", "httpd");
    var now = java.time.Instant.ofEpochSecond(1000);
    assertThat(
            ExternalCommands.scheduleDowntime(
                host, now, Duration.ofHours(1), "RelaxHA", "why;\nnot"))
        .isEqualTo("[1000] SCHEDULE_HOST_DOWNTIME;web-1;1000;4600;1;0;3600;RelaxHA;why, not");
    assertThat(ExternalCommands.disableChecks(svc, now))
        .isEqualTo("[1000] DISABLE_SVC_CHECK;web-1;httpd");
    assertThat(ExternalCommands.acknowledge(svc, now, "A", "c"))
        .isEqualTo("[1000] ACKNOWLEDGE_SVC_PROBLEM;web-1;httpd;2;0;0;A;c");
    assertThat(ExternalCommands.deleteComment(svc, 7, now)).isEqualTo("[1000] DEL_SVC_COMMENT;7");
    assertThat(ExternalCommands.restartProgram(now)).isEqualTo("[1000] RESTART_PROGRAM");
    var bad = org.relaxha.monitor.nagios.status.NagiosObject.host("a;b");
    assertThatThrownBy(() -> ExternalCommands.enableChecks(bad, now))
        .hasMessageContaining("contains ';'");
  }
}
