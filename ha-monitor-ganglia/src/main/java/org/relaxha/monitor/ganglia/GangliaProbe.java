package org.relaxha.monitor.ganglia;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.monitor.ganglia.xml.ClusterReport;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.GangliaParser;
import org.relaxha.monitor.ganglia.xml.HostReport;
import org.relaxha.monitor.ganglia.xml.MetricSample;
import org.relaxha.monitor.ganglia.xml.ParseLimits;
import org.relaxha.spi.model.Observation;

/**
 * {@code relaxha probe ganglia HOST:PORT}: reads one document and prints what the adapter sees:
 * every host with its IP and cluster, up or down by the liveness rule, how long ago it was heard
 * from, and its load_five; each cluster copy's age. Exit codes: 0 read, 1 the source failed, 2
 * usage.
 *
 * <p>Stateless.
 */
final class GangliaProbe {
  private GangliaProbe() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (ProbeArgs.wantsHelp(args)) {
      out.println(ProbeArgs.USAGE);
      return 0;
    }
    ProbeArgs probe;
    try {
      probe = ProbeArgs.parse(args);
    } catch (ProbeArgs.UsageException e) {
      err.println("relaxha probe ganglia: " + e.getMessage());
      err.println(ProbeArgs.USAGE);
      return 2;
    }
    Set<String> metrics = new TreeSet<>(GangliaParser.STANDARD_METRICS);
    metrics.addAll(probe.metrics());
    SourceFetcher fetcher = new SourceFetcher(new GangliaParser(metrics, ParseLimits.ofDefaults()));
    long started = System.nanoTime();
    GangliaDump dump;
    try {
      dump = fetcher.fetch(probe.source());
    } catch (GangliaSourceException e) {
      err.println("relaxha probe ganglia: " + e.getMessage());
      return 1;
    }
    print(dump, probe, (System.nanoTime() - started) / 1_000_000, out);
    return 0;
  }

  private static void print(GangliaDump dump, ProbeArgs probe, long millis, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "ganglia %s: GANGLIA_XML %s from %s, %d cluster(s), %d host(s), %d bytes in %d ms%n",
        probe.source(),
        dump.version(),
        dump.source().isEmpty() ? "?" : dump.source(),
        dump.clusters().size(),
        dump.hosts().size(),
        dump.bytes(),
        millis);
    for (ClusterReport c : dump.clusters()) {
      boolean stale = c.lag() > probe.staleAfter().toSeconds();
      out.printf(
          Locale.ROOT,
          "cluster %s: %d host(s), data %d s old%s%n",
          c.name(),
          c.hosts(),
          c.lag(),
          stale ? " (STALE: gmetad cannot reach it; its hosts are not judged)" : "");
    }
    printHosts(dump, probe, out);
    out.printf(
        Locale.ROOT,
        "up: TN <= %s x TMAX. Map hosts to subjects with the adapter's map rules (name, ip or"
            + " regex), or let autoMap match configured host and VM names.%n",
        probe.tmaxMultiple());
  }

  private static void printHosts(GangliaDump dump, ProbeArgs probe, PrintStream out) {
    List<String> columns = new ArrayList<>(List.of(Observation.LOAD_FIVE));
    probe.metrics().stream().filter(m -> !columns.contains(m)).forEach(columns::add);
    List<List<String>> rows = new ArrayList<>();
    List<String> header =
        new ArrayList<>(List.of("HOST", "IP", "CLUSTER", "STATE", "TN/TMAX", "HEARD"));
    columns.forEach(c -> header.add(c.toUpperCase(Locale.ROOT)));
    rows.add(header);
    Observations rule = new Observations("probe", probe.tmaxMultiple());
    for (HostReport h : dump.hosts()) {
      List<String> row = new ArrayList<>();
      row.add(h.name());
      row.add(h.ip().isEmpty() ? "-" : h.ip());
      row.add(h.cluster().isEmpty() ? "-" : h.cluster());
      row.add(state(h, rule, probe));
      row.add(h.tn() + "/" + (h.tmax() > 0 ? h.tmax() : "-"));
      row.add(Math.max(0, h.tn()) + " s ago");
      for (String metric : columns) {
        MetricSample m = h.metrics().get(metric);
        row.add(m == null ? "-" : format(m.value()));
      }
      rows.add(row);
    }
    Table.print(rows, out);
  }

  private static String state(HostReport h, Observations rule, ProbeArgs probe) {
    if (h.clusterLag() > probe.staleAfter().toSeconds()) {
      return "stale";
    }
    return rule.up(h.tn(), h.tmax()) ? "up" : "DOWN";
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
