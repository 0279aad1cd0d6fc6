package org.relaxha.benchmarks.ganglia;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.GangliaDumpGenerator;
import org.relaxha.monitor.ganglia.xml.GangliaParser;

/**
 * A plain timing loop over the benchmark's dump, for a first figure before JMH runs it: MB/s and
 * bytes allocated per host for the StAX parser and the DOM baseline, alternating. Indicative only
 * (one JVM, no forks, no JMH dead-code protection beyond using the result).
 */
public final class QuickParseMeasure {
  public static void main(String[] args) {
    byte[] dump = GangliaDumpGenerator.benchmark().bytes();
    System.out.printf(Locale.ROOT, "dump: %d bytes, 10000 hosts x 30 metrics%n", dump.length);
    GangliaParser stax = GangliaParser.ofDefaults();
    DomGangliaParser dom = new DomGangliaParser(GangliaParser.STANDARD_METRICS);
    for (int round = 0; round < 8; round++) {
      boolean warm = round >= 3;
      measure("stax", () -> stax.parse(dump), dump.length, warm);
      measure("dom ", () -> dom.parse(dump), dump.length, warm);
    }
  }

  private static void measure(String name, Supplier<GangliaDump> parse, int bytes, boolean print) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    System.gc();
    long allocated = threads.getThreadAllocatedBytes(id);
    long start = System.nanoTime();
    GangliaDump dump = parse.get();
    long nanos = System.nanoTime() - start;
    allocated = threads.getThreadAllocatedBytes(id) - allocated;
    if (dump.hosts().size() != 10_000) {
      throw new IllegalStateException("wrong host count " + dump.hosts().size());
    }
    if (print) {
      System.out.printf(
          Locale.ROOT,
          "%s: %7.1f MB/s  %6.0f ms  %9.0f bytes allocated per host%n",
          name,
          bytes / 1e6 / (nanos / 1e9),
          nanos / 1e6,
          allocated / 10_000.0);
    }
  }
}
