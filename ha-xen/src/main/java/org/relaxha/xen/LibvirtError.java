package org.relaxha.xen;

import java.util.Optional;
import java.util.Set;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * A libvirt error as the adapter reports it: which host, which VM (if any), libvirt's error code
 * (its name and number, e.g. {@code VIR_ERR_NO_DOMAIN} = 42) and libvirt's message. libvirt's own
 * exception never leaves the adapter; this record, or a result built from it, does.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the host whose connection failed the call
 * @param vm the VM the call was about, if any
 * @param code libvirt's error code name, e.g. {@code VIR_ERR_OPERATION_INVALID}
 * @param number libvirt's error code number ({@code virErrorNumber})
 * @param message libvirt's message
 */
public record LibvirtError(
    HostId host, Optional<VmId> vm, String code, int number, String message) {

  /** Codes that mean the connection (not the VM) is in trouble. */
  private static final Set<ErrorNumber> CONNECTION_CODES =
      Set.of(
          ErrorNumber.VIR_ERR_SYSTEM_ERROR,
          ErrorNumber.VIR_ERR_RPC,
          ErrorNumber.VIR_ERR_INVALID_CONN,
          ErrorNumber.VIR_ERR_NO_CONNECT,
          ErrorNumber.VIR_ERR_AUTH_FAILED,
          ErrorNumber.VIR_ERR_AUTH_CANCELLED,
          ErrorNumber.VIR_ERR_AUTH_UNAVAILABLE,
          ErrorNumber.VIR_ERR_OPERATION_TIMEOUT);

  /** Validates every field. */
  public LibvirtError {
    Require.nonNull(host, "libvirtError.host");
    Require.nonNull(vm, "libvirtError.vm");
    Require.nonBlank(code, "libvirtError.code");
    Require.nonNull(message, "libvirtError.message");
  }

  /** Translates libvirt's exception, keeping its code and message. */
  static LibvirtError of(HostId host, Optional<VmId> vm, LibvirtException e) {
    org.libvirt.Error error = e.getError();
    ErrorNumber code = error == null ? null : error.getCode();
    String message = error == null ? String.valueOf(e.getMessage()) : error.getMessage();
    return new LibvirtError(
        host,
        vm,
        code == null ? "VIR_ERR_UNKNOWN" : code.name(),
        code == null ? -1 : code.ordinal(),
        message == null ? "" : message.strip());
  }

  /** Whether the code says the connection failed rather than the VM or the request. */
  public boolean connectionLevel() {
    return CONNECTION_CODES.stream().anyMatch(c -> c.name().equals(code));
  }

  /** Whether libvirt said the domain does not exist on the host. */
  public boolean noDomain() {
    return ErrorNumber.VIR_ERR_NO_DOMAIN.name().equals(code);
  }

  /** Whether libvirt refused the request for the domain's current state. */
  public boolean invalidForState() {
    return ErrorNumber.VIR_ERR_OPERATION_INVALID.name().equals(code);
  }

  /** One line for logs and result details: host, VM, code and message. */
  public String describe() {
    return "libvirt on "
        + host
        + vm.map(v -> ", vm " + v).orElse("")
        + ": "
        + code
        + " ("
        + number
        + "): "
        + message;
  }

  @Override
  public String toString() {
    return describe();
  }
}
