package org.relaxha.benchmarks.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.relaxha.core.placement.PlacementIndex;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * One host's 5-minute load changes (P4): {@code update} sets it in a long-lived {@link
 * PlacementIndex} ({@code O(log M)}); the baseline {@code rebuild} indexes the whole snapshot again
 * ({@code O(M)}). Time per update, 64 per invocation over random hosts and loads. The gate plans a
 * batch on the updated index and compares it with the scan on the updated snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class P4UpdateLoad {
  private static final int OPS = 64;
  private static final int MASK = 4095;

  @Param({"1000", "10000"})
  public int hosts;

  @Param({"rebuild", "update"})
  public String impl;

  private boolean update;
  private ClusterSnapshot cluster;
  private PlacementIndex index;
  private HostId[] ids;
  private int[] which;
  private double[] loads;
  private double[] current;
  private int k;

  @Setup(Level.Trial)
  public void setUp() {
    update = "update".equals(impl);
    cluster = Data.cluster(45, hosts, 1, 0.5);
    index = PlacementIndex.of(cluster);
    ids = new HostId[hosts];
    current = new double[hosts];
    for (int i = 0; i < hosts; i++) {
      ids[i] = cluster.hosts().get(i).id();
      current[i] = cluster.hosts().get(i).loadFive();
    }
    Random r = new Random(11);
    which = new int[MASK + 1];
    loads = new double[MASK + 1];
    for (int i = 0; i <= MASK; i++) {
      which[i] = r.nextInt(hosts);
      loads[i] = Math.round(r.nextDouble() * 6400) / 100.0;
    }
  }

  @Benchmark
  @OperationsPerInvocation(OPS)
  public void change(Blackhole bh) {
    if (update) {
      for (int i = 0; i < OPS; i++) {
        int j = k++ & MASK;
        index.updateLoad(ids[which[j]], loads[j]);
        current[which[j]] = loads[j];
      }
    } else {
      for (int i = 0; i < OPS; i++) {
        bh.consume(PlacementIndex.of(cluster));
      }
    }
  }

  @TearDown(Level.Trial)
  public void gate() {
    List<HostSnapshot> now = new ArrayList<>();
    for (int i = 0; i < hosts; i++) {
      HostSnapshot s = cluster.hosts().get(i);
      now.add(
          new HostSnapshot(
              s.host(),
              s.up(),
              s.maintenance(),
              s.used(),
              update ? current[i] : s.loadFive(),
              s.vmCount(),
              s.antiAffinityGroups(),
              s.reachablePools()));
    }
    ClusterSnapshot updated = new ClusterSnapshot(now, Data.NOW);
    List<PlacementRequest> batch = Data.failedVms(12, 200, 1, 8, 16);
    PlacementIndex under = update ? index : PlacementIndex.of(cluster);
    Gate.check(
        "P4UpdateLoad " + impl + " hosts=" + hosts,
        updated,
        batch,
        under.place(batch),
        PlacementBench.SCAN_PLACEMENT.place(updated, batch, Data.NOW));
  }
}
