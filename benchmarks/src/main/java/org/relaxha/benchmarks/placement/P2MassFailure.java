package org.relaxha.benchmarks.placement;

import java.util.List;
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
import org.relaxha.core.placement.PlacementIndex;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * Mass failure (P2): 10^4 VMs of 200 failed hosts at once, on 10^3 or 10^4 hosts. Time per batch;
 * the impl parameter is described in {@link PlacementBench}. The tear-down gate compares the last
 * plan with the scan oracle and checks every hard constraint.
 *
 * <p>One warmup iteration of 5 s: the scan at 10^4 hosts takes seconds per batch and warms up in
 * one, while the index (tens of milliseconds per batch) still got faster for the first few hundred
 * batches (36, 25, 24, then 20 to 15 ms per batch in 1 s iterations), so one second of warmup
 * measured the JIT rather than the placement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 1)
public class P2MassFailure {
  @Param({"1000", "10000"})
  public int hosts;

  @Param({"scan", "index", "spi"})
  public String impl;

  private int mode;
  private ClusterSnapshot cluster;
  private List<PlacementRequest> batch;
  private PlacementIndex index;
  private PlacementPlan last;

  @Setup(Level.Trial)
  public void setUp() {
    mode = PlacementBench.mode(impl);
    cluster = Data.cluster(43, hosts, 200, 0.3);
    batch = Data.failedVms(8, 10_000, 200, 2, 4);
    index = mode == PlacementBench.INDEX ? PlacementIndex.of(cluster) : null;
  }

  @Benchmark
  public PlacementPlan place() {
    last = PlacementBench.place(mode, cluster, index, batch);
    return last;
  }

  /** The scan's plan is cached (as a digest) by the first fork that computes it. */
  @TearDown(Level.Trial)
  public void gate() {
    Gate.checkCached(
        getClass().getSimpleName() + " " + impl + " hosts=" + hosts,
        cluster,
        batch,
        last,
        () -> PlacementBench.SCAN_PLACEMENT.place(cluster, batch, Data.NOW));
  }
}
