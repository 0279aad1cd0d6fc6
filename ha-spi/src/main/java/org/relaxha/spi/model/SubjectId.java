package org.relaxha.spi.model;

/**
 * Anything RelaxHA watches and recovers: a physical host, a VM, or a service inside a VM.
 *
 * <p>Immutable and thread-safe. {@link #key()} is a stable, human-readable form that round-trips
 * through {@link #parse(String)}: {@code host:NAME}, {@code vm:NAME}, {@code service:VM/NAME}.
 */
public sealed interface SubjectId extends Comparable<SubjectId> permits HostId, VmId, ServiceId {

  /** The stable textual key of this subject, e.g. {@code vm:web-1}. */
  String key();

  /** The kind of subject, used for ordering and display. */
  Kind kind();

  /** The three kinds of subject, from the bottom of the stack to the top. */
  enum Kind {
    HOST,
    VM,
    SERVICE
  }

  /** The subject's own name (for a service, its name within its VM). */
  String name();

  /**
   * Orders by kind (hosts, then VMs, then services), then by name (services by their VM's name
   * first). Allocates nothing: subjects are compared on every step of the engine.
   */
  @Override
  default int compareTo(SubjectId other) {
    int byKind = kind().compareTo(other.kind());
    if (byKind != 0) {
      return byKind;
    }
    if (this instanceof ServiceId mine) {
      int byVm = mine.vm().name().compareTo(((ServiceId) other).vm().name());
      if (byVm != 0) {
        return byVm;
      }
    }
    return name().compareTo(other.name());
  }

  /**
   * Parses a key produced by {@link #key()}.
   *
   * @throws IllegalArgumentException if the text is not a valid key
   */
  static SubjectId parse(String key) {
    if (key.startsWith("host:")) {
      return new HostId(key.substring(5));
    }
    if (key.startsWith("vm:")) {
      return new VmId(key.substring(3));
    }
    if (key.startsWith("service:")) {
      String rest = key.substring(8);
      int slash = rest.indexOf('/');
      if (slash > 0) {
        return new ServiceId(new VmId(rest.substring(0, slash)), rest.substring(slash + 1));
      }
    }
    throw new IllegalArgumentException(
        "not a subject key (host:NAME, vm:NAME or service:VM/NAME): " + key);
  }
}
