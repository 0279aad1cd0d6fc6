package org.relaxha.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.relaxha.spi.Require;

/**
 * One call a fake received, as recorded in its {@link CallLog} when the call returned.
 *
 * <p>Immutable and thread-safe (as far as the recorded arguments and result are).
 *
 * @param sequence the position in the log, from 1
 * @param at when the call returned, on the fake's clock
 * @param operation the SPI method's name, e.g. {@code startVm}
 * @param arguments the identifying arguments: ids rather than whole records ({@code VmId}, {@code
 *     HostId}, ...), in the SPI method's order; each fake's documentation lists them
 * @param result what the call returned, or the exception it threw
 */
public record Call(
    long sequence, Instant at, String operation, List<Object> arguments, Object result) {

  /** Validates and copies the arguments (which may contain nulls). */
  public Call {
    Require.nonNull(at, "call.at");
    Require.nonBlank(operation, "call.operation");
    arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    Require.nonNull(result, "call.result");
  }

  /** The argument at {@code index}, cast to {@code type}. */
  public <T> T argument(int index, Class<T> type) {
    return type.cast(arguments.get(index));
  }

  /** Whether any argument equals {@code value}. */
  public boolean involves(Object value) {
    return arguments.contains(value);
  }

  @Override
  public String toString() {
    return "#" + sequence + " " + operation + arguments + " -> " + result;
  }
}
