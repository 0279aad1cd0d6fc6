package org.relaxha.monitor.ganglia;

import java.time.Duration;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.relaxha.monitor.ganglia.xml.ParseLimits;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.model.Topology;

/**
 * Reads a {@code ganglia} adapter section into a {@link GangliaConfig}, checking every setting
 * against its documented form and the configured topology, so that each error names the file, line
 * and field (docs/adapters/ganglia.md lists the keys).
 *
 * <p>Stateless; runs on the launcher's thread.
 */
final class ConfigReader {
  private ConfigReader() {}

  static GangliaConfig read(ConfigSection section, Topology topology) {
    GangliaConfig.Builder b = GangliaConfig.builder(name(section));
    Duration interval = positive(section, "interval", GangliaConfig.DEFAULT_INTERVAL);
    Duration timeout = positive(section, "timeout", GangliaConfig.DEFAULT_TIMEOUT);
    readSources(section, interval, timeout).forEach(b::source);
    double k = section.number("tmaxMultiple", GangliaConfig.DEFAULT_TMAX_MULTIPLE);
    if (!Double.isFinite(k) || k < 1) {
      throw section.error("tmaxMultiple", "must be a number >= 1 (gmetad uses 4), was " + k);
    }
    b.tmaxMultiple(k)
        .staleAfter(positive(section, "staleAfter", GangliaConfig.DEFAULT_STALE_AFTER))
        .maxBackoff(positive(section, "maxBackoff", GangliaConfig.DEFAULT_MAX_BACKOFF))
        .autoMap(section.bool("autoMap", true))
        .limits(limits(section));
    List<String> metrics = section.strings("metrics");
    for (String metric : metrics) {
      if (metric.isBlank()) {
        throw section.error("metrics", "metric names must not be blank");
      }
      b.metric(metric.strip());
    }
    List<ConfigSection> ruleSections = section.sections("map");
    ruleSections.stream().map(ConfigReader::rule).forEach(b::map);
    if (section.has("covers")) {
      b.covers(section.strings("covers"));
    }
    section.rejectUnknownKeys();
    GangliaConfig config = b.build();
    checkSubjects(section, ruleSections, config, topology);
    return config;
  }

  private static String name(ConfigSection section) {
    String name = section.optionalString("name").orElse(GangliaProvider.TYPE);
    if (name.isBlank()) {
      throw section.error("name", "must not be blank");
    }
    return name;
  }

  private static Duration positive(ConfigSection section, String key, Duration fallback) {
    Duration value = section.duration(key, fallback);
    if (value.isNegative() || value.isZero()) {
      throw section.error(key, "must be a positive duration such as 15s, was " + value);
    }
    return value;
  }

  private static List<GangliaSource> readSources(
      ConfigSection section, Duration interval, Duration timeout) {
    List<ConfigSection> items = section.sections("sources");
    if (items.isEmpty()) {
      throw section.error(
          "sources",
          "at least one source is required, e.g. sources: [{address: gmetad.example.org:8651}]");
    }
    return items.stream().map(s -> source(s, interval, timeout)).toList();
  }

  private static GangliaSource source(ConfigSection s, Duration interval, Duration timeout) {
    String address = s.string("address");
    Duration every = positive(s, "interval", interval);
    Duration limit = positive(s, "timeout", timeout);
    GangliaSource source;
    try {
      source = GangliaSource.parse(address, every, limit);
    } catch (IllegalArgumentException e) {
      throw s.error("address", e.getMessage());
    }
    if (s.has("query")) {
      try {
        source = source.withQuery(s.string("query").strip());
      } catch (IllegalArgumentException e) {
        throw s.error("query", e.getMessage().replace("source.query ", ""));
      }
    }
    s.rejectUnknownKeys();
    return source;
  }

  private static ParseLimits limits(ConfigSection section) {
    int mib = section.integer("maxDocumentMiB", (int) (ParseLimits.DEFAULT_MAX_BYTES >> 20));
    if (mib < 1) {
      throw section.error("maxDocumentMiB", "must be at least 1, was " + mib);
    }
    int hosts = section.integer("maxHosts", ParseLimits.DEFAULT_MAX_HOSTS);
    if (hosts < 1) {
      throw section.error("maxHosts", "must be at least 1, was " + hosts);
    }
    return ParseLimits.ofDefaults().withMaxBytes((long) mib << 20).withMaxHosts(hosts);
  }

  private static MappingRule rule(ConfigSection s) {
    List<String> kinds = List.of("name", "ip", "regex").stream().filter(s::has).toList();
    String subject = s.string("subject");
    if (kinds.size() != 1) {
      throw s.error(
          kinds.isEmpty() ? "name" : kinds.get(1),
          "each map entry needs exactly one of name, ip or regex (with a subject)");
    }
    String kind = kinds.get(0);
    String match = s.string(kind);
    MappingRule rule;
    try {
      rule =
          switch (kind) {
            case "name" -> MappingRule.byName(match, subject);
            case "ip" -> MappingRule.byIp(match, subject);
            default -> MappingRule.byRegex(match, subject);
          };
    } catch (PatternSyntaxException e) {
      throw s.error("regex", "not a valid regular expression: " + e.getDescription());
    } catch (IllegalArgumentException e) {
      throw s.error("subject", e.getMessage().replace("map.subject", "subject"));
    }
    s.rejectUnknownKeys();
    return rule;
  }

  private static void checkSubjects(
      ConfigSection section, List<ConfigSection> rules, GangliaConfig config, Topology topology) {
    for (int i = 0; i < config.rules().size(); i++) {
      MappingRule rule = config.rules().get(i);
      if (rule.fixed()) {
        try {
          Subjects.resolve(rule.subject(), topology);
        } catch (IllegalArgumentException e) {
          throw rules.get(i).error("subject", e.getMessage());
        }
      }
    }
    for (String spec : config.covers().orElse(List.of())) {
      try {
        Subjects.resolve(spec, topology);
      } catch (IllegalArgumentException e) {
        throw section.error("covers", e.getMessage());
      }
    }
  }
}
