package org.relaxha.examples.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relaxha.spi.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns YAML text into SnakeYAML's node tree (so every value keeps its line) and indexes mappings,
 * rejecting what the configuration format does not allow: syntax errors, duplicate keys, keys that
 * are not plain scalars, merge keys. Error messages never quote the source line, which could hold a
 * secret.
 *
 * <p>Stateless and thread-safe.
 */
final class YamlDocument {
  /** One key and its value, in file order. */
  record Entry(ScalarNode key, Node value) {}

  private YamlDocument() {}

  /** Reads and composes a file; a missing or unreadable file is a {@link ConfigException}. */
  static Node read(Path file, ConfigSource source) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(source.file(), 0, "", "is a directory, not a configuration file");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source.file(), 0, "", "no such file");
    } catch (MalformedInputException e) {
      throw new ConfigException(source.file(), 0, "", "not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(
          source.file(), 0, "", "cannot read the file (" + e.getClass().getSimpleName() + ")", e);
    }
    return compose(new StringReader(text), source);
  }

  /** Composes one YAML document into nodes; an empty document is an error. */
  static Node compose(Reader reader, ConfigSource source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(50);
    Node root;
    try {
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      throw syntaxError(e, source);
    } catch (YAMLException e) {
      throw new ConfigException(source.file(), 0, "", "not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new ConfigException(source.file(), 1, "", "the file is empty");
    }
    return root;
  }

  private static ConfigException syntaxError(MarkedYAMLException e, ConfigSource source) {
    Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = problemMark == null ? 0 : problemMark.getLine() + 1;
    StringBuilder problem = new StringBuilder("YAML syntax error: ");
    problem.append(e.getProblem() != null ? e.getProblem() : "malformed document");
    if (e.getContext() != null) {
      problem.append(" (").append(e.getContext());
      Mark contextMark = e.getContextMark();
      if (contextMark != null && contextMark.getLine() + 1 != line) {
        problem.append(" that starts on line ").append(contextMark.getLine() + 1);
      }
      problem.append(')');
    }
    return new ConfigException(source.file(), line, "", problem.toString());
  }

  /**
   * Checks every mapping of the document at once (keys, duplicates), so that a problem in a part
   * nobody reads (an adapter's nested section) is still found.
   */
  static void checkMappings(Node node, String path, ConfigSource source) {
    checkMappings(node, path, source, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void checkMappings(Node node, String path, ConfigSource source, Set<Node> seen) {
    if (!seen.add(node)) {
      return; // an alias of a node already checked (or a recursive structure)
    }
    if (node instanceof MappingNode mapping) {
      index(mapping, path, source)
          .forEach(
              (key, entry) ->
                  checkMappings(
                      entry.value(), path.isEmpty() ? key : path + "." + key, source, seen));
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        checkMappings(items.get(i), path + "[" + i + "]", source, seen);
      }
    }
  }

  /** Indexes a mapping by key, in file order. */
  static Map<String, Entry> index(MappingNode mapping, String path, ConfigSource source) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String where = path.isEmpty() ? "" : path;
      if (!(keyNode instanceof ScalarNode key) || Tag.NULL.equals(keyNode.getTag())) {
        throw new ConfigException(
            source.file(),
            line(keyNode),
            where,
            "keys must be plain names, found " + kind(keyNode));
      }
      String field = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
      if (Tag.MERGE.equals(key.getTag())) {
        throw new ConfigException(
            source.file(),
            line(key),
            field,
            "merge keys (<<) are not supported; write the settings out");
      }
      Entry previous = entries.putIfAbsent(key.getValue(), new Entry(key, tuple.getValueNode()));
      if (previous != null) {
        throw new ConfigException(
            source.file(),
            line(key),
            field,
            "duplicate key (first on line " + line(previous.key()) + ")");
      }
    }
    return entries;
  }

  /** The 1-based line where a node starts. */
  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** Whether a node is YAML null ({@code ~}, {@code null} or nothing). */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /** "a mapping", "a list", "'text'" or "nothing", for error messages. */
  static String kind(Node node) {
    return switch (node.getNodeId()) {
      case mapping -> "a mapping";
      case sequence -> "a list";
      case anchor -> "an anchor";
      case scalar -> isNull(node) ? "nothing" : "'" + shorten(((ScalarNode) node).getValue()) + "'";
    };
  }

  /** The text, cut to 40 characters for an error message. */
  static String shorten(String text) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
