package org.relaxha.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.relaxha.core.collect.KeyRanks;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.RecoveryPolicy;

/**
 * What the engine decides with besides its state: the topology and the recovery policy, and the
 * ranks of the configured hosts, VMs and services that the state's maps keyed by them are built
 * over (see {@link org.relaxha.core.collect.PMap#emptyOver}). Immutable and thread-safe.
 */
final class EngineContext {
  private static final SubjectId.Kind[] KINDS = SubjectId.Kind.values();
  private static final int RANK_BITS = 28;
  private static final int RANK_MASK = (1 << RANK_BITS) - 1;

  private final Topology topology;
  private final RecoveryPolicy policy;
  private final KeyRanks<HostId> hostKeys;
  private final KeyRanks<VmId> vmKeys;
  private final KeyRanks<ServiceId> serviceKeys;
  private final StartQueue emptyStartQueue;

  /** Each configured VM's alarms (the VM and its services) as codes, by the VM's rank. */
  private final int[][] alarmCodes;

  /** Each configured VM's spec, by the VM's rank. */
  private final Vm[] specs;

  EngineContext(Topology topology, RecoveryPolicy policy) {
    this.topology = Require.nonNull(topology, "topology");
    this.policy = Require.nonNull(policy, "policy");
    this.hostKeys = KeyRanks.of(topology.hosts().keySet());
    this.vmKeys = KeyRanks.of(topology.vms().keySet());
    this.serviceKeys = KeyRanks.of(topology.services().keySet());
    this.emptyStartQueue = StartQueue.emptyOver(hostKeys, vmKeys, topology.vms().values());
    this.alarmCodes = new int[vmKeys.size()][];
    this.specs = new Vm[vmKeys.size()];
    for (int rank = 0; rank < alarmCodes.length; rank++) {
      alarmCodes[rank] = codesOfAlarms(vmKeys.key(rank));
      specs[rank] = topology.vms().get(vmKeys.key(rank));
    }
  }

  private int[] codesOfAlarms(VmId vm) {
    List<SubjectId> alarms = alarmsOf(vm);
    int[] codes = new int[alarms.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = code(alarms.get(i));
      if (codes[i] < 0) {
        return null; // beyond the codes' range: the caller takes the slow path
      }
    }
    return codes;
  }

  /**
   * The VM and its services: what is muted while its host is down. Unsorted: the {@link
   * MonitoringUpdate} that carries them sorts them once.
   */
  List<SubjectId> alarmsOf(VmId vm) {
    List<SubjectId> subjects = new ArrayList<>();
    subjects.add(vm);
    topology.servicesOf(vm).forEach(s -> subjects.add(s.id()));
    return subjects;
  }

  /**
   * The configured spec of {@code vm}, or null if it is not configured. Found by the VM's rank: a
   * rule looks a VM's spec up right after its record, and the ranks remember their last key.
   */
  Vm spec(VmId vm) {
    int rank = vmKeys.rank(vm);
    return rank < 0 ? null : specs[rank];
  }

  /**
   * The codes of {@link #alarmsOf(VmId) vm's alarms}; null for a VM not in the topology. The array
   * is shared: do not change it.
   */
  int[] alarmCodes(VmId vm) {
    int rank = vmKeys.rank(vm);
    return rank < 0 ? null : alarmCodes[rank];
  }

  /** The empty start queue over the configured hosts and VMs (ranked once per engine). */
  StartQueue emptyStartQueue() {
    return emptyStartQueue;
  }

  KeyRanks<HostId> hostKeys() {
    return hostKeys;
  }

  KeyRanks<VmId> vmKeys() {
    return vmKeys;
  }

  KeyRanks<ServiceId> serviceKeys() {
    return serviceKeys;
  }

  /**
   * A configured subject as an int whose order is the subjects' order (kind, then rank), or -1 for
   * a subject not in the topology.
   */
  int code(SubjectId subject) {
    int rank =
        switch (subject.kind()) {
          case HOST -> hostKeys.rank(subject);
          case VM -> vmKeys.rank(subject);
          case SERVICE -> serviceKeys.rank(subject);
        };
    return rank < 0 || rank > RANK_MASK ? -1 : subject.kind().ordinal() << RANK_BITS | rank;
  }

  /** The subject of a {@link #code}. */
  SubjectId subject(int code) {
    int rank = code & RANK_MASK;
    return switch (KINDS[code >>> RANK_BITS]) {
      case HOST -> hostKeys.key(rank);
      case VM -> vmKeys.key(rank);
      case SERVICE -> serviceKeys.key(rank);
    };
  }

  Topology topology() {
    return topology;
  }

  RecoveryPolicy policy() {
    return policy;
  }
}
