package org.relaxha.xen.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.relaxha.testkit.it.RequiredTools;

/**
 * A libvirtd of the test's own: its own configuration file, its own socket directory and log in a
 * temporary directory, started as a child process and stopped by its PID. The QEMU driver's state
 * (/run/libvirt/qemu, /var/lib/libvirt/qemu, /etc/libvirt/qemu) is root-wide in system mode and
 * cannot be moved, so no other libvirtd may run on the machine meanwhile.
 *
 * <p>Not thread-safe.
 */
final class Libvirtd {
  private final Path dir;
  private final Path binary;
  private Process process;

  Libvirtd(Path dir) {
    this.dir = dir;
    this.binary = RequiredTools.require("libvirtd", "libvirt-daemon");
  }

  /** The URI of the QEMU driver through this daemon's socket. */
  String uri() {
    return "qemu+unix:///system?socket=" + socket();
  }

  private Path socket() {
    return dir.resolve("sock/libvirt-sock");
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return dir.resolve("libvirtd.log");
  }

  /** Destroys and undefines {@code domain} if this daemon knows it (left by an earlier run). */
  void undefine(String domain) throws LibvirtException {
    Connect c = new Connect(uri());
    try {
      for (Domain d : c.listAllDomains(0)) {
        if (d.getName().equals(domain)) {
          try {
            d.destroy();
          } catch (LibvirtException e) {
            // not running
          }
          d.undefine();
        }
        d.free();
      }
    } finally {
      c.close();
    }
  }

  /** Starts it and waits until its socket accepts connections. */
  void start() throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("sock"));
    Files.deleteIfExists(socket());
    Path conf = dir.resolve("libvirtd.conf");
    Files.writeString(
        conf,
        "log_outputs = \"3:file:"
            + log()
            + "\"\n"
            + "unix_sock_dir = \""
            + dir.resolve("sock")
            + "\"\n"
            + "unix_sock_group = \"root\"\n"
            + "unix_sock_rw_perms = \"0770\"\n"
            + "auth_unix_rw = \"none\"\n"
            + "auth_unix_ro = \"none\"\n");
    process =
        new ProcessBuilder(
                binary.toString(),
                "-f",
                conf.toString(),
                "-p",
                dir.resolve("libvirtd.pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("libvirtd.out").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(socket())) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "libvirtd exited with "
                + process.exitValue()
                + ": "
                + Files.readString(dir.resolve("libvirtd.out")));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("libvirtd did not create " + socket() + " within 20 s");
      }
      Thread.sleep(20);
    }
  }

  /** SIGTERM to its PID; waits until it is gone. */
  void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the daemon: calls hang while it is frozen. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
    if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
    }
  }

  static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
