package org.relaxha.monitor.ganglia;

import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;

/**
 * Resolves the subject a mapping names against the configured topology: {@code host:NAME}, {@code
 * vm:NAME}, or a bare name that is a configured host, or else a configured VM. Stateless.
 */
final class Subjects {
  private Subjects() {}

  /**
   * The configured host or VM {@code spec} names.
   *
   * @throws IllegalArgumentException saying why it names none
   */
  static SubjectId resolve(String spec, Topology topology) {
    String text = spec.strip();
    SubjectId subject;
    if (text.startsWith("host:") || text.startsWith("vm:")) {
      subject = parse(text);
    } else if (text.startsWith("service:")) {
      throw new IllegalArgumentException(
          "'" + spec + "': Ganglia reports hosts; map them to host:NAME or vm:NAME");
    } else {
      subject = bare(text, topology);
    }
    if (!topology.contains(subject)) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not a configured " + (subject instanceof HostId ? "host" : "VM"));
    }
    return subject;
  }

  private static SubjectId parse(String text) {
    try {
      return SubjectId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
    }
  }

  private static SubjectId bare(String name, Topology topology) {
    try {
      HostId host = HostId.of(name);
      if (topology.contains(host)) {
        return host;
      }
      VmId vm = VmId.of(name);
      if (topology.contains(vm)) {
        return vm;
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "': " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "'" + name + "' is neither a configured host nor a configured VM");
  }
}
