package org.relaxha.monitor.nagios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

class SubjectMapTest {
  @Test
  void mapsBothWays() {
    SubjectMap map =
        SubjectMap.builder()
            .vm("web1", VmId.of("web-1"))
            .service("HTTP", ServiceId.of("web-1", "httpd"))
            .build();
    assertThat(map.object(ServiceId.of("web-1", "httpd")))
        .contains(NagiosObject.service("web1", "HTTP"));
    assertThat(map.subject(NagiosObject.host("web1"))).contains(VmId.of("web-1"));
    assertThat(map.vms()).containsExactly(VmId.of("web-1"));
  }

  @Test
  void aNameOrASubjectMappedTwiceIsRefused() {
    assertThatThrownBy(() -> SubjectMap.builder().vm("x", VmId.of("a")).vm("x", VmId.of("b")))
        .hasMessageContaining("Nagios host 'x' is mapped twice");
    assertThatThrownBy(() -> SubjectMap.builder().vm("x", VmId.of("a")).vm("y", VmId.of("a")))
        .hasMessageContaining("vm:a is mapped twice");
    assertThatThrownBy(() -> SubjectMap.builder().service("HTTP", ServiceId.of("a", "h")))
        .hasMessageContaining("map the VM before its services");
  }

  @Test
  void aNameThatIsBothAHostAndAVmMustBeMappedExplicitly() {
    Topology t =
        Topology.of(
            List.of(Host.builder("same").build()), List.of(Vm.builder("same").build()), List.of());
    assertThatThrownBy(() -> SubjectMap.builder().hostsByName(t))
        .hasMessageContaining("both a host and a VM");
    SubjectMap explicit =
        SubjectMap.builder()
            .host("same", HostId.of("same"))
            .vm("same-vm", VmId.of("same"))
            .hostsByName(t)
            .build();
    assertThat(explicit.subjects()).hasSize(2);
  }

  @Test
  void nagiosStatesMapToObservedStatuses() {
    assertThat(Observations.status(true, 0)).isEqualTo(ObservedStatus.UP);
    assertThat(Observations.status(true, 1)).isEqualTo(ObservedStatus.UNREACHABLE);
    assertThat(Observations.status(true, 2)).isEqualTo(ObservedStatus.UNREACHABLE);
    assertThat(Observations.status(false, 0)).isEqualTo(ObservedStatus.UP);
    assertThat(Observations.status(false, 1)).isEqualTo(ObservedStatus.DEGRADED);
    assertThat(Observations.status(false, 2)).isEqualTo(ObservedStatus.FAILED);
    assertThat(Observations.status(false, 3)).isEqualTo(ObservedStatus.UNKNOWN);
    assertThat(Observations.status(false, 9)).isEqualTo(ObservedStatus.UNKNOWN);
  }

  @Test
  void aResultCountsOnceAndAnOlderOneNever() {
    ResultTracker t = new ResultTracker();
    VmId vm = VmId.of("web-1");
    NagiosObject o = NagiosObject.host("web-1");
    ObjectStatus first = status(o, 1, false, 1, 100);
    ObjectStatus second = status(o, 1, true, 2, 101);
    assertThat(t.isNew(vm, first)).isTrue();
    assertThat(t.isNew(vm, first)).isFalse();
    assertThat(t.isNew(vm, second)).isTrue();
    assertThat(t.isNew(vm, first)).as("older, arriving late").isFalse();
    assertThat(t.isNew(vm, second)).isFalse();
  }

  static ObjectStatus status(NagiosObject o, int state, boolean hard, int attempt, long check) {
    return new ObjectStatus(o, state, hard, attempt, 2, check, true, true, true, false, 0, "");
  }
}
