package org.relaxha.monitor.nagios.status;

import java.util.Comparator;
import java.util.Optional;

/**
 * A Nagios host ({@code service} empty) or a service on a Nagios host, named as Nagios names it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the Nagios {@code host_name}
 * @param service the Nagios {@code service_description}, or empty for the host itself
 */
public record NagiosObject(String host, Optional<String> service)
    implements Comparable<NagiosObject> {

  private static final Comparator<NagiosObject> ORDER =
      Comparator.comparing((NagiosObject o) -> o.host())
          .thenComparing((NagiosObject o) -> o.service().orElse(""));

  /** Validates both names (JDK checks only: the event client runs without the SPI jar). */
  public NagiosObject {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("nagios host_name must not be blank");
    }
    if (service == null || service.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("nagios service_description must not be blank");
    }
  }

  /** A Nagios host. */
  public static NagiosObject host(String host) {
    return new NagiosObject(host, Optional.empty());
  }

  /** A service on a Nagios host. */
  public static NagiosObject service(String host, String service) {
    return new NagiosObject(host, Optional.of(service));
  }

  /** Whether this is a host (not a service). */
  public boolean isHost() {
    return service.isEmpty();
  }

  /** The host itself (this object if it is a host). */
  public NagiosObject hostObject() {
    return isHost() ? this : host(host);
  }

  @Override
  public int compareTo(NagiosObject other) {
    return ORDER.compare(this, other);
  }

  /** {@code host} or {@code host/service}. */
  @Override
  public String toString() {
    return service.map(s -> host + "/" + s).orElse(host);
  }
}
