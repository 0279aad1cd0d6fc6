package org.relaxha.xen;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.config.Secret;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The settings of one libvirt adapter: which libvirt URI reaches each managed host, how VMs map to
 * domain names, where domain XML files may be found, and the timeouts, keepalive, reconnect and
 * heartbeat settings. Build one with {@link #builder()}; every value is checked there, and a bad
 * one fails with {@link IllegalArgumentException} naming the setting.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the adapter's name in logs and observations
 * @param hosts the libvirt URI of each managed host, in configuration order
 * @param domains domain names of VMs whose domain is not named like the VM
 * @param domainXmlDirectory where {@code <domain>.xml} files are kept for starting a VM on a host
 *     where it is not defined
 * @param callTimeout the longest one libvirt operation may take
 * @param migrationTimeout the longest a live migration may take
 * @param connectTimeout the longest opening a connection may take
 * @param keepaliveInterval seconds between keepalive messages on remote connections
 * @param keepaliveCount unanswered keepalives after which libvirt closes the connection
 * @param reconnectInitialDelay the first wait before reopening a lost connection; doubles up to
 *     {@code reconnectMaxDelay}
 * @param reconnectMaxDelay the longest wait between two reconnect attempts
 * @param heartbeat how often the event monitor reports each host and re-reads its domains
 * @param threads the adapter's threads for libvirt calls (a hung native call keeps one busy)
 * @param username the user name for libvirt's own authentication (SASL), if any
 * @param password the password for libvirt's own authentication, if any
 */
public record LibvirtConfig(
    String name,
    Map<HostId, String> hosts,
    Map<VmId, String> domains,
    Optional<Path> domainXmlDirectory,
    Duration callTimeout,
    Duration migrationTimeout,
    Duration connectTimeout,
    Duration keepaliveInterval,
    int keepaliveCount,
    Duration reconnectInitialDelay,
    Duration reconnectMaxDelay,
    Duration heartbeat,
    int threads,
    Optional<String> username,
    Optional<Secret> password) {

  /** The default adapter name. */
  public static final String DEFAULT_NAME = "libvirt";

  /** Validates every field and copies the maps. */
  public LibvirtConfig {
    Require.nonBlank(name, "libvirt.name");
    Require.nonNull(hosts, "libvirt.hosts");
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("libvirt.hosts must name at least one host");
    }
    hosts.forEach((host, uri) -> checkUri(uri, "libvirt.hosts[" + host + "].uri"));
    hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    Require.nonNull(domains, "libvirt.domains");
    domains.forEach((vm, domain) -> Require.nonBlank(domain, "libvirt.domains[" + vm + "]"));
    domains = Map.copyOf(domains);
    Require.nonNull(domainXmlDirectory, "libvirt.domainXmlDirectory");
    atLeast(callTimeout, Duration.ofMillis(100), "libvirt.callTimeout");
    atLeast(migrationTimeout, Duration.ofSeconds(1), "libvirt.migrationTimeout");
    atLeast(connectTimeout, Duration.ofMillis(100), "libvirt.connectTimeout");
    atLeast(keepaliveInterval, Duration.ofSeconds(1), "libvirt.keepalive.interval");
    Require.atLeast(keepaliveCount, 1, "libvirt.keepalive.count");
    atLeast(reconnectInitialDelay, Duration.ofMillis(10), "libvirt.reconnect.initialDelay");
    atLeast(reconnectMaxDelay, reconnectInitialDelay, "libvirt.reconnect.maxDelay");
    atLeast(heartbeat, Duration.ofMillis(100), "libvirt.heartbeat");
    Require.atLeast(threads, 1, "libvirt.threads");
    Require.nonNull(username, "libvirt.username");
    Require.nonNull(password, "libvirt.password");
  }

  /** A builder with the defaults; at least one host is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The domain name of {@code vm} (its own name unless mapped). */
  public String domainOf(VmId vm) {
    return domains.getOrDefault(vm, vm.name());
  }

  /**
   * Checks that {@code uri} parses as a URI with a scheme (libvirt's driver name), e.g. {@code
   * qemu:///system} or {@code test:///path/node.xml}.
   *
   * @throws IllegalArgumentException naming {@code field} otherwise
   */
  public static String checkUri(String uri, String field) {
    Require.nonBlank(uri, field);
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          field + " is not a URI (" + e.getReason() + " at index " + e.getIndex() + "): " + uri);
    }
    if (parsed.getScheme() == null || parsed.isOpaque()) {
      throw new IllegalArgumentException(
          field
              + " must be a libvirt URI such as qemu:///system or xen+ssh://root@node/system,"
              + " was: "
              + uri);
    }
    return uri;
  }

  private static void atLeast(Duration value, Duration min, String field) {
    Require.nonNull(value, field);
    if (value.compareTo(min) < 0) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
    }
  }

  /** Builds a {@link LibvirtConfig}. Not thread-safe. */
  public static final class Builder {
    private String name = DEFAULT_NAME;
    private final Map<HostId, String> hosts = new LinkedHashMap<>();
    private final Map<VmId, String> domains = new LinkedHashMap<>();
    private Path domainXmlDirectory;
    private Duration callTimeout = Duration.ofSeconds(10);
    private Duration migrationTimeout = Duration.ofMinutes(5);
    private Duration connectTimeout = Duration.ofSeconds(15);
    private Duration keepaliveInterval = Duration.ofSeconds(5);
    private int keepaliveCount = 3;
    private Duration reconnectInitialDelay = Duration.ofSeconds(1);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    private Duration heartbeat = Duration.ofSeconds(10);
    private int threads = 4;
    private String username;
    private Secret password;

    private Builder() {}

    /** The adapter's name (default {@code libvirt}). */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Manages {@code host}, reached through libvirt {@code uri}. */
    public Builder host(String host, String uri) {
      return host(HostId.of(host), uri);
    }

    /** Manages {@code host}, reached through libvirt {@code uri}. */
    public Builder host(HostId host, String uri) {
      if (hosts.putIfAbsent(Require.nonNull(host, "host"), uri) != null) {
        throw new IllegalArgumentException("libvirt.hosts names host " + host + " twice");
      }
      return this;
    }

    /** The domain name of {@code vm} when it differs from the VM's name. */
    public Builder domain(String vm, String domain) {
      domains.put(VmId.of(vm), domain);
      return this;
    }

    /** Where {@code <domain>.xml} files are kept (default: none). */
    public Builder domainXmlDirectory(Path value) {
      this.domainXmlDirectory = value;
      return this;
    }

    /** The longest one libvirt operation may take (default 10 s). */
    public Builder callTimeout(Duration value) {
      this.callTimeout = value;
      return this;
    }

    /** The longest a live migration may take (default 5 min). */
    public Builder migrationTimeout(Duration value) {
      this.migrationTimeout = value;
      return this;
    }

    /** The longest opening a connection may take (default 15 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /** Keepalive on remote connections (default every 5 s, closed after 3 unanswered). */
    public Builder keepalive(Duration interval, int count) {
      this.keepaliveInterval = interval;
      this.keepaliveCount = count;
      return this;
    }

    /** Reconnect backoff (default from 1 s, doubling, at most 30 s). */
    public Builder reconnect(Duration initialDelay, Duration maxDelay) {
      this.reconnectInitialDelay = initialDelay;
      this.reconnectMaxDelay = maxDelay;
      return this;
    }

    /** How often the event monitor reports each host (default 10 s). */
    public Builder heartbeat(Duration value) {
      this.heartbeat = value;
      return this;
    }

    /** Threads for libvirt calls (default 4). */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** Credentials for libvirt's own authentication (SASL); ssh keys need none. */
    public Builder credentials(String user, Secret secret) {
      this.username = user;
      this.password = secret;
      return this;
    }

    /** Validates and builds. */
    public LibvirtConfig build() {
      if (keepaliveInterval != null && keepaliveInterval.toSeconds() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("libvirt.keepalive.interval is too long");
      }
      return new LibvirtConfig(
          name,
          hosts,
          domains,
          Optional.ofNullable(domainXmlDirectory),
          callTimeout,
          migrationTimeout,
          connectTimeout,
          keepaliveInterval,
          keepaliveCount,
          reconnectInitialDelay,
          reconnectMaxDelay,
          heartbeat,
          threads,
          Optional.ofNullable(username),
          Optional.ofNullable(password));
    }
  }
}
