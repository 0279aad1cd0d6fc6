package org.relaxha.examples.run;

import java.time.InstantSource;
import org.relaxha.core.runtime.HaController;
import org.relaxha.core.runtime.HaControllerBuilder;
import org.relaxha.core.runtime.Timeouts;
import org.relaxha.examples.adapters.Adapters;
import org.relaxha.examples.cli.LoadedSite;
import org.relaxha.examples.config.ControllerSettings;
import org.relaxha.examples.config.SiteConfig;

/**
 * Builds the {@link HaController} of a site from its validated configuration and its created
 * adapters: topology, policies, controller settings and every component, in configuration order.
 *
 * <p>Stateless and thread-safe.
 */
public final class SiteControllers {
  private SiteControllers() {}

  /**
   * The controller of {@code site}, built and not started; {@code repairJournal} moves a damaged
   * journal tail aside instead of refusing to start.
   */
  public static HaController build(LoadedSite site, InstantSource clock, boolean repairJournal) {
    SiteConfig config = site.config();
    ControllerSettings settings = config.controller();
    Adapters adapters = site.adapters();
    if (adapters.storageBackends().size() > 1) {
      throw new IllegalArgumentException(
          config.file()
              + ": at most one storage adapter may be configured, found "
              + adapters.storageBackends().size());
    }
    if (adapters.provisioners().size() > 1) {
      throw new IllegalArgumentException(
          config.file()
              + ": at most one provisioner adapter may be configured, found "
              + adapters.provisioners().size());
    }
    HaControllerBuilder b =
        HaController.builder()
            .topology(config.topology())
            .recoveryPolicy(config.policy())
            .repairJournal(repairJournal)
            .detectionPolicy(config.detection())
            .stateDirectory(settings.stateDirectory())
            .clock(clock)
            .threads(settings.threads())
            .timeouts(
                new Timeouts(
                    settings.callTimeout(),
                    settings.fenceTimeout(),
                    2,
                    java.time.Duration.ofSeconds(2)))
            .inventoryInterval(settings.inventoryInterval())
            .snapshotEvery(settings.snapshotEvery())
            .monitors(adapters.monitors())
            .hypervisors(adapters.hypervisors())
            .fencers(adapters.fencers())
            .serviceControls(adapters.serviceControls())
            .notifiers(adapters.notifiers());
    adapters.storageBackends().forEach(b::storage);
    adapters.provisioners().forEach(b::provisioner);
    adapters.monitoringControls().forEach(b::monitoringControl);
    return b.build();
  }
}
