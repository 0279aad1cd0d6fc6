package org.relaxha.benchmarks.ganglia;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.GangliaDumpGenerator;
import org.relaxha.monitor.ganglia.xml.GangliaParser;

/**
 * Parsing a 10,000-host x 30-metric gmetad dump (90.9 MB, GangliaDumpGenerator.benchmark(), seed
 * 42): the adapter's streaming StAX parser (candidate) against a DOM parse of the same bytes that
 * extracts the same data (baseline, {@link DomGangliaParser}), in the same run.
 *
 * <p>GangliaDumpGenerator comes from ha-monitor-ganglia's test jar.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GangliaParseBenchmark -prof gc}.
 * Report: MB/s = ops/s x {@link #MEGABYTES} (printed at setup); allocation per host = {@code
 * gc.alloc.rate.norm} / 10,000. The win is the median over forks of the per-fork ratio stax/dom.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 3,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class GangliaParseBenchmark {
  /** The document's size in MB (10^6 bytes), set in setup, for the MB/s figure. */
  public static double MEGABYTES;

  @Param({"stax", "dom"})
  public String parser;

  private byte[] dump;
  private GangliaParser stax;
  private DomGangliaParser dom;
  private GangliaDump last;

  @Setup(Level.Trial)
  public void setUp() {
    dump = GangliaDumpGenerator.benchmark().bytes();
    MEGABYTES = dump.length / 1e6;
    System.out.printf(
        "dump: %d bytes (%.1f MB), 10000 hosts x 30 metrics%n", dump.length, MEGABYTES);
    stax = GangliaParser.ofDefaults();
    dom = new DomGangliaParser(GangliaParser.STANDARD_METRICS);
  }

  @Benchmark
  public void parse(Blackhole bh) {
    last = parser.equals("stax") ? stax.parse(dump) : dom.parse(dump);
    bh.consume(last);
  }

  /** Correctness gate: a fast wrong answer fails the run. */
  @TearDown(Level.Trial)
  public void check() {
    GangliaDump oracle = dom.parse(dump);
    GangliaDump result = last;
    if (result == null || result.hosts().size() != 10_000) {
      throw new IllegalStateException(
          "expected 10000 hosts, got " + (result == null ? null : result.hosts().size()));
    }
    for (int i = 0; i < oracle.hosts().size(); i += 97) {
      if (!oracle.hosts().get(i).equals(result.hosts().get(i))) {
        throw new IllegalStateException(
            "host "
                + i
                + " differs: "
                + result.hosts().get(i)
                + " vs DOM "
                + oracle.hosts().get(i));
      }
    }
  }
}
