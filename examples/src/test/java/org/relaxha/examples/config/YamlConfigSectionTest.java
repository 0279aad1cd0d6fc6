package org.relaxha.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.config.Secret;
import org.relaxha.spi.model.Criticality;

class YamlConfigSectionTest {
  private static final String SECRET = "hunter2-s3cr3t";

  private final List<String> warnings = new ArrayList<>();

  private YamlConfigSection parse(String text) {
    return YamlConfigSection.parse(text, source(Path.of("").toAbsolutePath()));
  }

  private ConfigSource source(Path base) {
    return new ConfigSource("site.yaml", base, Map.of("IPMI_PASSWORD", SECRET)::get, warnings::add);
  }

  private static ConfigException error(Runnable action) {
    try {
      action.run();
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no ConfigException");
  }

  @Test
  void typedGettersReadValuesAsWritten() {
    YamlConfigSection s =
        parse(
            "name: no\nmac: 52:54:00:00:00:01\ncpus: 16\nshare: 0.5\non: yes\n"
                + "wait: 5m\nmemory: 4GiB\nlevel: HIGH\npools: [a, b]\nempty:\n");
    assertThat(s.string("name")).isEqualTo("no");
    assertThat(s.string("mac")).isEqualTo("52:54:00:00:00:01");
    assertThat(s.integer("cpus")).isEqualTo(16);
    assertThat(s.number("share", 1)).isEqualTo(0.5);
    assertThat(s.bool("on", false)).isTrue();
    assertThat(s.duration("wait")).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.memoryMib("memory")).isEqualTo(4096);
    assertThat(s.enumValue("level", Criticality.class, Criticality.LOW))
        .isEqualTo(Criticality.HIGH);
    assertThat(s.strings("pools")).containsExactly("a", "b");
    assertThat(s.optionalString("empty")).isEmpty();
    assertThat(s.integer("absent", 7)).isEqualTo(7);
    assertThat(s.strings("absent2")).isEmpty();
    s.rejectUnknownKeys();
  }

  @Test
  void wrongTypeNamesFileLineFieldAndWhatWasFound() {
    YamlConfigSection root = parse("hosts:\n  - name: a\n    interval: soon\n    cpus: [1]\n");
    YamlConfigSection host = root.subsections("hosts").get(0);
    ConfigException e = error(() -> host.duration("interval"));
    assertThat(e.file()).isEqualTo("site.yaml");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("hosts[0].interval");
    assertThat(e.problem()).isEqualTo("expected a duration like 30s, 5m, 1h, 250ms, found 'soon'");
    assertThat(e.getMessage())
        .isEqualTo(
            "site.yaml:3: hosts[0].interval: expected a duration like 30s, 5m, 1h, 250ms,"
                + " found 'soon'");
    assertThat(error(() -> host.integer("cpus")).problem())
        .isEqualTo("expected a whole number, found a list");
  }

  @Test
  void missingRequiredKeyPointsAtTheSectionAndSuspectsAMisspelling() {
    YamlConfigSection s = parse("x: 1\nhost:\n  nmae: a\n  cpus: 2\n").section("host");
    ConfigException e = error(() -> s.string("name"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("host.name");
    assertThat(e.problem()).isEqualTo("required key is missing (is 'nmae' a misspelling?)");
  }

  @Test
  void unknownKeyWithSuggestionOrList() {
    YamlConfigSection s = parse("name: a\n\nmemroy: 4G\n");
    s.string("name");
    s.memoryMib("memory", 1);
    ConfigException e = error(s::rejectUnknownKeys);
    assertThat(e.getMessage())
        .isEqualTo("site.yaml:3: memroy: unknown key (did you mean 'memory'?)");

    YamlConfigSection t = parse("name: a\ncolour: red\n");
    ConfigException f = error(() -> t.expectOnly("name", "cpus"));
    assertThat(f.problem()).isEqualTo("unknown key; expected one of cpus, name");
  }

  @Test
  void duplicateKeysAreErrors() {
    ConfigException e = error(() -> parse("hosts:\n  - name: a\n    cpus: 1\n    cpus: 2\n"));
    assertThat(e.getMessage())
        .isEqualTo("site.yaml:4: hosts[0].cpus: duplicate key (first on line 3)");
    ConfigException nested = error(() -> parse("a:\n  b: 1\n  c: {d: 1, d: 2}\n"));
    assertThat(nested.field()).isEqualTo("a.c.d");
    assertThat(nested.line()).isEqualTo(3);
  }

  @Test
  void syntaxErrorsCarrySnakeYamlsLineButNotTheSourceText() {
    ConfigException e = error(() -> parse("hosts:\n  - name: a\n    password: \"" + SECRET + "\n"));
    assertThat(e.line()).isGreaterThanOrEqualTo(3);
    assertThat(e.problem()).startsWith("YAML syntax error: ");
    assertThat(e.getMessage()).doesNotContain(SECRET);

    ConfigException indent = error(() -> parse("a: 1\n b: 2\n"));
    assertThat(indent.getMessage()).startsWith("site.yaml:2: YAML syntax error: ");
  }

  @Test
  void theRootMustBeAMappingAndNotEmpty() {
    assertThat(error(() -> parse("- a\n- b\n")).problem())
        .isEqualTo("the configuration must be a mapping of keys to values, found a list");
    assertThat(error(() -> parse("# nothing\n")).problem()).isEqualTo("the file is empty");
    assertThat(error(() -> parse(SECRET + "\n")).getMessage())
        .isEqualTo(
            "site.yaml:1: the configuration must be a mapping of keys to values, found a single"
                + " value");
    assertThat(error(() -> parse("a: &x 1\n<<: {b: 2}\n")).problem()).contains("merge keys");
  }

  @Test
  void secretFromEnvironment() {
    YamlConfigSection s = parse("password: env:IPMI_PASSWORD\nother: env:NOT_SET\n");
    Secret secret = s.secret("password");
    assertThat(secret.reveal()).isEqualTo(SECRET.toCharArray());
    assertThat(secret.origin()).isEqualTo("env:IPMI_PASSWORD");
    assertThat(secret.toString()).doesNotContain(SECRET);
    assertThat(error(() -> s.secret("other")).getMessage())
        .isEqualTo("site.yaml:2: other: environment variable NOT_SET is not set");
    assertThat(warnings).isEmpty();
  }

  @Test
  void secretFromFileWithoutTrailingNewline(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ipmi.password"), SECRET + "\n");
    YamlConfigSection s =
        YamlConfigSection.parse(
            "a: file:" + dir.resolve("ipmi.password") + "\nb: file:ipmi.password\nc: file:nope\n",
            source(dir));
    assertThat(s.secret("a").reveal()).isEqualTo(SECRET.toCharArray());
    assertThat(s.secret("b").reveal()).isEqualTo(SECRET.toCharArray());
    ConfigException e = error(() -> s.secret("c"));
    assertThat(e.problem()).startsWith("cannot read secret file " + dir.resolve("nope"));
  }

  @Test
  void literalSecretWarnsNamingTheFieldNeverTheValue() {
    YamlConfigSection s = parse("ipmi:\n  password: " + SECRET + "\n");
    Secret secret = s.section("ipmi").secret("password");
    assertThat(secret.reveal()).isEqualTo(SECRET.toCharArray());
    assertThat(secret.toString()).doesNotContain(SECRET);
    assertThat(warnings).singleElement().asString().contains("site.yaml:2: ipmi.password");
    assertThat(warnings.get(0)).doesNotContain(SECRET);
  }

  @Test
  void secretsNeverAppearInErrorsOrToString() {
    YamlConfigSection s = parse("password: [" + SECRET + "]\nuser: admin\n");
    ConfigException e = error(() -> s.secret("password"));
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(e.toString()).doesNotContain(SECRET);
    assertThat(s.toString()).doesNotContain(SECRET).contains("password");
    YamlConfigSection t = parse("password: " + SECRET + "\npasswrd: x\n");
    t.secret("password");
    assertThat(error(t::rejectUnknownKeys).getMessage()).doesNotContain(SECRET);
  }

  @Test
  void deepRejectionFindsUnreadKeysOfNestedSections() {
    YamlConfigSection s = parse("a: 1\ntls:\n  cert: x\n  kye: y\n");
    s.integer("a");
    s.section("tls").string("cert");
    s.rejectUnknownKeys();
    assertThatThrownBy(s::rejectUnknownKeysDeep)
        .isInstanceOf(ConfigException.class)
        .hasMessage("site.yaml:4: tls.kye: unknown key; expected one of cert");
  }
}
