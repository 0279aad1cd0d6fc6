package org.relaxha.monitor.ganglia.xml;

/** Short texts for error messages: sizes, excerpts. Stateless. */
final class ParseText {
  private static final int EXCERPT = 40;

  private ParseText() {}

  /** {@code 128 MiB}, {@code 1 KiB} or {@code 17 bytes}. */
  static String bytes(long n) {
    if (n >= (1L << 20) && n % (1L << 20) == 0) {
      return (n >> 20) + " MiB";
    }
    if (n >= 1024 && n % 1024 == 0) {
      return (n >> 10) + " KiB";
    }
    return n + " bytes";
  }

  /** {@code text} on one line, cut to {@code max} characters. */
  static String shorten(String text, int max) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > max ? line.substring(0, max) + "..." : line;
  }

  /** The value quoted, cut to a short excerpt, with control characters shown as '?'. */
  static String quote(String value) {
    String cut = value.length() > EXCERPT ? value.substring(0, EXCERPT) + "..." : value;
    StringBuilder out = new StringBuilder(cut.length() + 2).append('\'');
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.append('\'').toString();
  }
}
