package org.relaxha.spi.config;

/**
 * A configuration that cannot be used, with where it went wrong: the file, the line (1-based, 0 if
 * unknown) and the dotted path of the field, e.g. {@code adapters[1].uri}.
 *
 * <p>Immutable and thread-safe.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;
  private final String problem;

  /** Creates an exception for {@code field} at {@code file:line}. */
  public ConfigException(String file, int line, String field, String problem) {
    this(file, line, field, problem, null);
  }

  /** Creates an exception with a cause (never one that carries a secret in its message). */
  public ConfigException(String file, int line, String field, String problem, Throwable cause) {
    super(format(file, line, field, problem), cause);
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  private static String format(String file, int line, String field, String problem) {
    StringBuilder text = new StringBuilder(file == null ? "<config>" : file);
    if (line > 0) {
      text.append(':').append(line);
    }
    if (field != null && !field.isEmpty()) {
      text.append(": ").append(field);
    }
    return text.append(": ").append(problem).toString();
  }

  /** The file, or {@code null} for a configuration built in memory. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 if unknown. */
  public int line() {
    return line;
  }

  /** The dotted path of the field. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
