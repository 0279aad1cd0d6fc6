package org.relaxha.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.storage.Lease;
import org.relaxha.spi.storage.LeaseResult;
import org.relaxha.spi.storage.StorageBackend;
import org.relaxha.testkit.ManualClock;
import org.relaxha.testkit.fake.InMemoryHypervisor;
import org.relaxha.testkit.fake.InMemoryMonitor;
import org.relaxha.testkit.fake.InMemoryStorageBackend;

/**
 * The kits fail adapters that break their contract, and skip (never silently pass) what a fixture
 * does not declare. Runs kit subclasses over deliberately broken adapters through the JUnit engine.
 * The nested classes are not run by Surefire on their own (it skips nested classes).
 */
class ContractKitsCatchBrokenAdaptersTest {
  private static final HostId H1 = HostId.of("h1");
  private static final Vm WEB = Vm.builder("web-1").build();
  private static final Vm DB = Vm.builder("db-1").build();

  private static EngineExecutionResults run(Class<?> kit) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(OnlyFromMetaTest.KEY, "true")
        .selectors(selectClass(kit))
        .execute();
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }

  @Test
  void aHypervisorWhoseStartIsNotIdempotentFails() {
    EngineExecutionResults results = run(NonIdempotentHypervisorKit.class);
    assertThat(names(results.testEvents().failed().list()))
        .containsExactlyInAnyOrder("startIsIdempotent()", "startOfARunningVmIsDone()");
    assertThat(results.testEvents().succeeded().count()).isEqualTo(13);
  }

  @Test
  void missingCapabilitiesAreSkippedWithAReason() {
    EngineExecutionResults results = run(BareHypervisorKit.class);
    List<Event> aborted = results.testEvents().aborted().list();
    assertThat(names(aborted))
        .containsExactlyInAnyOrder(
            "startOnASecondHostDefinesAndStartsIt()",
            "unreachableHostGivesUnreachableInventory()",
            "unreachableHostGivesUnreachableActions()");
    assertThat(aborted)
        .allSatisfy(
            e ->
                assertThat(
                        e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .orElseThrow()
                            .getThrowable()
                            .orElseThrow()
                            .getMessage())
                    .contains("does not declare capability"));
    assertThat(results.testEvents().failed().count()).isZero();
  }

  @Test
  void aDeclaredCapabilityWithoutItsFixtureFailsLoudly() {
    EngineExecutionResults results = run(UndeclaredFixtureHypervisorKit.class);
    List<Event> failed = results.testEvents().failed().list();
    assertThat(names(failed)).contains("unreachableHostGivesUnreachableInventory()");
    assertThat(failed)
        .anySatisfy(
            e ->
                assertThat(
                        e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .orElseThrow()
                            .getThrowable()
                            .orElseThrow())
                    .hasMessageContaining("override it or remove the capability"));
  }

  @Test
  void aMonitorThatLeaksAThreadFails() {
    EngineExecutionResults results = run(LeakyMonitorKit.class);
    assertThat(names(results.testEvents().failed().list()))
        .containsExactly("closeStopsDeliveriesAndThreads()");
  }

  @Test
  void aStorageBackendThatGrantsEveryoneFails() {
    EngineExecutionResults results = run(GreedyStorageKit.class);
    assertThat(names(results.testEvents().failed().list()))
        .containsExactlyInAnyOrder(
            "aHeldLeaseIsExclusive()",
            "renewExtendsTheLease()",
            "anExpiredLeaseCanBeTakenByAnotherHost()");
  }

  @Test
  void aFencerThatThrowsForUnknownHostsFails() {
    EngineExecutionResults results = run(ThrowingFencerKit.class);
    assertThat(names(results.testEvents().failed().list()))
        .containsExactly("unmanagedHostIsNotApplicable()");
  }

  // ---------------------------------------------------------------- kits over broken adapters

  static InMemoryHypervisor fixture() {
    return new InMemoryHypervisor("mem", ManualClock.atOddInstant())
        .addHosts("h1", "h2", "h3")
        .define(WEB.id(), H1, PowerState.RUNNING)
        .define(DB.id(), H1, PowerState.SHUT_OFF);
  }

  @ExtendWith(OnlyFromMetaTest.class)
  abstract static class OneHostKit extends HypervisorContract {
    @Override
    protected HostId firstHost() {
      return H1;
    }

    @Override
    protected Vm runningVm() {
      return WEB;
    }

    @Override
    protected Vm stoppedVm() {
      return DB;
    }

    @Override
    protected HostId secondHost() {
      return HostId.of("h2");
    }

    @Override
    protected Duration settleTimeout() {
      return Duration.ofMillis(100);
    }
  }

  static class NonIdempotentHypervisorKit extends OneHostKit {
    @Override
    protected Hypervisor createHypervisor() {
      InMemoryHypervisor inner = fixture();
      inner.setReachable(HostId.of("h3"), false);
      return new Delegate(inner) {
        @Override
        public ActionResult startVm(Vm vm, HostId host) {
          if (inner.stateOf(vm.id(), host).equals(java.util.Optional.of(PowerState.RUNNING))) {
            return ActionResult.failed("domain is already running");
          }
          return inner.startVm(vm, host);
        }
      };
    }

    @Override
    protected HostId unreachableHost() {
      return HostId.of("h3");
    }
  }

  static class BareHypervisorKit extends OneHostKit {
    @Override
    protected Hypervisor createHypervisor() {
      InMemoryHypervisor hv = fixture();
      hv.setGuestResponsive(WEB.id(), false);
      return hv;
    }

    @Override
    protected Set<Capability> capabilities() {
      return EnumSet.noneOf(Capability.class);
    }
  }

  static class UndeclaredFixtureHypervisorKit extends OneHostKit {
    @Override
    protected Hypervisor createHypervisor() {
      return fixture();
    }
  }

  @ExtendWith(OnlyFromMetaTest.class)
  static class LeakyMonitorKit extends MonitorContract {
    private InMemoryMonitor inner;

    @Override
    protected Monitor createMonitor() {
      inner = new InMemoryMonitor("leaky", ManualClock.atOddInstant()).covering(H1);
      return new Monitor() {
        @Override
        public String name() {
          return inner.name();
        }

        @Override
        public Set<org.relaxha.spi.model.SubjectId> covers() {
          return inner.covers();
        }

        @Override
        public void start(ObservationSink sink) {
          Thread leak = new Thread(() -> sleepForever(), "leaky-poller");
          leak.setDaemon(true);
          leak.start();
          inner.start(sink);
        }

        @Override
        public void close() {
          inner.close();
        }
      };
    }

    @Override
    protected void provoke(Monitor started) {
      inner.observe(H1, org.relaxha.spi.model.ObservedStatus.UP);
    }

    @Override
    protected Set<Capability> capabilities() {
      return EnumSet.noneOf(Capability.class);
    }

    @Override
    protected Duration observationTimeout() {
      return Duration.ofMillis(100);
    }

    @Override
    protected Duration closeTimeout() {
      return Duration.ofMillis(200);
    }
  }

  @ExtendWith(OnlyFromMetaTest.class)
  static class GreedyStorageKit extends StorageBackendContract {
    private final ManualClock clock = ManualClock.atOddInstant();

    @Override
    protected StorageBackend createBackend() {
      InMemoryStorageBackend inner = new InMemoryStorageBackend("greedy", clock);
      return new StorageBackend() {
        @Override
        public String name() {
          return inner.name();
        }

        @Override
        public void start() {
          inner.start();
        }

        @Override
        public ActionResult canReach(HostId host, Vm vm) {
          return inner.canReach(host, vm);
        }

        @Override
        public LeaseResult acquireLease(VmId vm, HostId holder, Duration ttl) {
          return new LeaseResult.Granted(
              new Lease(vm, holder, clock.instant().plus(ttl), "t-" + holder));
        }

        @Override
        public LeaseResult renewLease(Lease lease, Duration ttl) {
          return acquireLease(lease.vm(), lease.holder(), ttl);
        }

        @Override
        public ActionResult releaseLease(Lease lease) {
          return ActionResult.done("released");
        }

        @Override
        public void close() {
          inner.close();
        }
      };
    }

    @Override
    protected Vm vm() {
      return WEB;
    }

    @Override
    protected HostId hostA() {
      return H1;
    }

    @Override
    protected HostId hostB() {
      return HostId.of("h2");
    }

    @Override
    protected void letTimePass(Duration duration) {
      clock.advance(duration);
    }
  }

  @ExtendWith(OnlyFromMetaTest.class)
  static class ThrowingFencerKit extends FencerContract {
    @Override
    protected Fencer createFencer() {
      return new Fencer() {
        @Override
        public String name() {
          return "throwing";
        }

        @Override
        public FenceResult fence(Host host) {
          if (!host.id().equals(H1)) {
            throw new IllegalArgumentException("no BMC for " + host.id());
          }
          return new FenceResult.Fenced("ipmi", "off");
        }
      };
    }

    @Override
    protected Host fenceableHost() {
      return Host.builder("h1").build();
    }

    @Override
    protected Set<Capability> capabilities() {
      return EnumSet.of(Capability.UNMANAGED_HOSTS);
    }
  }

  /** Keeps the broken kits from running unless this test runs them. */
  static final class OnlyFromMetaTest implements ExecutionCondition {
    static final String KEY = "relaxha.testkit.meta";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(KEY).isPresent()
          ? ConditionEvaluationResult.enabled("run by ContractKitsCatchBrokenAdaptersTest")
          : ConditionEvaluationResult.disabled(
              "a deliberately broken adapter; only ContractKitsCatchBrokenAdaptersTest runs it");
    }
  }

  private static void sleepForever() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Delegates every call; subclasses break one. */
  abstract static class Delegate implements Hypervisor {
    private final Hypervisor inner;

    Delegate(Hypervisor inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public Set<HostId> hosts() {
      return inner.hosts();
    }

    @Override
    public void start() {
      inner.start();
    }

    @Override
    public InventoryResult inventory(HostId host) {
      return inner.inventory(host);
    }

    @Override
    public ActionResult startVm(Vm vm, HostId host) {
      return inner.startVm(vm, host);
    }

    @Override
    public ActionResult stopVm(VmId vm, HostId host) {
      return inner.stopVm(vm, host);
    }

    @Override
    public ActionResult rebootVm(VmId vm, HostId host) {
      return inner.rebootVm(vm, host);
    }

    @Override
    public ActionResult powerCycleVm(Vm vm, HostId host) {
      return inner.powerCycleVm(vm, host);
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
