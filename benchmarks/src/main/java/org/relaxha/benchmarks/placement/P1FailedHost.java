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
 * Place the VMs of one failed host (P1): 50 or 200 VMs, 10^3 or 10^4 hosts, half full. Time per
 * batch; the impl parameter is described in {@link PlacementBench}. The tear-down gate compares the
 * last plan with the scan oracle and checks every hard constraint.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class P1FailedHost {
  @Param({"1000", "10000"})
  public int hosts;

  @Param({"50", "200"})
  public int vms;

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
    cluster = Data.cluster(42, hosts, 1, 0.5);
    batch = Data.failedVms(7, vms, 1, 8, 16);
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
        getClass().getSimpleName() + " " + impl + " hosts=" + hosts + " vms=" + vms,
        cluster,
        batch,
        last,
        () -> PlacementBench.SCAN_PLACEMENT.place(cluster, batch, Data.NOW));
  }
}
