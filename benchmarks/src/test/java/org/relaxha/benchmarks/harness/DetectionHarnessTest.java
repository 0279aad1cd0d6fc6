package org.relaxha.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionHarnessTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void withNoLossAndNoJitterNoDetectorEverSuspects() {
    Setting perfect = new Setting("perfect", 1000, 0, 0, false, 0);
    for (DetectionHarness.Result r : DetectionHarness.run(perfect, 3, 1, 5)) {
      assertThat(r.falsePerHostDay()).as(r.detector()).isZero();
      assertThat(r.trials()).as(r.detector()).isGreaterThan(100);
    }
  }

  @Test
  void whenAHostStopsEveryDetectorSuspectsItWithinItsBound() {
    Setting regular = new Setting("regular", 1000, 0, 0, false, 0);
    List<Detector> detectors = DetectionHarness.detectors(regular);
    Trace t = new Trace(regular, 3);
    long last = 0;
    for (int i = 0; i < 3600; i++) {
      t.next();
      last = t.arrival;
      for (Detector d : detectors) {
        d.heartbeat(t.arrival);
      }
    }
    for (Detector d : detectors) {
      long after = d.deadline() - last;
      assertThat(after).as(d.name()).isPositive().isLessThanOrEqualTo(d.bound(SECOND));
    }
  }

  @Test
  void theFloorGrowsWithLossJitterAndPauses() {
    long clean = DetectionHarness.floor(new Setting("a", 1000, 10, 0, false, 0));
    long lossy = DetectionHarness.floor(new Setting("b", 1000, 10, 1e-2, false, 0));
    long bursty = DetectionHarness.floor(new Setting("c", 1000, 10, 1e-2, true, 0));
    long jittery = DetectionHarness.floor(new Setting("d", 1000, 100, 0, false, 0));
    long paused = DetectionHarness.floor(new Setting("e", 1000, 10, 0, false, 500));
    assertThat(clean).isBetween(SECOND, SECOND + 200_000_000L);
    assertThat(lossy).isGreaterThanOrEqualTo(4 * SECOND);
    assertThat(bursty).isGreaterThan(lossy);
    assertThat(jittery).isGreaterThan(clean);
    assertThat(paused).isGreaterThanOrEqualTo(SECOND + 500_000_000L);
    assertThat(DetectionHarness.upperQuantile(0.025)).isBetween(1.95, 1.97);
  }

  @Test
  void lossIsInjectedAtTheConfiguredRate() {
    for (boolean bursty : new boolean[] {false, true}) {
      Trace t = new Trace(new Setting("x", 1000, 10, 1e-2, bursty, 0), 9);
      int lost = 0;
      int n = 400_000;
      for (int i = 0; i < n; i++) {
        t.next();
        if (t.arrival < 0) {
          lost++;
        }
      }
      assertThat(lost / (double) n).isBetween(0.008, 0.012);
    }
  }
}
