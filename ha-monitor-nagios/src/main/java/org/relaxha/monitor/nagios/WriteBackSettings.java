package org.relaxha.monitor.nagios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.relaxha.spi.Require;

/**
 * How the monitor rewrites Nagios dependencies after a VM moved: the RelaxHA-owned include file
 * (never one of the user's), the configuration {@code nagios -v} validates, and what to manage
 * beyond each VM's parents template.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the RelaxHA-owned object file, included from nagios.cfg with {@code cfg_file=}
 * @param nagiosConfig the main nagios.cfg, validated with {@code nagios -v} before each reload
 * @param nagiosBinary the Nagios executable ({@code /usr/sbin/nagios4} on Debian)
 * @param objectCacheFile Nagios's {@code object_cache_file}, read to verify a reload; empty means
 *     read its location from {@code nagiosConfig}
 * @param templatePrefix the prefix of the per-VM host templates ({@code relaxha-parents-web-1})
 * @param hostDependencies whether to also write a hostdependency of each VM on its host
 * @param serviceDependencies services of the physical host (e.g. {@code hypervisor}) that every
 *     service of a VM running there depends on
 * @param validateTimeout how long {@code nagios -v} may take
 * @param reloadTimeout how long Nagios may take to reload and show the new configuration
 */
public record WriteBackSettings(
    Path file,
    Path nagiosConfig,
    Path nagiosBinary,
    Optional<Path> objectCacheFile,
    String templatePrefix,
    boolean hostDependencies,
    List<String> serviceDependencies,
    Duration validateTimeout,
    Duration reloadTimeout) {

  /** The Debian location of the Nagios 4 binary. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/nagios4");

  /** The default template prefix. */
  public static final String DEFAULT_PREFIX = "relaxha-parents-";

  private static final Pattern NAGIOS_WORD = Pattern.compile("[^\\s;,{}]+");

  /** Validates every field. */
  public WriteBackSettings {
    Require.nonNull(file, "writeBack.file");
    Require.nonNull(nagiosConfig, "writeBack.nagiosConfig");
    Require.nonNull(nagiosBinary, "writeBack.nagiosBinary");
    Require.nonNull(objectCacheFile, "writeBack.objectCacheFile");
    if (!NAGIOS_WORD
        .matcher(Require.nonBlank(templatePrefix, "writeBack.templatePrefix"))
        .matches()) {
      throw new IllegalArgumentException(
          "writeBack.templatePrefix must not contain blanks, ';', ',' or braces");
    }
    serviceDependencies = List.copyOf(serviceDependencies);
    for (String service : serviceDependencies) {
      if (service.isBlank()
          || service.contains(";")
          || service.contains(",")
          || service.contains("\n")) {
        throw new IllegalArgumentException(
            "writeBack.serviceDependencies: '" + service + "' is not a service description");
      }
    }
    Require.positive(validateTimeout, "writeBack.validateTimeout");
    Require.positive(reloadTimeout, "writeBack.reloadTimeout");
    if (file.equals(nagiosConfig)) {
      throw new IllegalArgumentException("writeBack.file must not be the main nagios.cfg");
    }
  }

  /** Parents templates only, the Debian binary, 60 s to validate and to reload. */
  public static WriteBackSettings of(Path file, Path nagiosConfig) {
    return new WriteBackSettings(
        file,
        nagiosConfig,
        DEFAULT_BINARY,
        Optional.empty(),
        DEFAULT_PREFIX,
        false,
        List.of(),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60));
  }
}
