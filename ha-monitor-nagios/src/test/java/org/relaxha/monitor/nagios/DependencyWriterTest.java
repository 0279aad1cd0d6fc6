package org.relaxha.monitor.nagios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.command.CommandFile;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/** The write-back's file handling with a stand-in for {@code nagios -v} (a shell script). */
class DependencyWriterTest {
  static final VmId WEB_1 = VmId.of("web-1");
  static final HostId NODE_A = HostId.of("node-a");
  static final HostId NODE_B = HostId.of("node-b");

  @TempDir Path dir;
  CommandSender sender;

  @AfterEach
  void close() {
    if (sender != null) {
      sender.close();
    }
  }

  Path include() {
    return dir.resolve("relaxha.cfg");
  }

  DependencyWriter writer(String validatorScript, Duration validateTimeout) throws Exception {
    Path binary = dir.resolve("fake-nagios");
    Files.writeString(binary, "#!/bin/sh\n" + validatorScript + "\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cfg =
        Files.writeString(
            dir.resolve("nagios.cfg"), "object_cache_file=" + dir.resolve("objects.cache") + "\n");
    WriteBackSettings settings =
        new WriteBackSettings(
            include(),
            cfg,
            binary,
            Optional.empty(),
            "relaxha-parents-",
            false,
            List.of(),
            validateTimeout,
            Duration.ofSeconds(2));
    SubjectMap map =
        SubjectMap.builder()
            .host("node-a", NODE_A)
            .host("node-b", NODE_B)
            .vm("web-1", WEB_1)
            .build();
    sender = new CommandSender(new CommandFile(dir.resolve("missing.cmd")), "test-commands");
    return new DependencyWriter(
        "nagios",
        "RelaxHA",
        settings,
        map,
        Map.of(WEB_1, NODE_A),
        sender,
        new SnapshotBoard(),
        InstantSource.system());
  }

  @Test
  void writesTheFileOnceWithTheHomeHosts() throws Exception {
    DependencyWriter w = writer("exit 0", Duration.ofSeconds(5));
    w.ensureFile();
    String first = Files.readString(include());
    assertThat(first).contains("vm=web-1 host=node-a").contains("\tparents\tnode-a\n");
    w.ensureFile();
    assertThat(Files.readString(include())).isEqualTo(first);
  }

  @Test
  void aRejectedConfigurationIsRolledBackByteForByte() throws Exception {
    DependencyWriter w =
        writer(
            "echo \"Error: 'node-b' is not a valid parent for host 'web-1'!\"; exit 1",
            Duration.ofSeconds(5));
    w.ensureFile();
    byte[] before = Files.readAllBytes(include());
    ActionResult r = w.moved(WEB_1, NODE_A, NODE_B);
    assertThat(r).isInstanceOf(ActionResult.Failed.class);
    assertThat(r.detail()).contains("is not a valid parent").contains("rolled back");
    assertThat(Files.readAllBytes(include())).isEqualTo(before);
  }

  @Test
  void aValidatorThatHangsIsKilledAndTheFileRolledBack() throws Exception {
    DependencyWriter w = writer("exec sleep 30", Duration.ofMillis(300));
    w.ensureFile();
    byte[] before = Files.readAllBytes(include());
    long started = System.nanoTime();
    ActionResult r = w.moved(WEB_1, NODE_A, NODE_B);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.detail()).contains("took longer than").contains("rolled back");
    assertThat(Files.readAllBytes(include())).isEqualTo(before);
  }

  @Test
  void aValidFileThatCannotBeReloadedStaysAndSaysWhy() throws Exception {
    DependencyWriter w = writer("echo 'Things look okay'; exit 0", Duration.ofSeconds(5));
    w.ensureFile();
    ActionResult r = w.moved(WEB_1, NODE_A, NODE_B);
    assertThat(r).isInstanceOf(ActionResult.Unreachable.class);
    assertThat(r.detail()).contains("validated, but the reload failed").contains("missing.cmd");
    assertThat(Files.readString(include())).contains("vm=web-1 host=node-b");
  }

  @Test
  void aFileRelaxhaDidNotWriteIsNeverOverwritten() throws Exception {
    Files.writeString(include(), "define host {\n\thost_name\tmine\n}\n");
    DependencyWriter w = writer("exit 0", Duration.ofSeconds(5));
    assertThatThrownBy(w::ensureFile).hasMessageContaining("was not written by RelaxHA");
    ActionResult r = w.moved(WEB_1, NODE_A, NODE_B);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.detail()).contains("refusing to overwrite");
    assertThat(Files.readString(include())).isEqualTo("define host {\n\thost_name\tmine\n}\n");
  }

  @Test
  void aVmNagiosDoesNotKnowNeedsNoWriteBack() throws Exception {
    DependencyWriter w = writer("exit 1", Duration.ofSeconds(5));
    ActionResult r = w.moved(VmId.of("db-1"), NODE_A, NODE_B);
    assertThat(r.succeeded()).isTrue();
    assertThat(include()).doesNotExist();
  }
}
