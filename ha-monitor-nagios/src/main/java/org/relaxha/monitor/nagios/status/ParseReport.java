package org.relaxha.monitor.nagios.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relaxha.spi.Require;

/**
 * What one pass over a Nagios file found besides its blocks: how much was read, the first problems
 * (at most {@link BlockParser#MAX_PROBLEMS}; {@code moreProblems} counts the rest), the block types
 * no reader asked for, and whether the file ended inside a block (a truncated file).
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file as given to the parser
 * @param lines lines read
 * @param blocks complete blocks read
 * @param problems the first problems, in file order
 * @param moreProblems problems beyond those listed
 * @param truncated whether the file ended inside a block
 * @param blockTypes how many complete blocks of each type were read
 */
public record ParseReport(
    String file,
    int lines,
    long blocks,
    List<ParseProblem> problems,
    int moreProblems,
    boolean truncated,
    Map<String, Long> blockTypes) {

  /** Copies the collections. */
  public ParseReport {
    Require.nonNull(file, "file");
    problems = List.copyOf(problems);
    blockTypes = Map.copyOf(new TreeMap<>(blockTypes));
  }

  /** Whether nothing was wrong. */
  public boolean clean() {
    return problems.isEmpty() && !truncated;
  }

  /** A one-line summary of the problems, for logs. */
  public String summary() {
    if (problems.isEmpty()) {
      return truncated ? file + ": truncated" : file + ": no problems";
    }
    String first = problems.get(0).toString();
    int others = problems.size() - 1 + moreProblems;
    return others == 0 ? first : first + " (and " + others + " more)";
  }
}
