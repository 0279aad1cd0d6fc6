package org.relaxha.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/**
 * The conformance kit of the {@link Hypervisor} SPI: every hypervisor adapter's tests extend it.
 *
 * <p>The subclass supplies a fresh adapter over a fixture in its initial state ({@link
 * #createHypervisor()}, called before each test by this kit's {@code @BeforeEach}, which JUnit runs
 * <i>before</i> the subclass's own {@code @BeforeEach} methods: build the fixture there, or in
 * fields such as a {@code @TempDir}), and names the fixture's parts: a reachable {@link
 * #firstHost()} with a {@link #runningVm()} and a {@link #stoppedVm()} on it; for the optional
 * capabilities, a {@link #secondHost()} and an {@link #unreachableHost()}. An adapter that lacks a
 * capability removes it from {@link #capabilities()}, and the tests that need it are skipped with a
 * message saying so; nothing is skipped silently.
 *
 * <p>The kit starts the adapter before each test and closes it after. Real systems answer with some
 * delay, so states are polled for up to {@link #settleTimeout()}.
 *
 * <pre>{@code
 * class LibvirtHypervisorTest extends HypervisorContract {
 *   @Override protected Hypervisor createHypervisor() {
 *     return new LibvirtHypervisor(LibvirtConfig.of("test:///default"));
 *   }
 *   @Override protected HostId firstHost() { return HostId.of("test"); }
 *   @Override protected Vm runningVm() { return Vm.builder("test").build(); }
 *   @Override protected Vm stoppedVm() { return Vm.builder("spare").build(); }
 *   @Override protected HostId unreachableHost() { return HostId.of("down"); }
 *   @Override protected Set<Capability> capabilities() {
 *     return EnumSet.of(Capability.GUEST_REBOOT, Capability.UNREACHABLE_HOST);
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class HypervisorContract {

  /** What a fixture can offer beyond the basics. */
  public enum Capability {
    /** rebootVm of a running VM is Done; without it, Unreachable (no guest agent) is accepted. */
    GUEST_REBOOT,
    /** {@link #secondHost()}: a second reachable host where stoppedVm can be defined and run. */
    SECOND_HOST,
    /** {@link #unreachableHost()}: a host the adapter manages but cannot reach. */
    UNREACHABLE_HOST
  }

  private static final VmId UNKNOWN_VM = VmId.of("relaxha-contract-no-such-vm");

  private Hypervisor hypervisor;

  /** A fresh, unstarted adapter over a fixture in its initial state. */
  protected abstract Hypervisor createHypervisor();

  /** A reachable host holding {@link #runningVm()} and {@link #stoppedVm()}. */
  protected abstract HostId firstHost();

  /** A VM RUNNING on {@link #firstHost()} at the start of each test. */
  protected abstract Vm runningVm();

  /** A VM defined and SHUT_OFF on {@link #firstHost()} at the start of each test. */
  protected abstract Vm stoppedVm();

  /** A second reachable host, for {@link Capability#SECOND_HOST}. */
  protected HostId secondHost() {
    throw missing(Capability.SECOND_HOST, "secondHost()");
  }

  /** A managed host that cannot be reached, for {@link Capability#UNREACHABLE_HOST}. */
  protected HostId unreachableHost() {
    throw missing(Capability.UNREACHABLE_HOST, "unreachableHost()");
  }

  /** The capabilities of this fixture; all by default. */
  protected Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /**
   * The states {@link #firstHost()}'s inventory must show at the start of a test; by default the
   * running and the stopped VM. Other VMs may be listed too.
   */
  protected Map<VmId, PowerState> expectedStates() {
    return Map.of(runningVm().id(), PowerState.RUNNING, stoppedVm().id(), PowerState.SHUT_OFF);
  }

  /** How long a state change may take to show in the inventory; 10 s by default. */
  protected Duration settleTimeout() {
    return Duration.ofSeconds(10);
  }

  /** The bound on any call about an unreachable host; 30 s by default. */
  protected Duration unreachableTimeout() {
    return Duration.ofSeconds(30);
  }

  /** The started adapter under test, for a subclass's own extra tests. */
  protected final Hypervisor hypervisor() {
    return hypervisor;
  }

  @BeforeEach
  public final void startHypervisor() {
    hypervisor = createHypervisor();
    assertThat(hypervisor).as("createHypervisor()").isNotNull();
    hypervisor.start();
  }

  @AfterEach
  public final void closeHypervisor() {
    if (hypervisor != null) {
      hypervisor.close();
    }
  }

  @Test
  public void nameIsNotBlank() {
    assertThat(hypervisor.name()).isNotNull().isNotBlank();
  }

  @Test
  public void hostsIncludeTheFixtureHosts() {
    assertThat(hypervisor.hosts()).isNotEmpty().contains(firstHost());
    if (capabilities().contains(Capability.SECOND_HOST)) {
      assertThat(hypervisor.hosts()).contains(secondHost());
    }
    if (capabilities().contains(Capability.UNREACHABLE_HOST)) {
      assertThat(hypervisor.hosts()).contains(unreachableHost());
    }
  }

  @Test
  public void inventoryListsTheFixtureVmsWithTheirStates() {
    InventoryResult.Listed listed = listed(firstHost());
    assertThat(listed.host()).isEqualTo(firstHost());
    assertThat(listed.at()).isNotNull();
    expectedStates()
        .forEach(
            (vm, state) -> assertThat(listed.stateOf(vm)).as("state of %s", vm).contains(state));
    assertThat(listed.vms().stream().map(VmStatus::vm))
        .as("each VM listed once")
        .doesNotHaveDuplicates();
  }

  @Test
  public void startMakesAStoppedVmRunning() {
    assertDone(hypervisor.startVm(stoppedVm(), firstHost()), "startVm of a stopped VM");
    awaitState(firstHost(), stoppedVm().id(), PowerState.RUNNING);
  }

  @Test
  public void startIsIdempotent() {
    assertDone(hypervisor.startVm(stoppedVm(), firstHost()), "first startVm");
    awaitState(firstHost(), stoppedVm().id(), PowerState.RUNNING);
    assertDone(hypervisor.startVm(stoppedVm(), firstHost()), "second startVm");
    InventoryResult.Listed listed = awaitState(firstHost(), stoppedVm().id(), PowerState.RUNNING);
    assertThat(listed.vms().stream().filter(s -> s.vm().equals(stoppedVm().id())))
        .as("the VM is listed once")
        .hasSize(1);
  }

  @Test
  public void startOfARunningVmIsDone() {
    assertDone(hypervisor.startVm(runningVm(), firstHost()), "startVm of a running VM");
    awaitState(firstHost(), runningVm().id(), PowerState.RUNNING);
  }

  @Test
  public void stopMakesARunningVmShutOff() {
    assertDone(hypervisor.stopVm(runningVm().id(), firstHost()), "stopVm of a running VM");
    awaitState(firstHost(), runningVm().id(), PowerState.SHUT_OFF);
  }

  @Test
  public void stopIsIdempotent() {
    assertDone(hypervisor.stopVm(stoppedVm().id(), firstHost()), "stopVm of a stopped VM");
    assertDone(hypervisor.stopVm(runningVm().id(), firstHost()), "first stopVm");
    awaitState(firstHost(), runningVm().id(), PowerState.SHUT_OFF);
    assertDone(hypervisor.stopVm(runningVm().id(), firstHost()), "second stopVm");
    awaitState(firstHost(), runningVm().id(), PowerState.SHUT_OFF);
  }

  @Test
  public void stopOfAnUnknownVmIsDoneOrFailed() {
    ActionResult result = hypervisor.stopVm(UNKNOWN_VM, firstHost());
    assertThat(result)
        .as("stopVm of an unknown VM")
        .isInstanceOfAny(ActionResult.Done.class, ActionResult.Failed.class);
  }

  @Test
  public void powerCycleLeavesTheVmRunning() {
    assertDone(hypervisor.powerCycleVm(runningVm(), firstHost()), "powerCycleVm of a running VM");
    awaitState(firstHost(), runningVm().id(), PowerState.RUNNING);
    assertDone(hypervisor.powerCycleVm(stoppedVm(), firstHost()), "powerCycleVm of a stopped VM");
    awaitState(firstHost(), stoppedVm().id(), PowerState.RUNNING);
  }

  @Test
  public void rebootOfARunningVm() {
    ActionResult result = hypervisor.rebootVm(runningVm().id(), firstHost());
    if (capabilities().contains(Capability.GUEST_REBOOT)) {
      assertDone(result, "rebootVm of a running VM");
    } else {
      assertThat(result)
          .as("rebootVm without a guest agent")
          .isInstanceOfAny(ActionResult.Done.class, ActionResult.Unreachable.class);
    }
    awaitState(firstHost(), runningVm().id(), PowerState.RUNNING);
  }

  @Test
  public void startOnASecondHostDefinesAndStartsIt() {
    assume(Capability.SECOND_HOST);
    assertDone(hypervisor.startVm(stoppedVm(), secondHost()), "startVm on a second host");
    awaitState(secondHost(), stoppedVm().id(), PowerState.RUNNING);
    assertDone(hypervisor.stopVm(stoppedVm().id(), secondHost()), "stopVm on the second host");
    awaitState(secondHost(), stoppedVm().id(), PowerState.SHUT_OFF);
  }

  @Test
  public void unreachableHostGivesUnreachableInventory() {
    assume(Capability.UNREACHABLE_HOST);
    InventoryResult result =
        assertTimeoutPreemptively(
            unreachableTimeout(), () -> hypervisor.inventory(unreachableHost()));
    assertThat(result).isInstanceOf(InventoryResult.Unreachable.class);
    assertThat(result.host()).isEqualTo(unreachableHost());
  }

  @Test
  public void unreachableHostGivesUnreachableActions() {
    assume(Capability.UNREACHABLE_HOST);
    HostId host = unreachableHost();
    assertTimeoutPreemptively(
        unreachableTimeout(),
        () -> {
          assertUnreachable(hypervisor.startVm(stoppedVm(), host), "startVm");
          assertUnreachable(hypervisor.stopVm(stoppedVm().id(), host), "stopVm");
          assertUnreachable(hypervisor.rebootVm(stoppedVm().id(), host), "rebootVm");
          assertUnreachable(hypervisor.powerCycleVm(stoppedVm(), host), "powerCycleVm");
        });
  }

  @Test
  public void closeIsIdempotent() {
    hypervisor.close();
    hypervisor.close();
  }

  // ---------------------------------------------------------------- helpers

  /** Skips the test, with a message, unless the fixture declares {@code capability}. */
  protected final void assume(Capability capability) {
    Assumptions.assumeTrue(
        capabilities().contains(capability),
        () -> getClass().getSimpleName() + " does not declare capability " + capability);
  }

  /** Polls {@code host}'s inventory until {@code vm} is in {@code state}, then asserts it. */
  protected final InventoryResult.Listed awaitState(HostId host, VmId vm, PowerState state) {
    InventoryResult result =
        Poll.until(
            settleTimeout(),
            () -> hypervisor.inventory(host),
            r -> r instanceof InventoryResult.Listed l && l.stateOf(vm).equals(Optional.of(state)));
    assertThat(result).as("inventory of %s", host).isInstanceOf(InventoryResult.Listed.class);
    InventoryResult.Listed listed = (InventoryResult.Listed) result;
    assertThat(listed.stateOf(vm)).as("state of %s on %s", vm, host).contains(state);
    return listed;
  }

  private InventoryResult.Listed listed(HostId host) {
    InventoryResult result = hypervisor.inventory(host);
    assertThat(result).as("inventory of %s", host).isInstanceOf(InventoryResult.Listed.class);
    return (InventoryResult.Listed) result;
  }

  private static void assertDone(ActionResult result, String what) {
    assertThat(result).as(what).isInstanceOf(ActionResult.Done.class);
  }

  private static void assertUnreachable(ActionResult result, String what) {
    assertThat(result)
        .as(what + " on an unreachable host")
        .isInstanceOf(ActionResult.Unreachable.class);
  }

  private UnsupportedOperationException missing(Capability capability, String method) {
    return new UnsupportedOperationException(
        getClass().getSimpleName()
            + " declares "
            + capability
            + " but does not override "
            + method
            + "; override it or remove the capability from capabilities()");
  }
}
