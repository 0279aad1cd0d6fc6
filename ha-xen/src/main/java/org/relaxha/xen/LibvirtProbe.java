package org.relaxha.xen;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.HostId;

/**
 * {@code relaxha probe libvirt [--timeout DURATION] URI...}: connects to each URI through the
 * adapter itself, prints its domains and their states, and disconnects. Exit code 0 when every URI
 * answered, 1 when one did not, 2 for a usage error.
 *
 * <p>Not thread-safe; one run per instance.
 */
final class LibvirtProbe {
  private static final String USAGE =
      "usage: relaxha probe libvirt [--timeout SECONDS] URI [URI...]\n"
          + "  e.g. relaxha probe libvirt qemu:///system test:///default";

  private final PrintStream out;
  private final PrintStream err;

  LibvirtProbe(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    List<String> uris = new ArrayList<>();
    Duration timeout = Duration.ofSeconds(10);
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (a.equals("--timeout") && i + 1 < args.size()) {
        try {
          timeout = Duration.ofSeconds(Long.parseLong(args.get(++i)));
        } catch (NumberFormatException e) {
          err.println("relaxha probe libvirt: --timeout takes whole seconds, was " + args.get(i));
          return 2;
        }
      } else if (a.startsWith("-")) {
        err.println("relaxha probe libvirt: unknown option " + a + "\n" + USAGE);
        return 2;
      } else {
        uris.add(a);
      }
    }
    if (uris.isEmpty() || timeout.isZero() || timeout.isNegative()) {
      err.println(USAGE);
      return 2;
    }
    return probe(uris, timeout);
  }

  private int probe(List<String> uris, Duration timeout) {
    LibvirtConfig.Builder b =
        LibvirtConfig.builder()
            .name("probe")
            .callTimeout(timeout)
            .connectTimeout(timeout)
            .reconnect(Duration.ofMinutes(1), Duration.ofMinutes(1));
    try {
      for (int i = 0; i < uris.size(); i++) {
        b.host(HostId.of("uri-" + (i + 1)), LibvirtConfig.checkUri(uris.get(i), "URI"));
      }
    } catch (IllegalArgumentException e) {
      err.println("relaxha probe libvirt: " + e.getMessage());
      return 2;
    }
    LibvirtHypervisor hypervisor = new LibvirtAdapter(b.build()).hypervisor();
    int failed = 0;
    try {
      hypervisor.start();
      int i = 0;
      for (HostId host : hypervisor.hosts()) {
        failed += print(uris.get(i++), hypervisor.inventory(host)) ? 0 : 1;
      }
    } catch (IllegalStateException e) {
      err.println("relaxha probe libvirt: " + e.getMessage());
      return 1;
    } finally {
      hypervisor.close();
    }
    return failed == 0 ? 0 : 1;
  }

  private boolean print(String uri, InventoryResult result) {
    if (result instanceof InventoryResult.Unreachable u) {
      out.println(uri + ": UNREACHABLE: " + u.reason());
      return false;
    }
    List<VmStatus> vms = new ArrayList<>(((InventoryResult.Listed) result).vms());
    vms.sort(Comparator.comparing(s -> s.vm().name()));
    out.println(uri + ": " + vms.size() + " domain(s)");
    for (VmStatus s : vms) {
      out.printf("  %-32s %s%n", s.vm().name(), s.state());
    }
    return true;
  }
}
