package org.relaxha.core.runtime;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.journal.StateStore;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.placement.Placement;
import org.relaxha.spi.policy.RecoveryPolicy;

/** Everything a controller is built from; validated by {@link HaControllerBuilder}. */
record ControllerSettings(
    Topology topology,
    RecoveryPolicy recoveryPolicy,
    DetectionPolicy detectionPolicy,
    Placement placement,
    Wiring wiring,
    Supplier<StateStore> store,
    InstantSource clock,
    Scheduler scheduler,
    EventLoop loop,
    CallRunner calls,
    boolean ownsRuntime,
    Timeouts timeouts,
    Duration inventoryInterval,
    Duration leaseTtl,
    int snapshotEvery,
    boolean hypervisorFencing,
    List<ControllerListener> listeners,
    java.util.Optional<java.nio.file.Path> statusFile,
    Duration statusInterval) {}
