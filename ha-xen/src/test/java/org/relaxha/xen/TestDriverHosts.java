package org.relaxha.xen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Simulated hosts for libvirt's in-process test driver: one node XML per host, written into a
 * directory. {@code node-a} runs {@code vm-a}, has {@code vm-b} shut off and {@code vm-c} paused;
 * {@code node-b} has no domain. The test driver keeps its state per connection, so each adapter
 * starts from these files afresh.
 */
final class TestDriverHosts {
  static final String NODE_A =
      "<node>\n"
          + cpu()
          + domain("vm-a", "11111111-1111-1111-1111-111111111111", -1)
          + domain("vm-b", "22222222-2222-2222-2222-222222222222", 5)
          + domain("vm-c", "33333333-3333-3333-3333-333333333333", 3)
          + "</node>\n";
  static final String NODE_B = "<node>\n" + cpu() + "</node>\n";

  /** A URI where no libvirtd listens: "libvirtd not running". */
  static final String NO_DAEMON = "test+unix:///default?socket=/nonexistent/relaxha/libvirt-sock";

  private TestDriverHosts() {}

  /** Writes node-a.xml and node-b.xml into {@code dir}. */
  static void write(Path dir) {
    try {
      Files.writeString(dir.resolve("node-a.xml"), NODE_A);
      Files.writeString(dir.resolve("node-b.xml"), NODE_B);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String uri(Path dir, String node) {
    return "test://" + dir.resolve(node + ".xml").toAbsolutePath();
  }

  /** h-a and h-b on the test driver, h-down where no daemon runs; fast timeouts. */
  static LibvirtConfig.Builder config(Path dir) {
    write(dir);
    return LibvirtConfig.builder()
        .name("libvirt-test")
        .host("h-a", uri(dir, "node-a"))
        .host("h-b", uri(dir, "node-b"))
        .host("h-down", NO_DAEMON)
        .callTimeout(Duration.ofSeconds(5))
        .connectTimeout(Duration.ofSeconds(5))
        .heartbeat(Duration.ofMillis(500))
        .reconnect(Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  private static String cpu() {
    return "  <cpu><nodes>1</nodes><sockets>1</sockets><cores>4</cores><threads>1</threads>"
        + "<active>4</active><mhz>2000</mhz><model>x86_64</model></cpu>\n"
        + "  <memory>8388608</memory>\n";
  }

  /** A test domain; runstate -1 = default (running), 5 = shut off, 3 = paused. */
  static String domain(String name, String uuid, int runstate) {
    return "  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>"
        + "<name>"
        + name
        + "</name><uuid>"
        + uuid
        + "</uuid><memory>524288</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64'>hvm</type></os>"
        + (runstate < 0 ? "" : "<test:runstate>" + runstate + "</test:runstate>")
        + "</domain>\n";
  }
}
