package org.relaxha.examples.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and names: the closest candidate within a small edit distance
 * (insertions, deletions, substitutions and swaps of neighbours; case is ignored).
 *
 * <p>Stateless and thread-safe.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, if it is close enough to be a likely misspelling: at
   * most one edit for words of up to four letters, two for longer ones, three from nine letters;
   * failing that, the only candidate that starts with the word.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String target = word.toLowerCase(Locale.ROOT);
    int limit = target.length() <= 4 ? 1 : target.length() < 9 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(target, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (bestDistance <= limit) {
      return Optional.of(best);
    }
    return target.length() < 3 ? Optional.empty() : onlyExtension(target, candidates);
  }

  /** The one candidate that starts with {@code word} ({@code reboot} for rebootTimeout). */
  private static Optional<String> onlyExtension(String word, Collection<String> candidates) {
    List<String> extensions =
        candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(word)).toList();
    return extensions.size() == 1 ? Optional.of(extensions.get(0)) : Optional.empty();
  }

  /** {@code " (did you mean 'x'?)"}, or an empty string if nothing is close. */
  public static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** The optimal-string-alignment distance between two words. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
