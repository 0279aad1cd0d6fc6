package org.relaxha.core.runtime;

import java.util.Map;
import org.relaxha.core.collect.PMap;
import org.relaxha.core.journal.RecordCodec;

/**
 * The codec of the controller's journal: every engine input and the engine state are records in
 * {@code org.relaxha.*} packages, which the {@link RecordCodec} handles by itself; the persistent
 * maps of the state are registered here (written as their entries in key order).
 */
public final class EngineCodec {
  private EngineCodec() {}

  /** A codec for engine inputs and states. Thread-safe. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static RecordCodec create() {
    return RecordCodec.builder()
        .register(
            PMap.class,
            (map, out) -> {
              out.writeCount(map.size());
              for (Object e : map) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                out.writeValue(entry.getKey());
                out.writeValue(entry.getValue());
              }
            },
            in -> {
              int n = in.readCount();
              PMap result = PMap.empty();
              for (int i = 0; i < n; i++) {
                Comparable key = (Comparable) in.readValue();
                Object value = in.readValue();
                result = result.plus(key, value);
              }
              return result;
            })
        .build();
  }
}
