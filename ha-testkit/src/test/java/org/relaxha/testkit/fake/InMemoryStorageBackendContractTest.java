package org.relaxha.testkit.fake;

import java.time.Duration;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.storage.StorageBackend;
import org.relaxha.testkit.ManualClock;
import org.relaxha.testkit.contract.StorageBackendContract;

class InMemoryStorageBackendContractTest extends StorageBackendContract {
  private final ManualClock clock = ManualClock.atOddInstant();

  @Override
  protected StorageBackend createBackend() {
    return new InMemoryStorageBackend("mem-san", clock);
  }

  @Override
  protected Vm vm() {
    return Vm.builder("web-1").storagePool("san-a").build();
  }

  @Override
  protected HostId hostA() {
    return HostId.of("h1");
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
