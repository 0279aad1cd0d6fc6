package org.relaxha.monitor.nagios.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB status.dat is streamed in bounded memory: the module's tests run with -Xmx128m, so a
 * reader that loaded the file (100 MB of bytes, then as much again as a String) would fail here.
 */
class LargeStatusFileTest {
  static final long SIZE = 100L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aHundredMegabyteStatusFileIsStreamed() throws IOException {
    assertThat(Runtime.getRuntime().maxMemory()).as("-Xmx128m from the POM").isLessThan(SIZE * 2);
    Path file = dir.resolve("status.dat");
    long services = write(file);
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(SIZE);
    Set<NagiosObject> wanted =
        Set.of(NagiosObject.host("host-7"), NagiosObject.service("host-12345", "svc-3"));
    long used = usedHeap();
    StatusSnapshot s = StatusReader.read(file, wanted::contains);
    assertThat(s.report().clean()).isTrue();
    assertThat(s.report().blockTypes().get("servicestatus")).isEqualTo(services);
    assertThat(s.objects()).containsOnlyKeys(wanted);
    assertThat(usedHeap() - used).as("heap kept after the read").isLessThan(16L * 1024 * 1024);
  }

  @Test
  void aHundredMegabyteLineIsCutNotLoaded() throws IOException {
    Path file = dir.resolve("status.dat");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("info {\n\tcreated=1700000000\n\tversion=".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\n\t}\n".getBytes(StandardCharsets.US_ASCII));
    }
    StatusSnapshot s = StatusReader.read(file, Interest.all());
    assertThat(s.hasCreationTime()).isTrue();
    assertThat(s.version()).hasSizeLessThanOrEqualTo(BlockParser.MAX_LINE_BYTES);
    assertThat(s.report().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("longer than"));
  }

  private static long write(Path file) throws IOException {
    long services = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("info {\n\tcreated=1700000000\n\tversion=4.4.6\n\t}\n\n");
      long written = 0;
      for (int h = 0; written < SIZE; h++) {
        String host =
            "hoststatus {\n\thost_name=host-"
                + h
                + "\n\tcurrent_state=0\n\tstate_type=1\n\tlast_check=1700000000\n\t}\n\n";
        out.write(host);
        written += host.length();
        for (int s = 0; s < 10; s++) {
          String svc =
              "servicestatus {\n\thost_name=host-"
                  + h
                  + "\n\tservice_description=svc-"
                  + s
                  + "\n\tcurrent_state=0\n\tstate_type=1\n\tlast_check=1700000000\n\tplugin_output="
                  + "OK - everything is fine, padding padding padding padding padding\n\t}\n\n";
          out.write(svc);
          written += svc.length();
          services++;
        }
      }
    }
    return services;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
