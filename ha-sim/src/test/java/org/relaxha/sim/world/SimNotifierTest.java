package org.relaxha.sim.world;

import org.relaxha.spi.notify.Notifier;
import org.relaxha.testkit.contract.NotifierContract;

/** The simulation's notifier passes the Notifier SPI's conformance kit. */
class SimNotifierTest extends NotifierContract {
  @Override
  protected Notifier createNotifier() {
    return new SimNotifier();
  }
}
