package org.relaxha.testkit.fake;

/**
 * The calls of the {@link org.relaxha.spi.hypervisor.Hypervisor} SPI that {@link
 * InMemoryHypervisor} can inject failures into; {@link #method()} is the name its call log uses.
 */
public enum HypervisorOp {
  /** {@code inventory(host)}. */
  INVENTORY("inventory"),
  /** {@code startVm(vm, host)}. */
  START_VM("startVm"),
  /** {@code stopVm(vm, host)}. */
  STOP_VM("stopVm"),
  /** {@code rebootVm(vm, host)}. */
  REBOOT_VM("rebootVm"),
  /** {@code powerCycleVm(vm, host)}. */
  POWER_CYCLE_VM("powerCycleVm");

  private final String method;

  HypervisorOp(String method) {
    this.method = method;
  }

  /** The SPI method's name, as recorded in {@link org.relaxha.testkit.Call#operation()}. */
  public String method() {
    return method;
  }
}
