package org.relaxha.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {
  private static final String JSON =
      "[{\"benchmark\":\"o.r.b.placement.P1FailedHost.place\",\"mode\":\"avgt\","
          + "\"params\":{\"hosts\":\"1000\",\"impl\":\"scan\"},"
          + "\"primaryMetric\":{\"score\":100.0,\"scoreError\":1.5,\"scoreUnit\":\"us/op\","
          + "\"rawData\":[[100.0,100.0],[90.0,110.0],[100.0,100.0]]},\"secondaryMetrics\":{}},"
          + "{\"benchmark\":\"o.r.b.placement.P1FailedHost.place\",\"mode\":\"avgt\","
          + "\"params\":{\"hosts\":\"1000\",\"impl\":\"index\"},"
          + "\"primaryMetric\":{\"score\":2.0,\"scoreError\":NaN,\"scoreUnit\":\"us/op\","
          + "\"rawData\":[[2.0,2.0],[4.0,4.0],[1.0,1.0]]},"
          + "\"secondaryMetrics\":{\"\\u00b7gc.alloc.rate.norm\":{\"score\":16.0}}}]";

  @Test
  void ratiosAreMediansOfPerForkRatios() {
    String table = Report.render(JSON);
    assertThat(table).contains("| P1FailedHost | {hosts=1000} | index | 2.00 ± - us/op | 16.0 |");
    assertThat(table).contains("| 50.0x | 50.0, 25.0, 100 | 3/3 |");
    assertThat(table).contains("| scan | 100 ± 1.50 us/op | - | baseline |");
  }

  @Test
  void medianAndNoise() {
    assertThat(Report.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Report.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    assertThat(Report.ratios(new double[] {10, 10}, new double[] {5, 20})).containsExactly(2, 0.5);
  }
}
