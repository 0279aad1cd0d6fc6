package org.relaxha.examples.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.relaxha.spi.config.Secret;

/**
 * Reads a secret value of the configuration: {@code env:NAME} from the environment, {@code
 * file:/path} from a file (trailing newlines removed), anything else literally with a warning that
 * names the field. No message here ever contains the value.
 *
 * <p>Stateless and thread-safe.
 */
final class Secrets {
  private Secrets() {}

  /** The secret written as {@code text} at {@code key} of {@code section}. */
  static Secret read(YamlConfigSection section, String key, String text) {
    if (text.startsWith("env:")) {
      return fromEnvironment(section, key, text.substring(4).strip());
    }
    if (text.startsWith("file:")) {
      return fromFile(section, key, text.substring(5).strip());
    }
    String where = section.file() + ":" + section.lineOf(key);
    section
        .source()
        .warnings()
        .accept(
            where
                + ": "
                + section.pathOf(key)
                + ": a secret written into the configuration file; use env:NAME or file:/path"
                + " so that the file can be shared and kept in version control");
    return new Secret(text.toCharArray(), "literal at " + where);
  }

  private static Secret fromEnvironment(YamlConfigSection section, String key, String name) {
    if (name.isEmpty()) {
      throw section.error(
          key, "env: needs the name of an environment variable, e.g. env:IPMI_PASSWORD");
    }
    String value = section.source().environment().apply(name);
    if (value == null) {
      throw section.error(key, "environment variable " + name + " is not set");
    }
    return new Secret(value.toCharArray(), "env:" + name);
  }

  private static Secret fromFile(YamlConfigSection section, String key, String name) {
    if (name.isEmpty()) {
      throw section.error(key, "file: needs a path, e.g. file:/etc/relaxha/ipmi.password");
    }
    Path file = section.source().resolve(name);
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw section.error(
          key, "cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    int end = content.length();
    while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
      end--;
    }
    char[] value = new char[end];
    content.getChars(0, end, value, 0);
    return new Secret(value, "file:" + file);
  }
}
