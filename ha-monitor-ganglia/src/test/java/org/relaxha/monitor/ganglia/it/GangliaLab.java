package org.relaxha.monitor.ganglia.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.relaxha.monitor.ganglia.support.Await;
import org.relaxha.testkit.it.RequiredTools;

/**
 * Real Ganglia daemons on loopback, as in docs components.md section 1: one collector gmond
 * (receives UDP, serves XML), sender gmonds that report as other hosts into it ({@code
 * override_hostname}/{@code override_ip}, {@code deaf = yes}), and gmetads polling the collector.
 * Free ports are picked here; every daemon runs in the foreground and is stopped by its own PID in
 * {@link #close()}. Not thread-safe.
 */
public final class GangliaLab implements AutoCloseable {
  /** Where Debian and others install gmond's metric modules. */
  private static final List<String> MODULE_DIRS =
      List.of(
          "/usr/lib/x86_64-linux-gnu/ganglia",
          "/usr/lib/aarch64-linux-gnu/ganglia",
          "/usr/lib64/ganglia",
          "/usr/lib/ganglia");

  private final Path dir;
  private final String gmond;
  private final String gmetad;
  private final String moduleDir;
  private final int hostTmax;
  private final int udpPort;
  private final int collectorPort;
  private final List<Daemon> daemons = new ArrayList<>();
  private final java.util.Set<Integer> ports = new java.util.HashSet<>();

  private GangliaLab(int hostTmax) throws IOException {
    this.gmond = RequiredTools.require("gmond", "ganglia-monitor").toString();
    this.gmetad = RequiredTools.require("gmetad", "gmetad").toString();
    Optional<String> modules =
        MODULE_DIRS.stream().filter(d -> Files.exists(Path.of(d, "modload.so"))).findFirst();
    RequiredTools.requireThat(
        modules.isPresent(),
        "gmond's modload.so not found in " + MODULE_DIRS + " (ganglia-monitor)");
    this.moduleDir = modules.orElse("");
    this.hostTmax = hostTmax;
    this.dir = Files.createTempDirectory("relaxha-ganglia-it");
    this.udpPort = freeUdpPort();
    this.collectorPort = freeTcpPort();
    Files.writeString(dir.resolve("common.inc"), COMMON);
  }

  /** A lab whose gmonds report {@code host_tmax = hostTmax}. */
  public static GangliaLab create(int hostTmax) {
    try {
      return new GangliaLab(hostTmax);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int hostTmax() {
    return hostTmax;
  }

  /** The collector gmond, reporting as {@code host} with {@code ip}; started. */
  public Daemon collector(String host, String ip) {
    String channels =
        "udp_recv_channel { bind = 127.0.0.1 port = "
            + udpPort
            + " }\n"
            + "tcp_accept_channel { bind = 127.0.0.1 port = "
            + collectorPort
            + " }\n";
    return gmond(host, ip, false, channels, collectorPort);
  }

  /** A deaf gmond that reports as {@code host} with {@code ip} into the collector; started. */
  public Daemon sender(String host, String ip) {
    return gmond(host, ip, true, "", 0);
  }

  private Daemon gmond(String host, String ip, boolean deaf, String channels, int xmlPort) {
    String conf =
        "globals {\n  daemonize = no\n  setuid = no\n  debug_level = 0\n"
            + "  module_dir = \""
            + moduleDir
            + "\"\n"
            + "  mute = no\n  deaf = "
            + (deaf ? "yes" : "no")
            + "\n"
            + "  host_dmax = 0\n  host_tmax = "
            + hostTmax
            + "\n  cleanup_threshold = 300\n"
            + "  send_metadata_interval = 5\n"
            + "  override_hostname = \""
            + host
            + "\"\n  override_ip = \""
            + ip
            + "\"\n}\n"
            + "cluster { name = \"hatest\" owner = \"t\" latlong = \"u\" url = \"u\" }\n"
            + "host { location = \"0,0,0\" }\n"
            + "udp_send_channel { host = 127.0.0.1 port = "
            + udpPort
            + " ttl = 1 }\n"
            + channels
            + "include (\""
            + dir.resolve("common.inc")
            + "\")\n";
    Path file = write("gmond-" + host + ".conf", conf);
    return add(
        new Daemon(
            "gmond " + host,
            List.of(gmond, "-c", file.toString(), "-f"),
            dir.resolve("gmond-" + host + ".log"),
            xmlPort,
            0));
  }

  /** A gmetad polling the collector every second; started. */
  public Daemon gmetad(String name) {
    int xml = freeTcpPort();
    int interactive = freeTcpPort();
    Path rrds = dir.resolve("rrds-" + name);
    try {
      Files.createDirectories(rrds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String conf =
        "data_source \"hatest\" 1 127.0.0.1:"
            + collectorPort
            + "\n"
            + "gridname \""
            + name
            + "\"\nsetuid off\n"
            + "xml_port "
            + xml
            + "\ninteractive_port "
            + interactive
            + "\n"
            + "rrd_rootdir \""
            + rrds
            + "\"\n"
            + "trusted_hosts 127.0.0.1\nall_trusted on\nserver_threads 2\n";
    Path file = write("gmetad-" + name + ".conf", conf);
    return add(
        new Daemon(
            "gmetad " + name,
            List.of(gmetad, "-c", file.toString(), "-d", "1"),
            dir.resolve("gmetad-" + name + ".log"),
            xml,
            interactive));
  }

  private Daemon add(Daemon daemon) {
    daemons.add(daemon);
    return daemon.start();
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the XML on {@code port} lists every one of {@code hosts} as heard from within TMAX
   * and with a load_five.
   */
  public void awaitHosts(int port, Duration timeout, String... hosts) {
    boolean ready =
        Await.until(
            timeout,
            () -> {
              String xml = rawXml(port).orElse("");
              return Stream.of(hosts).allMatch(h -> XmlText.live(xml, h, hostTmax));
            });
    if (!ready) {
      throw new AssertionError(
          "hosts "
              + List.of(hosts)
              + " not all reported on port "
              + port
              + " within "
              + timeout
              + "; daemons: "
              + daemons
              + "\n"
              + rawXml(port).orElse("(no answer)"));
    }
  }

  private String deadLogs() {
    StringBuilder logs = new StringBuilder();
    for (Daemon d : daemons) {
      if (!d.alive()) {
        logs.append("\n--- ").append(d.name()).append(" log:\n").append(d.logTail());
      }
    }
    return logs.toString();
  }

  /** The XML a port serves now, or empty if it does not answer. */
  public static Optional<String> rawXml(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      s.setSoTimeout(5_000);
      try (InputStream in = s.getInputStream()) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stops every daemon by its PID and deletes the lab's files. */
  @Override
  public void close() {
    for (Daemon d : daemons) {
      d.stop();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }

  /** A free TCP port not handed out before by this lab (the OS may offer one twice). */
  private int freeTcpPort() {
    while (true) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (ports.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private int freeUdpPort() {
    while (true) {
      try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
        if (ports.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final String COMMON =
      "modules {\n"
          + "  module { name = \"core_metrics\" }\n"
          + "  module { name = \"load_module\" path = \"modload.so\" }\n"
          + "  module { name = \"cpu_module\"  path = \"modcpu.so\" }\n"
          + "  module { name = \"mem_module\"  path = \"modmem.so\" }\n"
          + "}\n"
          + "collection_group { collect_once = yes time_threshold = 5 metric { name = \"heartbeat\" } }\n"
          + "collection_group { collect_every = 5 time_threshold = 10\n"
          + "  metric { name = \"load_one\" value_threshold = \"0\" }\n"
          + "  metric { name = \"load_five\" value_threshold = \"0\" }\n"
          + "  metric { name = \"load_fifteen\" value_threshold = \"0\" }\n"
          + "  metric { name = \"cpu_num\" }\n"
          + "  metric { name = \"mem_total\" }\n"
          + "  metric { name = \"mem_free\" value_threshold = \"0\" } }\n";
}
