package org.relaxha.benchmarks.placement;

import java.util.List;
import org.relaxha.core.placement.PlanCheck;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * The correctness gate of the placement benchmarks: a plan must equal the scan oracle's and keep
 * every hard constraint, or the run fails. Called from {@code @TearDown}.
 */
public final class Gate {
  private Gate() {}

  /**
   * Throws {@link IllegalStateException} naming the first difference or violation.
   *
   * @param what which benchmark and parameters, for the message
   */
  public static void check(
      String what,
      ClusterSnapshot cluster,
      List<PlacementRequest> requests,
      PlacementPlan actual,
      PlacementPlan oracle) {
    if (actual == null) {
      throw new IllegalStateException(what + ": no plan was produced");
    }
    List<String> violations = PlanCheck.violations(cluster, requests, actual);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          what
              + ": "
              + violations.size()
              + " constraint violation(s), first: "
              + violations.get(0));
    }
    if (!actual.equals(oracle)) {
      throw new IllegalStateException(
          what + ": plan differs from the scan oracle: " + diff(actual, oracle));
    }
  }

  static String diff(PlacementPlan a, PlacementPlan b) {
    int n = Math.min(a.assignments().size(), b.assignments().size());
    for (int i = 0; i < n; i++) {
      if (!a.assignments().get(i).equals(b.assignments().get(i))) {
        return "assignment " + i + ": " + a.assignments().get(i) + " vs " + b.assignments().get(i);
      }
    }
    if (a.assignments().size() != b.assignments().size()) {
      return a.assignments().size() + " assignments vs " + b.assignments().size();
    }
    int m = Math.min(a.waiting().size(), b.waiting().size());
    for (int i = 0; i < m; i++) {
      if (!a.waiting().get(i).equals(b.waiting().get(i))) {
        return "deferral " + i + ": " + a.waiting().get(i) + " vs " + b.waiting().get(i);
      }
    }
    return a.waiting().size() + " waiting vs " + b.waiting().size();
  }
}
