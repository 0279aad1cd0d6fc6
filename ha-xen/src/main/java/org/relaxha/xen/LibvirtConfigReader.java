package org.relaxha.xen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;

/**
 * Reads a {@code type: libvirt} section of the site configuration into a {@link LibvirtConfig}.
 * Every error names the file, the line and the field. Stateless; used on the launcher's thread.
 */
final class LibvirtConfigReader {
  static final String HOST_PLACEHOLDER = "{host}";

  private LibvirtConfigReader() {}

  static LibvirtConfig read(ConfigSection section, Topology topology) {
    LibvirtConfig.Builder b = LibvirtConfig.builder();
    b.name(section.optionalString("name").orElse(LibvirtConfig.DEFAULT_NAME));
    Optional<String> template = section.optionalString("uri");
    readHosts(section, topology, template, b);
    section
        .optionalSection("domains")
        .ifPresent(d -> d.keys().forEach(vm -> domain(d, vm, topology, b)));
    section
        .optionalString("domainXmlDirectory")
        .ifPresent(dir -> b.domainXmlDirectory(directory(section, dir)));
    b.callTimeout(section.duration("callTimeout", Duration.ofSeconds(10)));
    b.migrationTimeout(section.duration("migrationTimeout", Duration.ofMinutes(5)));
    b.connectTimeout(section.duration("connectTimeout", Duration.ofSeconds(15)));
    b.heartbeat(section.duration("heartbeat", Duration.ofSeconds(10)));
    b.threads(section.integer("threads", 4));
    section
        .optionalSection("keepalive")
        .ifPresentOrElse(
            k -> b.keepalive(k.duration("interval", Duration.ofSeconds(5)), k.integer("count", 3)),
            () -> b.keepalive(Duration.ofSeconds(5), 3));
    section
        .optionalSection("reconnect")
        .ifPresent(
            r ->
                b.reconnect(
                    r.duration("initialDelay", Duration.ofSeconds(1)),
                    r.duration("maxDelay", Duration.ofSeconds(30))));
    if (section.has("username") || section.has("password")) {
      b.credentials(section.string("username"), section.secret("password"));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw section.error(fieldOf(e.getMessage()), String.valueOf(e.getMessage()));
    }
  }

  /** Whether the section asks for the event monitor too (key {@code events}, default true). */
  static boolean events(ConfigSection section) {
    return section.bool("events", true);
  }

  private static void readHosts(
      ConfigSection section,
      Topology topology,
      Optional<String> template,
      LibvirtConfig.Builder b) {
    List<ConfigSection> hosts = section.sections("hosts");
    if (hosts.isEmpty()) {
      if (template.isEmpty() || !template.get().contains(HOST_PLACEHOLDER)) {
        throw section.error(
            "hosts",
            "name the managed hosts (hosts: [{name: node-a, uri: qemu+ssh://root@node-a/system}])"
                + " or give a uri with {host} to manage every configured host");
      }
      topology.hosts().keySet().forEach(h -> b.host(h, uri(section, "uri", template.get(), h)));
      return;
    }
    for (ConfigSection h : hosts) {
      String name = h.string("name");
      HostId host;
      try {
        host = HostId.of(name);
      } catch (IllegalArgumentException e) {
        throw h.error("name", e.getMessage());
      }
      if (!topology.hosts().containsKey(host)) {
        throw h.error("name", "host '" + name + "' is not one of the configured hosts");
      }
      Optional<String> own = h.optionalString("uri");
      if (own.isEmpty() && template.isEmpty()) {
        throw h.error("uri", "no uri for host " + name + " (and no uri template with {host})");
      }
      try {
        b.host(
            host,
            own.isPresent()
                ? uri(h, "uri", own.get(), host)
                : uri(section, "uri", template.get(), host));
      } catch (IllegalArgumentException e) {
        throw h.error("name", e.getMessage());
      }
    }
  }

  private static String uri(ConfigSection where, String key, String value, HostId host) {
    String uri = value.replace(HOST_PLACEHOLDER, host.name());
    try {
      return LibvirtConfig.checkUri(uri, key);
    } catch (IllegalArgumentException e) {
      throw where.error(key, e.getMessage());
    }
  }

  private static void domain(
      ConfigSection d, String vm, Topology topology, LibvirtConfig.Builder b) {
    String domain = d.string(vm);
    try {
      b.domain(vm, domain);
    } catch (IllegalArgumentException e) {
      throw d.error(vm, e.getMessage());
    }
    if (topology.vm(org.relaxha.spi.model.VmId.of(vm)).isEmpty()) {
      throw d.error(vm, "vm '" + vm + "' is not one of the configured VMs");
    }
    if (domain.isBlank()) {
      throw d.error(vm, "the domain name must not be blank");
    }
  }

  private static Path directory(ConfigSection section, String value) {
    Path dir = Path.of(value);
    if (!dir.isAbsolute() && section.file() != null) {
      Path parent = Path.of(section.file()).toAbsolutePath().getParent();
      dir = parent == null ? dir : parent.resolve(dir);
    }
    if (!Files.isDirectory(dir)) {
      throw section.error("domainXmlDirectory", "not a directory: " + dir);
    }
    return dir;
  }

  /** The key a builder message names, e.g. {@code libvirt.callTimeout must ...} -> callTimeout. */
  private static String fieldOf(String message) {
    if (message != null && message.startsWith("libvirt.")) {
      int end = message.indexOf(' ');
      String field = message.substring("libvirt.".length(), end < 0 ? message.length() : end);
      int dot = field.indexOf('.');
      return dot < 0 ? field : field.substring(0, dot);
    }
    return "";
  }
}
