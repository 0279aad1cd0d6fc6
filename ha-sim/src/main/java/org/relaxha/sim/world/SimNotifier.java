package org.relaxha.sim.world;

import java.util.ArrayList;
import java.util.List;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Notifier;

/**
 * The {@link Notifier} SPI for a simulation: keeps every notification (across controller restarts,
 * when one instance is shared), for the lab's report and the invariant checks.
 *
 * <p>Confined to the simulation's thread.
 */
public final class SimNotifier implements Notifier {
  private final List<Notification> sent = new ArrayList<>();

  @Override
  public String name() {
    return "admins";
  }

  @Override
  public ActionResult send(Notification notification) {
    sent.add(notification);
    return ActionResult.done("delivered");
  }

  /** Everything sent so far, in order. */
  public List<Notification> sent() {
    return List.copyOf(sent);
  }
}
