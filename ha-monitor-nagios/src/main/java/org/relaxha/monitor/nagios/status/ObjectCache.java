package org.relaxha.monitor.nagios.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Nagios's object cache ({@code object_cache_file}, rewritten at every start and reload with
 * every object as Nagios resolved it): here, the {@code parents} of hosts, which {@code status.dat}
 * does not show.
 *
 * <p>Stateless and thread-safe.
 */
public final class ObjectCache {
  private ObjectCache() {}

  /**
   * The parents of each of {@code hosts} that the cache defines (an empty list for a host without
   * parents; hosts the cache does not define are absent).
   *
   * @throws IOException if the file cannot be read
   */
  public static Map<String, List<String>> parents(Path file, Set<String> hosts) throws IOException {
    Map<String, List<String>> found = new HashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      BlockParser.parse(
          in,
          file.toString(),
          Syntax.OBJECTS,
          b -> {
            String host = b.text("host_name");
            if (b.type().equals("host") && hosts.contains(host)) {
              found.put(host, split(b.text("parents")));
            }
          });
    }
    return found;
  }

  private static List<String> split(String list) {
    return list.isBlank()
        ? List.of()
        : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
