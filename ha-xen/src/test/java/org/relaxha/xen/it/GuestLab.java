package org.relaxha.xen.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.relaxha.testkit.it.RequiredTools;

/**
 * A private libvirtd and the domain XML of one tiny QEMU guest (Debian's kernel and a busybox
 * initramfs, see {@link Guest}), for the integration tests that boot that guest. {@link #start}
 * removes a domain of the same name left by an earlier run; {@link #stop} removes it again and
 * stops the daemon. Not thread-safe; one per test class.
 *
 * @param libvirtd the daemon
 * @param console the file the guest's serial console writes to
 * @param xmlDir the directory holding {@code <domain>.xml}
 */
record GuestLab(Libvirtd libvirtd, Path console, Path xmlDir, String domain) {
  /** Builds the guest, starts libvirtd under {@code dir} and writes the domain's XML. */
  static GuestLab start(Path dir, String domain) throws Exception {
    RequiredTools.require("qemu-system-x86_64", "qemu-system-x86");
    RequiredTools.requireThat(
        Files.exists(Path.of("/etc/libvirt/qemu.conf")) && userExists("libvirt-qemu"),
        "libvirtd needs the libvirt-qemu user and /etc/libvirt/qemu.conf: run"
            + " .ci/install-ha-xen.sh");
    Guest guest = Guest.build();
    Libvirtd libvirtd = new Libvirtd(dir.resolve("libvirt"));
    libvirtd.start();
    libvirtd.undefine(domain);
    Path console = dir.resolve("console.log");
    Path xmlDir = Files.createDirectories(dir.resolve("domains"));
    Files.writeString(xmlDir.resolve(domain + ".xml"), guest.domainXml(domain, console));
    return new GuestLab(libvirtd, console, xmlDir, domain);
  }

  /** Removes the domain (if the daemon still answers) and stops the daemon. */
  void stop() throws Exception {
    try {
      if (libvirtd.alive()) {
        libvirtd.undefine(domain);
      }
    } finally {
      libvirtd.stop();
    }
  }

  private static boolean userExists(String user) throws Exception {
    return new ProcessBuilder("id", user).start().waitFor() == 0;
  }
}
