package org.relaxha.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ManualClockPropertyTest {

  @Property
  void neverGoesBackwardsThroughAdvanceOrSet(
      @ForAll @Size(max = 30) List<@LongRange(min = -5_000, max = 5_000) Long> steps) {
    ManualClock clock = ManualClock.atOddInstant();
    Instant previous = clock.instant();
    for (long step : steps) {
      Instant target = clock.instant().plusMillis(step);
      if (step < 0) {
        assertThatThrownBy(() -> clock.set(target)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(step)))
            .isInstanceOf(IllegalArgumentException.class);
      } else if (step % 2 == 0) {
        clock.set(target);
      } else {
        clock.advance(Duration.ofMillis(step));
      }
      assertThat(clock.instant()).isAfterOrEqualTo(previous);
      previous = clock.instant();
    }
  }
}
