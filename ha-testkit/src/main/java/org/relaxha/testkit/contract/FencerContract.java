package org.relaxha.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.model.Host;

/**
 * The conformance kit of the {@link Fencer} SPI: every fencer adapter's tests extend it.
 *
 * <p>The subclass supplies a fresh fencer ({@link #createFencer()}, called by this kit's {@code
 * BeforeEach}, before the subclass's own) and a {@link #fenceableHost()} that is powered on at the
 * start of each test. With {@link Capability#POWER_STATE} it also says whether a host is off
 * ({@link #isPoweredOff}), so the kit can check that Fenced means off; with {@link
 * Capability#UNMANAGED_HOSTS} (a fencer configured per host) a host it was not configured for must
 * be NotApplicable.
 *
 * <p>The kit checks: Fenced with a method for the fenceable host, within {@link #fenceTimeout()};
 * the host is then off; fencing again is Fenced (idempotent); an unmanaged host is NotApplicable;
 * no call throws.
 *
 * <pre>{@code
 * class IpmiFencerTest extends FencerContract {
 *   private final FakeBmc bmc = FakeBmc.start();   // answers IPMI on localhost
 *
 *   @Override protected Fencer createFencer() {
 *     return new IpmiFencer(Map.of(HostId.of("h1"), bmc.address()));
 *   }
 *   @Override protected Host fenceableHost() { return Host.builder("h1").build(); }
 *   @Override protected boolean isPoweredOff(Host host) { return !bmc.chassisOn(); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class FencerContract {

  /** What a fixture can offer beyond the basics. */
  public enum Capability {
    /** {@link #isPoweredOff}: the fixture can tell whether a host is off. */
    POWER_STATE,
    /** The fencer is configured per host, so {@link #unmanagedHost()} is NotApplicable. */
    UNMANAGED_HOSTS
  }

  private Fencer fencer;

  /** A fresh fencer over the fixture. */
  protected abstract Fencer createFencer();

  /** A host this fencer can fence, powered on at the start of each test. */
  protected abstract Host fenceableHost();

  /** A host this fencer was not configured for. */
  protected Host unmanagedHost() {
    return Host.builder("relaxha-contract-unmanaged-host").build();
  }

  /** Whether {@code host} is off now, for {@link Capability#POWER_STATE}. */
  protected boolean isPoweredOff(Host host) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName()
            + " declares POWER_STATE but does not override isPoweredOff(Host);"
            + " override it or remove the capability from capabilities()");
  }

  /** The capabilities of this fixture; all by default. */
  protected Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /** The bound on one fence call; 60 s by default. */
  protected Duration fenceTimeout() {
    return Duration.ofSeconds(60);
  }

  /** The fencer under test, for a subclass's own extra tests. */
  protected final Fencer fencer() {
    return fencer;
  }

  @BeforeEach
  public final void createTheFencer() {
    fencer = createFencer();
    assertThat(fencer).as("createFencer()").isNotNull();
  }

  @Test
  public void nameIsNotBlank() {
    assertThat(fencer.name()).isNotNull().isNotBlank();
  }

  @Test
  public void fencingProvesTheHostOff() {
    FenceResult result = fence(fenceableHost());
    assertThat(result).as("fence(%s)", fenceableHost().id()).isInstanceOf(FenceResult.Fenced.class);
    assertThat(((FenceResult.Fenced) result).method()).isNotBlank();
    assertThat(result.detail()).isNotNull();
    if (capabilities().contains(Capability.POWER_STATE)) {
      assertThat(isPoweredOff(fenceableHost())).as("host off after Fenced").isTrue();
    }
  }

  @Test
  public void fencingIsIdempotent() {
    assertThat(fence(fenceableHost())).as("first fence").isInstanceOf(FenceResult.Fenced.class);
    assertThat(fence(fenceableHost())).as("second fence").isInstanceOf(FenceResult.Fenced.class);
  }

  @Test
  public void unmanagedHostIsNotApplicable() {
    Assumptions.assumeTrue(
        capabilities().contains(Capability.UNMANAGED_HOSTS),
        () -> getClass().getSimpleName() + " does not declare capability UNMANAGED_HOSTS");
    assertThat(fence(unmanagedHost()))
        .as("fence(%s)", unmanagedHost().id())
        .isInstanceOf(FenceResult.NotApplicable.class);
  }

  /** Fences {@code host} within {@link #fenceTimeout()}, asserting a non-null result. */
  protected final FenceResult fence(Host host) {
    FenceResult result = assertTimeoutPreemptively(fenceTimeout(), () -> fencer.fence(host));
    assertThat(result).as("fence(%s)", host.id()).isNotNull();
    return result;
  }
}
