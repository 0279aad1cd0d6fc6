package org.relaxha.examples.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void durationsInEveryForm() {
    assertThat(Values.duration("250ms")).contains(Duration.ofMillis(250));
    assertThat(Values.duration("30s")).contains(Duration.ofSeconds(30));
    assertThat(Values.duration("5m")).contains(Duration.ofMinutes(5));
    assertThat(Values.duration("1h")).contains(Duration.ofHours(1));
    assertThat(Values.duration("2d")).contains(Duration.ofDays(2));
    assertThat(Values.duration("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Values.duration("PT30S")).contains(Duration.ofSeconds(30));
    assertThat(Values.duration("0s")).contains(Duration.ZERO);
  }

  @Test
  void notDurations() {
    assertThat(Values.duration("soon")).isEmpty();
    assertThat(Values.duration("30")).isEmpty();
    assertThat(Values.duration("-5s")).isEmpty();
    assertThat(Values.duration("5 m")).isEmpty();
    assertThat(Values.duration("PTXS")).isEmpty();
    assertThat(Values.duration("99999999999999999999s")).isEmpty();
  }

  @Test
  void memorySizesInMib() {
    assertThat(Values.memoryMib("512MiB")).contains(512L);
    assertThat(Values.memoryMib("4GiB")).contains(4096L);
    assertThat(Values.memoryMib("4G")).contains(4096L);
    assertThat(Values.memoryMib("4gb")).contains(4096L);
    assertThat(Values.memoryMib("1.5GiB")).contains(1536L);
    assertThat(Values.memoryMib("1TiB")).contains(1024L * 1024);
    assertThat(Values.memoryMib("2048")).contains(2048L);
    assertThat(Values.memoryMib("lots")).isEmpty();
    assertThat(Values.memoryMib("-1G")).isEmpty();
    assertThat(Values.memoryMib("0.3MiB")).isEmpty();
  }

  @Test
  void numbersAndBooleans() {
    assertThat(Values.integer("16")).contains(16);
    assertThat(Values.integer("sixteen")).isEmpty();
    assertThat(Values.integer("1.5")).isEmpty();
    assertThat(Values.integer("99999999999")).isEmpty();
    assertThat(Values.number("0.5")).contains(0.5);
    assertThat(Values.number("NaN")).isEmpty();
    assertThat(Values.number("1d")).isEmpty();
    assertThat(Values.bool("Yes")).contains(true);
    assertThat(Values.bool("off")).contains(false);
    assertThat(Values.bool("maybe")).isEmpty();
  }

  @Test
  void formatsDurationsAsWritten() {
    assertThat(Values.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Values.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Values.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void suggestsNearMisses() {
    assertThat(Suggestions.closest("memroy", java.util.List.of("memory", "cpus")))
        .contains("memory");
    assertThat(Suggestions.closest("Name", java.util.List.of("name"))).contains("name");
    assertThat(Suggestions.closest("colour", java.util.List.of("memory", "cpus"))).isEmpty();
  }
}
