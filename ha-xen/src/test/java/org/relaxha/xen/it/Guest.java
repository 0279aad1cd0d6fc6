package org.relaxha.xen.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaxha.testkit.it.RequiredTools;

/**
 * The tiny test guest: a Debian cloud kernel and a busybox initramfs, built once per checkout into
 * {@code target/guest} from packages fetched with {@code apt-get download} (see {@code
 * guest/build-guest.sh}), booted by QEMU under TCG with its serial console in a file. Its init
 * prints {@code HAVM-BOOTED} at every boot.
 *
 * <p>Not thread-safe.
 */
final class Guest {
  static final String BOOT_MARKER = "HAVM-BOOTED";

  private final Path images;

  private Guest(Path images) {
    this.images = images;
  }

  /** Builds (or reuses) the kernel and initramfs. */
  static Guest build() throws IOException, InterruptedException {
    RequiredTools.require("apt-get", "apt");
    RequiredTools.require("dpkg-deb", "dpkg");
    Path images = Path.of("target/guest").toAbsolutePath();
    Files.createDirectories(images);
    Path script = images.resolve("build-guest.sh");
    try (InputStream in = Guest.class.getResourceAsStream("/guest/build-guest.sh")) {
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Process p =
        new ProcessBuilder("bash", script.toString(), images.toString())
            .redirectErrorStream(true)
            .redirectOutput(images.resolve("build.log").toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "building the guest failed: " + Files.readString(images.resolve("build.log")));
    }
    return new Guest(images);
  }

  /** Domain XML for a TCG guest named {@code name} whose console goes (appended) to a file. */
  String domainXml(String name, Path console) {
    return "<domain type='qemu'>\n"
        + "  <name>"
        + name
        + "</name><memory unit='MiB'>128</memory><vcpu>1</vcpu>\n"
        + "  <os><type arch='x86_64' machine='q35'>hvm</type>\n"
        + "    <kernel>"
        + images.resolve("vmlinuz")
        + "</kernel>\n"
        + "    <initrd>"
        + images.resolve("initramfs.cpio.gz")
        + "</initrd>\n"
        + "    <cmdline>console=ttyS0 quiet panic=-1</cmdline></os>\n"
        + "  <features><acpi/></features>\n"
        + "  <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot>"
        + "<on_crash>destroy</on_crash>\n"
        + "  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
        + "    <serial type='file'><source path='"
        + console
        + "' append='on'/>"
        + "<target port='0'/></serial>\n"
        + "    <console type='file'><source path='"
        + console
        + "' append='on'/>"
        + "<target type='serial' port='0'/></console>\n"
        + "    <video><model type='none'/></video><memballoon model='none'/></devices>\n"
        + "</domain>\n";
  }

  /** How many times the guest has printed its boot marker into {@code console}. */
  static int boots(Path console) throws IOException {
    if (!Files.exists(console)) {
      return 0;
    }
    Matcher m = Pattern.compile(BOOT_MARKER).matcher(Files.readString(console));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The PID of {@code domain}'s QEMU, or 0 when it has none. */
  static long qemuPidOrZero(String domain) {
    try {
      return qemuPid(domain);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** The PID of the QEMU process libvirt runs for {@code domain}. */
  static long qemuPid(String domain) throws IOException {
    return Long.parseLong(
        Files.readString(Path.of("/run/libvirt/qemu/" + domain + ".pid")).strip());
  }
}
