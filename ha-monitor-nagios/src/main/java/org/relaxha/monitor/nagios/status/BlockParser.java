package org.relaxha.monitor.nagios.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A streaming parser of Nagios block files ({@code status.dat}, {@code objects.cache}). It reads
 * one line at a time and hands each complete block to a {@link Visitor}, so memory stays bounded
 * whatever the size of the file: lines longer than {@link #MAX_LINE_BYTES} are cut, a block keeps
 * at most {@link #MAX_FIELDS} fields, and at most {@link #MAX_PROBLEMS} problems are listed.
 *
 * <p>Bad input never throws: text outside a block, a block opened inside another, a file that ends
 * inside a block (truncated), over-long lines and lines that are not UTF-8 (read as ISO-8859-1) are
 * reported as {@link ParseProblem}s with their line, and the incomplete block is dropped. Only I/O
 * errors propagate.
 *
 * <p>Stateless and thread-safe; each {@link #parse} call uses its own state.
 */
public final class BlockParser {
  /** The longest line kept; the rest of a longer line is skipped. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  /** The most fields one block keeps. */
  public static final int MAX_FIELDS = 512;

  /** The most problems one pass lists. */
  public static final int MAX_PROBLEMS = 20;

  private static final Pattern HEADER =
      Pattern.compile("\\s*(define\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\{\\s*");

  /** Receives each complete block, in file order. */
  @FunctionalInterface
  public interface Visitor {
    /** One complete block. */
    void block(Block block);
  }

  private BlockParser() {}

  /**
   * Parses {@code in} to its end. {@code file} only names the file in problems.
   *
   * @throws IOException if reading fails
   */
  public static ParseReport parse(InputStream in, String file, Syntax syntax, Visitor visitor)
      throws IOException {
    return new Pass(file, syntax, visitor).run(new LineReader(in, MAX_LINE_BYTES));
  }

  /** The state of one pass. */
  private static final class Pass {
    private final String file;
    private final Syntax syntax;
    private final Visitor visitor;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final Map<String, Long> types = new HashMap<>();
    private int moreProblems;
    private long blocks;
    private String type;
    private int start;
    private Map<String, String> fields;
    private boolean fieldsCut;

    Pass(String file, Syntax syntax, Visitor visitor) {
      this.file = file;
      this.syntax = syntax;
      this.visitor = visitor;
    }

    ParseReport run(LineReader lines) throws IOException {
      String text;
      while ((text = lines.next()) != null) {
        int n = lines.number();
        if (lines.truncated()) {
          problem(n, "line longer than " + MAX_LINE_BYTES + " bytes; the rest is ignored");
        }
        if (lines.latin1()) {
          problem(n, "not valid UTF-8; read as ISO-8859-1");
        }
        line(text, n);
      }
      boolean truncated = type != null;
      if (truncated) {
        problem(
            lines.number(),
            "file ends inside block '" + type + "' opened at line " + start + " (truncated?)");
      }
      return new ParseReport(
          file, lines.number(), blocks, problems, moreProblems, truncated, types);
    }

    private void line(String text, int n) {
      String trimmed = text.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        return;
      }
      if (trimmed.equals("}")) {
        close(n);
        return;
      }
      Matcher header = HEADER.matcher(text);
      if (header.matches() && (syntax == Syntax.STATUS) == (header.group(1) == null)) {
        open(header.group(2), n);
        return;
      }
      if (type == null) {
        problem(n, "unexpected text outside a block: '" + shorten(trimmed) + "'");
        return;
      }
      field(trimmed, n);
    }

    private void open(String blockType, int n) {
      if (type != null) {
        problem(
            n,
            "block '"
                + blockType
                + "' starts inside block '"
                + type
                + "' opened at line "
                + start
                + "; the unfinished block is ignored");
      }
      type = blockType;
      start = n;
      fields = new LinkedHashMap<>();
      fieldsCut = false;
    }

    private void close(int n) {
      if (type == null) {
        problem(n, "'}' outside a block");
        return;
      }
      blocks++;
      types.merge(type, 1L, Long::sum);
      Block block = new Block(type, start, fields);
      type = null;
      fields = null;
      visitor.block(block);
    }

    private void field(String trimmed, int n) {
      int split = syntax == Syntax.STATUS ? trimmed.indexOf('=') : firstBlank(trimmed);
      if (split <= 0) {
        if (syntax == Syntax.OBJECTS && split < 0) {
          put(trimmed, "", n);
          return;
        }
        problem(n, "expected key=value in block '" + type + "': '" + shorten(trimmed) + "'");
        return;
      }
      String value = trimmed.substring(split + 1);
      put(trimmed.substring(0, split), syntax == Syntax.OBJECTS ? value.strip() : value, n);
    }

    private void put(String key, String value, int n) {
      if (fields.size() >= MAX_FIELDS && !fields.containsKey(key)) {
        if (!fieldsCut) {
          fieldsCut = true;
          problem(n, "block '" + type + "' has more than " + MAX_FIELDS + " fields; rest ignored");
        }
        return;
      }
      fields.put(key, value);
    }

    private static int firstBlank(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isWhitespace(text.charAt(i))) {
          return i;
        }
      }
      return -1;
    }

    private void problem(int n, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new ParseProblem(file, n, message));
      } else {
        moreProblems++;
      }
    }

    private static String shorten(String text) {
      return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
  }
}
