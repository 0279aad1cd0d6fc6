package org.relaxha.monitor.nagios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.model.Topology;

/**
 * Reads the {@code nagios} adapter's section of the configuration into {@link NagiosSettings}:
 * every value is checked, and every error names the file, line and key.
 *
 * <p>Not thread-safe (sections are not); used on the launcher's thread.
 */
final class SettingsReader {
  private SettingsReader() {}

  static NagiosSettings read(ConfigSection section, Topology topology, String defaultName) {
    String name = section.optionalString("name").orElse(defaultName);
    Path statusFile = path(section, "statusFile");
    SubjectMap subjects = SubjectReader.read(section, topology);
    NagiosSettings.Builder b = NagiosSettings.builder(statusFile, subjects).name(name);
    b.pollInterval(positive(section, "pollInterval", Duration.ofSeconds(1)));
    b.staleAfter(positive(section, "staleAfter", Duration.ofSeconds(60)));
    b.maxCheckAge(positive(section, "maxCheckAge", Duration.ofMinutes(15)));
    section.optionalSection("events").ifPresent(e -> b.events(events(e)));
    Optional<ConfigSection> commands = section.optionalSection("commands");
    commands.ifPresent(c -> b.commands(commands(c)));
    Optional<ConfigSection> writeBack = section.optionalSection("writeBack");
    if (writeBack.isPresent()) {
      if (commands.isEmpty()) {
        throw section.error(
            "writeBack", "needs a commands section: Nagios is reloaded through its command file");
      }
      b.writeBack(writeBack(writeBack.get()));
    }
    return check(section, "staleAfter", b::build);
  }

  private static EventSettings events(ConfigSection s) {
    Path socket = path(s, "socket");
    Optional<String> group = s.optionalString("group");
    return check(s, "events.", "socket", () -> new EventSettings(socket, group));
  }

  private static CommandSettings commands(ConfigSection s) {
    CommandSettings d = CommandSettings.of(path(s, "commandFile"));
    MuteMode mode = muteMode(s);
    Duration length = positive(s, "downtimeLength", d.downtimeLength());
    boolean acknowledge = s.bool("acknowledge", d.acknowledge());
    String author = s.optionalString("author").orElse(d.author());
    Duration verify = positive(s, "verifyTimeout", d.verifyTimeout());
    return check(
        s,
        "commands.",
        "author",
        () -> new CommandSettings(d.commandFile(), mode, length, acknowledge, author, verify));
  }

  private static WriteBackSettings writeBack(ConfigSection s) {
    Path file = path(s, "file");
    Path nagiosConfig = path(s, "nagiosConfig");
    WriteBackSettings d =
        check(s, "writeBack.", "file", () -> WriteBackSettings.of(file, nagiosConfig));
    Path binary = s.has("nagiosBinary") ? path(s, "nagiosBinary") : d.nagiosBinary();
    Optional<Path> cache =
        s.has("objectCacheFile") ? Optional.of(path(s, "objectCacheFile")) : Optional.empty();
    String prefix = s.optionalString("templatePrefix").orElse(d.templatePrefix());
    boolean hostDependencies = s.bool("hostDependencies", false);
    var services = s.strings("serviceDependencies");
    Duration validate = positive(s, "validateTimeout", d.validateTimeout());
    Duration reload = positive(s, "reloadTimeout", d.reloadTimeout());
    return check(
        s,
        "writeBack.",
        "file",
        () ->
            new WriteBackSettings(
                d.file(),
                d.nagiosConfig(),
                binary,
                cache,
                prefix,
                hostDependencies,
                services,
                validate,
                reload));
  }

  private static MuteMode muteMode(ConfigSection s) {
    Optional<String> text = s.optionalString("muteWith");
    if (text.isEmpty()) {
      return MuteMode.DOWNTIME;
    }
    try {
      return MuteMode.valueOf(text.get().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw s.error("muteWith", "expected downtime or checks, found '" + text.get() + "'");
    }
  }

  /** A path; a relative one is resolved against the configuration file's directory. */
  static Path path(ConfigSection s, String key) {
    String text = s.string(key);
    if (text.isBlank()) {
      throw s.error(key, "must not be blank");
    }
    Path path;
    try {
      path = Path.of(text);
    } catch (RuntimeException e) {
      throw s.error(key, "not a path: " + e.getMessage());
    }
    if (path.isAbsolute() || s.file() == null) {
      return path;
    }
    Path dir = Path.of(s.file()).toAbsolutePath().getParent();
    return dir == null ? path : dir.resolve(path).normalize();
  }

  private static Duration positive(ConfigSection s, String key, Duration fallback) {
    Duration value = s.duration(key, fallback);
    if (value.isNegative() || value.isZero()) {
      throw s.error(key, "must be positive, was " + value);
    }
    return value;
  }

  /**
   * Runs a record's validation, turning its complaint into an error at the key its message names
   * after {@code prefix} ({@code writeBack.templatePrefix must ...}), or at {@code fallback}.
   */
  static <T> T check(ConfigSection s, String prefix, String fallback, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.startsWith(prefix)) {
        throw s.error(fallback, message);
      }
      String rest = message.substring(prefix.length());
      int end = 0;
      while (end < rest.length() && Character.isJavaIdentifierPart(rest.charAt(end))) {
        end++;
      }
      String key = end == 0 ? fallback : rest.substring(0, end);
      throw s.error(key, rest.substring(end).replaceFirst("^[:\\s]+", ""));
    }
  }

  /** Runs a record's validation, turning its complaint into an error at {@code key}. */
  static <T> T check(ConfigSection s, String key, Supplier<T> build) {
    try {
      return build.get();
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw s.error(key, e.getMessage());
    }
  }
}
