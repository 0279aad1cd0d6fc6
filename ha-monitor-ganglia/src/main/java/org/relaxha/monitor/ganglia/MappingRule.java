package org.relaxha.monitor.ganglia;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaxha.spi.Require;

/**
 * How a host Ganglia reports becomes a RelaxHA subject: by its exact Ganglia {@code NAME}, by its
 * {@code IP}, or by a regular expression over the name. The target is a subject: {@code host:NAME},
 * {@code vm:NAME}, or a bare name that is a configured host (or else a configured VM). A regex
 * target may use the pattern's groups ({@code host:$1}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface MappingRule {

  /** The target (a subject or, for a regex, a template) if the rule matches this host. */
  Optional<String> apply(String gangliaName, String ip);

  /** The target as configured. */
  String subject();

  /** Whether the target is the same for every match (no group references). */
  default boolean fixed() {
    return true;
  }

  /** A Ganglia host with exactly this {@code NAME}. */
  static MappingRule byName(String name, String subject) {
    return new ByName(name, subject);
  }

  /** A Ganglia host with exactly this {@code IP}. */
  static MappingRule byIp(String ip, String subject) {
    return new ByIp(ip, subject);
  }

  /**
   * A Ganglia host whose whole {@code NAME} matches {@code regex}; {@code subject} may refer to its
   * groups as {@code $1}.
   *
   * @throws java.util.regex.PatternSyntaxException if the regex is invalid
   * @throws IllegalArgumentException if the subject refers to a group the regex does not have
   */
  static MappingRule byRegex(String regex, String subject) {
    return new ByRegex(Pattern.compile(regex), subject);
  }

  /** Matches the exact Ganglia host name. */
  record ByName(String name, String subject) implements MappingRule {
    /** Validates both fields. */
    public ByName {
      Require.nonBlank(name, "map.name");
      Require.nonBlank(subject, "map.subject");
    }

    @Override
    public Optional<String> apply(String gangliaName, String ip) {
      return name.equals(gangliaName) ? Optional.of(subject) : Optional.empty();
    }

    @Override
    public String toString() {
      return "name " + name + " -> " + subject;
    }
  }

  /** Matches the exact IP attribute. */
  record ByIp(String ip, String subject) implements MappingRule {
    /** Validates both fields. */
    public ByIp {
      Require.nonBlank(ip, "map.ip");
      Require.nonBlank(subject, "map.subject");
    }

    @Override
    public Optional<String> apply(String gangliaName, String hostIp) {
      return ip.equals(hostIp) ? Optional.of(subject) : Optional.empty();
    }

    @Override
    public String toString() {
      return "ip " + ip + " -> " + subject;
    }
  }

  /** Matches the whole name against a pattern; the subject may use its groups. */
  record ByRegex(Pattern pattern, String subject) implements MappingRule {
    private static final Pattern GROUP_REF = Pattern.compile("\\$(\\d+)|\\$\\{");

    /** Validates both fields and the group references. */
    public ByRegex {
      Require.nonNull(pattern, "map.regex");
      Require.nonBlank(subject, "map.subject");
      checkGroups(pattern, subject);
    }

    private static void checkGroups(Pattern pattern, String subject) {
      int groups = pattern.matcher("").groupCount();
      Matcher refs = GROUP_REF.matcher(subject);
      while (refs.find()) {
        if (refs.group(1) == null) {
          throw new IllegalArgumentException(
              "map.subject: named groups (${name}) are not supported; use $1, $2...");
        }
        int group = Integer.parseInt(refs.group(1));
        if (group > groups) {
          throw new IllegalArgumentException(
              "map.subject refers to $" + group + " but the regex has " + groups + " group(s)");
        }
      }
      String rest = subject.replaceAll("\\$\\d+", "");
      if (rest.indexOf('$') >= 0 || rest.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            "map.subject: '$' must be followed by a group number, and '\\' is not allowed");
      }
    }

    @Override
    public Optional<String> apply(String gangliaName, String ip) {
      Matcher m = pattern.matcher(gangliaName);
      return m.matches() ? Optional.of(m.replaceFirst(subject)) : Optional.empty();
    }

    @Override
    public boolean fixed() {
      return !GROUP_REF.matcher(subject).find();
    }

    @Override
    public String toString() {
      return "regex " + pattern.pattern() + " -> " + subject;
    }
  }
}
