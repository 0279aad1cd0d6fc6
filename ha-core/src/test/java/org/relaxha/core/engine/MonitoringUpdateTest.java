package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

class MonitoringUpdateTest {

  /**
   * The monitoring adapters mute and unmute in the order they iterate the subjects: that order must
   * not depend on the JVM run (Set.copyOf's order does).
   */
  @Test
  void muteAndUnmuteIterateTheirSubjectsInSubjectOrder() {
    Set<SubjectId> subjects = new HashSet<>();
    for (int i = 99; i >= 0; i--) {
      subjects.add(VmId.of(String.format("vm%02d", i)));
      subjects.add(ServiceId.of(String.format("vm%02d", i), "httpd"));
    }
    subjects.add(HostId.of("h1"));
    List<SubjectId> expected = new ArrayList<>(subjects);
    expected.sort(null);

    MonitoringUpdate.Mute mute = new MonitoringUpdate.Mute(subjects);
    MonitoringUpdate.Unmute unmute = new MonitoringUpdate.Unmute(subjects);

    assertThat(new ArrayList<>(mute.subjects())).isEqualTo(expected);
    assertThat(new ArrayList<>(unmute.subjects())).isEqualTo(expected);
    assertThat(mute.subjects()).isEqualTo(subjects);
    assertThatThrownBy(() -> mute.subjects().add(VmId.of("late")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
