package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.relaxha.core.journal.Fixtures.Circle;
import org.relaxha.core.journal.StateStore.Recovery;

class InMemoryStateStoreTest {

  private static List<Object> values(Recovery recovery) {
    return recovery.entries().stream().map(StateStore.Entry::value).collect(Collectors.toList());
  }

  @Test
  void survivesReopenThroughTheCodec() {
    InMemoryStateStore store = InMemoryStateStore.create();
    assertThat(store.recover().entries()).isEmpty();
    assertThat(store.append(new Circle(1))).isEqualTo(1);
    assertThat(store.append("two")).isEqualTo(2);
    store = store.reopen();
    Recovery recovery = store.recover();
    assertThat(values(recovery)).containsExactly(new Circle(1), "two");
    assertThat(recovery.entries().get(1).seq()).isEqualTo(2);
    assertThat(store.append("three")).isEqualTo(3);
  }

  @Test
  void snapshotsReplaceTheEntriesTheyCover() {
    InMemoryStateStore store = InMemoryStateStore.create();
    store.recover();
    store.append("a");
    store.append("b");
    store.append("c");
    store.snapshot(2, List.of("a", "b"));
    assertThatThrownBy(() -> store.snapshot(2, "again"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.snapshot(4, "later"))
        .isInstanceOf(IllegalArgumentException.class);
    InMemoryStateStore reopened = store.reopen();
    Recovery recovery = reopened.recover();
    assertThat(recovery.state()).contains(List.of("a", "b"));
    assertThat(recovery.snapshotSeq()).isEqualTo(2);
    assertThat(values(recovery)).containsExactly("c");
    assertThat(reopened.append("d")).isEqualTo(4);
  }

  @Test
  void refusesWhatTheCodecRefusesAndEnforcesItsLifecycle() {
    InMemoryStateStore store = InMemoryStateStore.create(RecordCodec.ofDefaults());
    assertThatThrownBy(() -> store.append("x")).isInstanceOf(IllegalStateException.class);
    store.recover();
    assertThatThrownBy(store::recover).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.append(new Object())).isInstanceOf(CodecException.class);
    store.close();
    assertThatThrownBy(() -> store.append("x")).isInstanceOf(IllegalStateException.class);
  }
}
