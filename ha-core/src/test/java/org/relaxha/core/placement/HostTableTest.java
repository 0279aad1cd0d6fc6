package org.relaxha.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostTableTest {
  private final HostTable table = new HostTable(3);

  @Test
  void keepsEachHostsNumbersApart() {
    table.set(0, 1.5, 48.0, 10.25, 32.0, 4096, 196_608, 7, 0b101, true);
    table.set(1, 0.0, 96.0, 0.0, 64.0, 0, 393_216, 0, 0b010, false);
    assertThat(table.load(0)).isEqualTo(1.5);
    assertThat(table.threshold(0)).isEqualTo(48.0);
    assertThat(table.usedCpu(0)).isEqualTo(10.25);
    assertThat(table.capCpu(0)).isEqualTo(32.0);
    assertThat(table.usedMem(0)).isEqualTo(4096);
    assertThat(table.capMem(0)).isEqualTo(196_608);
    assertThat(table.freeMem(0)).isEqualTo(192_512);
    assertThat(table.vmCount(0)).isEqualTo(7);
    assertThat(table.placed(0)).isZero();
    assertThat(table.pools(0)).isEqualTo(0b101);
    assertThat(table.usable[0]).isTrue();
    assertThat(table.capMem(1)).isEqualTo(393_216);
    assertThat(table.pools(1)).isEqualTo(0b010);
    assertThat(table.usable[1]).isFalse();
  }

  @Test
  void aPlacedVmCountsOnceInEveryNumberAndRestoreUndoesIt() {
    table.set(2, 3.0, 48.0, 8.0, 32.0, 8192, 196_608, Integer.MAX_VALUE - 1, 1, true);
    table.save(2);
    table.add(2, 4.0, 16_384);
    assertThat(table.load(2)).isEqualTo(7.0);
    assertThat(table.usedCpu(2)).isEqualTo(12.0);
    assertThat(table.usedMem(2)).isEqualTo(24_576);
    assertThat(table.vmCount(2)).isEqualTo(Integer.MAX_VALUE);
    assertThat(table.placed(2)).isEqualTo(1);
    table.restore(2);
    assertThat(table.load(2)).isEqualTo(3.0);
    assertThat(table.usedCpu(2)).isEqualTo(8.0);
    assertThat(table.usedMem(2)).isEqualTo(8192);
    assertThat(table.vmCount(2)).isEqualTo(Integer.MAX_VALUE - 1);
    assertThat(table.placed(2)).isZero();
  }

  @Test
  void takesUsesTheScansArithmeticWithItsCpuTolerance() {
    table.set(0, 40.0, 48.0, 31.0, 32.0, 0, 1024, 0, 0, true);
    assertThat(table.takes(0, 1.0, 1024)).isTrue();
    assertThat(table.takes(0, 1.0 + 1e-10, 1024)).isTrue();
    assertThat(table.takes(0, 1.5, 1024)).isFalse();
    assertThat(table.takes(0, 1.0, 1025)).isFalse();
    table.set(1, 47.5, 48.0, 0.0, 32.0, 0, 1024, 0, 0, true);
    assertThat(table.takes(1, 0.5, 1)).isTrue();
    assertThat(table.takes(1, 0.75, 1)).isFalse();
  }
}
