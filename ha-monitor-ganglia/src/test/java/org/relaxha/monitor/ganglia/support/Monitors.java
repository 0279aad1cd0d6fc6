package org.relaxha.monitor.ganglia.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.relaxha.monitor.ganglia.GangliaConfig;
import org.relaxha.monitor.ganglia.GangliaMonitor;

/** Monitors with fast polling for tests against fake or real sources. */
public final class Monitors {
  private Monitors() {}

  /**
   * Polls every 100 ms with a 2 s timeout and backs off at most 200 ms; covers node-a and node-b of
   * {@link Sites#threeHosts()}.
   */
  public static GangliaConfig.Builder fast(String... addresses) {
    GangliaConfig.Builder b =
        GangliaConfig.builder("ganglia")
            .polling(Duration.ofMillis(100), Duration.ofSeconds(2))
            .maxBackoff(Duration.ofMillis(200))
            .covers(List.of("node-a", "node-b"));
    for (String address : addresses) {
      b.source(address);
    }
    return b;
  }

  /** A monitor over {@link Sites#threeHosts()} with the system clock. */
  public static GangliaMonitor of(GangliaConfig config) {
    return new GangliaMonitor(config, Sites.threeHosts(), Clock.systemUTC());
  }

  /** Threads of the monitor named {@code name}. */
  public static List<Thread> pollerThreads(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().equals("ganglia-" + name + "-poller"))
        .toList();
  }
}
