package org.relaxha.spi.model;

/**
 * The name of a physical host (hypervisor node), as RelaxHA knows it. Monitors and hypervisor
 * adapters map their own names to it through configuration.
 *
 * <p>Immutable and thread-safe.
 */
public record HostId(String name) implements SubjectId {
  /** Validates the name: letters, digits and {@code ._@+-}, starting with a letter or digit. */
  public HostId {
    Names.check(name, "host name");
  }

  /** Shorthand for {@code new HostId(name)}. */
  public static HostId of(String name) {
    return new HostId(name);
  }

  @Override
  public String key() {
    return "host:" + name;
  }

  @Override
  public Kind kind() {
    return Kind.HOST;
  }

  /** {@link SubjectId#compareTo}, with a shortcut for the common case of two HostIds. */
  @Override
  public int compareTo(SubjectId other) {
    if (other instanceof HostId same) {
      return name.compareTo(same.name);
    }
    return SubjectId.super.compareTo(other);
  }

  @Override
  public String toString() {
    return name;
  }
}
