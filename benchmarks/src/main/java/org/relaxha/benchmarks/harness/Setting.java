package org.relaxha.benchmarks.harness;

/**
 * One trace setting: heartbeats every {@code intervalMs}, a network delay of 20 ms plus normal
 * jitter of {@code jitterMs}, heartbeats lost with probability {@code loss} (independently, or in
 * bursts of 4 on average when {@code bursty}: a Gilbert-Elliott chain with that mean loss), and
 * sender pauses of {@code pauseMs} (a stalled sender, e.g. a GC pause) every 10 minutes on average.
 */
record Setting(
    String name, long intervalMs, double jitterMs, double loss, boolean bursty, long pauseMs) {
  static final double MEAN_BURST = 4;
  static final double PAUSES_PER_DAY = 144;

  long interval() {
    return intervalMs * 1_000_000L;
  }

  /** The settings the issue asks for, one dimension at a time around 10 ms of jitter. */
  static java.util.List<Setting> standard() {
    return java.util.List.of(
        new Setting("jitter 1 ms", 1000, 1, 0, false, 0),
        new Setting("jitter 10 ms", 1000, 10, 0, false, 0),
        new Setting("jitter 100 ms", 1000, 100, 0, false, 0),
        new Setting("loss 1e-4 indep.", 1000, 10, 1e-4, false, 0),
        new Setting("loss 1e-3 indep.", 1000, 10, 1e-3, false, 0),
        new Setting("loss 1e-2 indep.", 1000, 10, 1e-2, false, 0),
        new Setting("loss 1e-4 bursty", 1000, 10, 1e-4, true, 0),
        new Setting("loss 1e-3 bursty", 1000, 10, 1e-3, true, 0),
        new Setting("loss 1e-2 bursty", 1000, 10, 1e-2, true, 0),
        new Setting("pauses 50 ms", 1000, 10, 0, false, 50),
        new Setting("pauses 200 ms", 1000, 10, 0, false, 200),
        new Setting("pauses 500 ms", 1000, 10, 0, false, 500));
  }
}
