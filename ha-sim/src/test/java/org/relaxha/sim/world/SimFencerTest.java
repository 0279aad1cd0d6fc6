package org.relaxha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.model.Host;
import org.relaxha.testkit.contract.FencerContract;

/** The simulated IPMI fencer passes the Fencer SPI's conformance kit. */
class SimFencerTest extends FencerContract {
  private SimWorld world;

  @Override
  protected Fencer createFencer() {
    world = Worlds.threeHosts();
    return new SimFencer(world);
  }

  @Override
  protected Host fenceableHost() {
    return Host.builder("h1").build();
  }

  @Override
  protected boolean isPoweredOff(Host host) {
    return !world.isPowered(host.id());
  }

  @Test
  void fencesAnIsolatedHostOutOfBand() {
    assertThat(fence(Host.builder("h3").build())).isInstanceOf(FenceResult.Fenced.class);
    assertThat(world.isPowered(Worlds.H3)).isFalse();
  }

  @Test
  void failsWhileAFenceFailureIsInForce() {
    world.fencing().fail(Worlds.H2, Instant.MAX);
    assertThat(fence(Host.builder("h2").build())).isInstanceOf(FenceResult.Failed.class);
    assertThat(world.isPowered(Worlds.H2)).isTrue();
  }
}
