package org.relaxha.monitor.nagios;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;

/**
 * Which Nagios host or service stands for which RelaxHA subject: a Nagios host is a physical {@link
 * HostId} or a {@link VmId}; a service on a VM's Nagios host is a {@link ServiceId} of that VM.
 * Both directions are one-to-one.
 *
 * <p>Immutable and thread-safe. Built with {@link #builder()}, whose methods reject a Nagios name
 * or a subject mapped twice with an {@link IllegalArgumentException} that says which.
 */
public final class SubjectMap {
  private final Map<NagiosObject, SubjectId> subjects;
  private final Map<SubjectId, NagiosObject> objects;

  private SubjectMap(Map<NagiosObject, SubjectId> subjects, Map<SubjectId, NagiosObject> objects) {
    this.subjects = Collections.unmodifiableMap(new TreeMap<>(subjects));
    this.objects = Collections.unmodifiableMap(new TreeMap<>(objects));
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The subject a Nagios object stands for, if mapped. */
  public Optional<SubjectId> subject(NagiosObject object) {
    return Optional.ofNullable(subjects.get(object));
  }

  /** The Nagios object of a subject, if mapped. */
  public Optional<NagiosObject> object(SubjectId subject) {
    return Optional.ofNullable(objects.get(subject));
  }

  /** The Nagios host name of a physical host or VM, if mapped. */
  public Optional<String> nagiosHost(SubjectId hostOrVm) {
    return object(hostOrVm).map(NagiosObject::host);
  }

  /** Every mapped subject, sorted. */
  public Set<SubjectId> subjects() {
    return Collections.unmodifiableSet(new TreeSet<>(objects.keySet()));
  }

  /** Every mapped Nagios object, sorted. */
  public Set<NagiosObject> objects() {
    return subjects.keySet();
  }

  /** The VMs whose Nagios host is mapped, sorted. */
  public Set<VmId> vms() {
    Set<VmId> vms = new TreeSet<>();
    objects
        .keySet()
        .forEach(
            s -> {
              if (s instanceof VmId v) {
                vms.add(v);
              }
            });
    return vms;
  }

  /** Whether anything is mapped. */
  public boolean isEmpty() {
    return subjects.isEmpty();
  }

  @Override
  public String toString() {
    return "SubjectMap" + subjects;
  }

  /** Builds a {@link SubjectMap}. Not thread-safe. */
  public static final class Builder {
    private final Map<NagiosObject, SubjectId> subjects = new TreeMap<>();
    private final Map<SubjectId, NagiosObject> objects = new TreeMap<>();

    private Builder() {}

    /** Maps a Nagios host to a physical host. */
    public Builder host(String nagiosHost, HostId host) {
      return put(NagiosObject.host(nagiosHost), Require.nonNull(host, "host"));
    }

    /** Maps a Nagios host to a VM. */
    public Builder vm(String nagiosHost, VmId vm) {
      return put(NagiosObject.host(nagiosHost), Require.nonNull(vm, "vm"));
    }

    /** Maps a service on the VM's Nagios host (map the VM first) to a RelaxHA service. */
    public Builder service(String nagiosService, ServiceId service) {
      Require.nonNull(service, "service");
      NagiosObject vmHost = objects.get(service.vm());
      if (vmHost == null) {
        throw new IllegalArgumentException(
            "vm '" + service.vm() + "' has no Nagios host: map the VM before its services");
      }
      return put(NagiosObject.service(vmHost.host(), nagiosService), service);
    }

    /** Whether a subject is mapped already. */
    public boolean maps(SubjectId subject) {
      return objects.containsKey(subject);
    }

    /** Whether a Nagios object is mapped already. */
    public boolean maps(NagiosObject object) {
      return subjects.containsKey(object);
    }

    /**
     * Maps every host and VM of the topology that is not mapped yet to the Nagios host of the same
     * name, unless that Nagios name is taken. A name that is both a host and a VM must be mapped
     * explicitly.
     */
    public Builder hostsByName(Topology topology) {
      for (HostId host : topology.hosts().keySet()) {
        if (!maps(host) && !maps(NagiosObject.host(host.name()))) {
          if (topology.vms().containsKey(VmId.of(host.name()))) {
            throw new IllegalArgumentException(
                "'" + host.name() + "' is both a host and a VM; map it explicitly");
          }
          host(host.name(), host);
        }
      }
      for (VmId vm : topology.vms().keySet()) {
        if (!maps(vm) && !maps(NagiosObject.host(vm.name()))) {
          vm(vm.name(), vm);
        }
      }
      return this;
    }

    /**
     * Maps every service of the topology whose VM is mapped and which is not mapped yet to the
     * Nagios service of the same name on the VM's Nagios host, unless that one is taken.
     */
    public Builder servicesByName(Topology topology) {
      for (ServiceId service : topology.services().keySet()) {
        NagiosObject vmHost = objects.get(service.vm());
        if (vmHost != null
            && !maps(service)
            && !maps(NagiosObject.service(vmHost.host(), service.name()))) {
          service(service.name(), service);
        }
      }
      return this;
    }

    private Builder put(NagiosObject object, SubjectId subject) {
      SubjectId before = subjects.get(object);
      if (before != null) {
        throw new IllegalArgumentException(
            "Nagios "
                + describe(object)
                + " is mapped twice: to "
                + before.key()
                + " and "
                + subject.key());
      }
      NagiosObject other = objects.get(subject);
      if (other != null) {
        throw new IllegalArgumentException(
            subject.key()
                + " is mapped twice: to Nagios "
                + describe(other)
                + " and "
                + describe(object));
      }
      subjects.put(object, subject);
      objects.put(subject, object);
      return this;
    }

    private static String describe(NagiosObject object) {
      return object.isHost() ? "host '" + object.host() + "'" : "service '" + object + "'";
    }

    /** The map. */
    public SubjectMap build() {
      return new SubjectMap(subjects, objects);
    }
  }
}
