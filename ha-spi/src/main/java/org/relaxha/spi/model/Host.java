package org.relaxha.spi.model;

import java.util.Set;
import java.util.TreeSet;
import org.relaxha.spi.Require;

/**
 * A physical host as configured: its capacity, the 5-minute load average above which no VM is
 * placed on it (the 3RC rule), how critical it is, which storage pools it can reach, and whether it
 * starts in maintenance (no VM is placed on a host in maintenance).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the host's name
 * @param capacity CPU cores and memory available to VMs
 * @param loadThreshold 5-minute load average at or above which the host takes no new VM
 * @param criticality how often the host is checked
 * @param storagePools the shared storage pools this host is configured to reach
 * @param maintenance whether the host is in maintenance
 */
public record Host(
    HostId id,
    Resources capacity,
    double loadThreshold,
    Criticality criticality,
    Set<String> storagePools,
    boolean maintenance) {

  /** Validates every field and copies the pool set. */
  public Host {
    Require.nonNull(id, "host.id");
    Require.nonNull(capacity, "host " + id + ": capacity");
    Require.atLeast(loadThreshold, 0.0, "host " + id + ": loadThreshold");
    Require.nonNull(criticality, "host " + id + ": criticality");
    storagePools = Set.copyOf(Require.nonNull(storagePools, "host " + id + ": storagePools"));
  }

  /** A builder with defaults: criticality HIGH, load threshold = 2 x the CPU count, no pools. */
  public static Builder builder(String name) {
    return new Builder(HostId.of(name));
  }

  /** A copy with the maintenance flag changed. */
  public Host withMaintenance(boolean inMaintenance) {
    return new Host(id, capacity, loadThreshold, criticality, storagePools, inMaintenance);
  }

  /** Builds a {@link Host}. Not thread-safe. */
  public static final class Builder {
    private final HostId id;
    private Resources capacity = Resources.of(1, 1024);
    private Double loadThreshold;
    private Criticality criticality = Criticality.HIGH;
    private final Set<String> storagePools = new TreeSet<>();
    private boolean maintenance;

    private Builder(HostId id) {
      this.id = id;
    }

    public Builder capacity(double cpus, long memoryMib) {
      this.capacity = Resources.of(cpus, memoryMib);
      return this;
    }

    public Builder loadThreshold(double threshold) {
      this.loadThreshold = threshold;
      return this;
    }

    public Builder criticality(Criticality value) {
      this.criticality = value;
      return this;
    }

    public Builder storagePool(String pool) {
      this.storagePools.add(Require.nonBlank(pool, "host " + id + ": storagePool"));
      return this;
    }

    public Builder maintenance(boolean value) {
      this.maintenance = value;
      return this;
    }

    public Host build() {
      double threshold = loadThreshold != null ? loadThreshold : 2.0 * capacity.cpus();
      return new Host(id, capacity, threshold, criticality, storagePools, maintenance);
    }
  }
}
