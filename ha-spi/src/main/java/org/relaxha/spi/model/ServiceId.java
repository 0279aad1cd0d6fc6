package org.relaxha.spi.model;

import org.relaxha.spi.Require;

/**
 * A service inside a VM (a daemon, a web application), named relative to its VM.
 *
 * <p>Immutable and thread-safe.
 */
public record ServiceId(VmId vm, String name) implements SubjectId {
  /** Validates both parts. */
  public ServiceId {
    Require.nonNull(vm, "service vm");
    Names.check(name, "service name");
  }

  /** Shorthand for {@code new ServiceId(VmId.of(vm), name)}. */
  public static ServiceId of(String vm, String name) {
    return new ServiceId(VmId.of(vm), name);
  }

  @Override
  public String key() {
    return "service:" + vm.name() + "/" + name;
  }

  @Override
  public Kind kind() {
    return Kind.SERVICE;
  }

  @Override
  public String toString() {
    return vm.name() + "/" + name;
  }
}
