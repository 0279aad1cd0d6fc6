package org.relaxha.benchmarks.placement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Supplier;
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

  /**
   * Like {@link #check}, but the oracle's plan is only known by its SHA-256 digest once computed:
   * the digest is kept in the temporary directory under {@code what}, so that forks after the first
   * (and the scan baseline, whose plan is the oracle's) do not recompute a scan that takes seconds.
   * The plans' text ({@code toString} of the records) is what is digested.
   */
  public static void checkCached(
      String what,
      ClusterSnapshot cluster,
      List<PlacementRequest> requests,
      PlacementPlan actual,
      Supplier<PlacementPlan> oracle) {
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
    String key = what.replaceAll(" (scan|index|spi)", "").replaceAll("[^A-Za-z0-9=.-]", "_");
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "relaxha-gate-" + key + ".sha256");
    String expected;
    try {
      if (Files.exists(cache)) {
        expected = Files.readString(cache);
      } else {
        PlacementPlan plan = oracle.get();
        expected = digest(plan);
        Files.writeString(cache, expected);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!digest(actual).equals(expected)) {
      PlacementPlan plan = oracle.get();
      throw new IllegalStateException(
          what + ": plan differs from the scan oracle: " + diff(actual, plan));
    }
  }

  /** The plan as text, deferral reasons in constraint order (Map.copyOf's order varies by JVM). */
  static String canonical(PlacementPlan plan) {
    StringBuilder b = new StringBuilder();
    plan.assignments().forEach(a -> b.append(a).append('\n'));
    plan.waiting()
        .forEach(
            d -> {
              b.append(d.vm()).append(' ');
              if (!d.excludedBy().isEmpty()) {
                b.append(new EnumMap<>(d.excludedBy()));
              }
              b.append('\n');
            });
    return b.toString();
  }

  static String digest(PlacementPlan plan) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(canonical(plan).getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder();
      for (byte x : d) {
        b.append(String.format("%02x", x));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
