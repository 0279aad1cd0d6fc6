package org.relaxha.spi.model;

/**
 * The name of a virtual machine. Hypervisor adapters use it as the domain name unless their
 * configuration maps it.
 *
 * <p>Immutable and thread-safe.
 */
public record VmId(String name) implements SubjectId {
  /** Validates the name: letters, digits and {@code ._@+-}, starting with a letter or digit. */
  public VmId {
    Names.check(name, "vm name");
  }

  /** Shorthand for {@code new VmId(name)}. */
  public static VmId of(String name) {
    return new VmId(name);
  }

  @Override
  public String key() {
    return "vm:" + name;
  }

  @Override
  public Kind kind() {
    return Kind.VM;
  }

  /** {@link SubjectId#compareTo}, with a shortcut for the common case of two VmIds. */
  @Override
  public int compareTo(SubjectId other) {
    if (other instanceof VmId same) {
      return name.compareTo(same.name);
    }
    return SubjectId.super.compareTo(other);
  }

  @Override
  public String toString() {
    return name;
  }
}
