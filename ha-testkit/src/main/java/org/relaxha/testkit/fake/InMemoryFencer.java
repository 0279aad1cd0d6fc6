package org.relaxha.testkit.fake;

import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import org.relaxha.spi.Require;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;
import org.relaxha.testkit.Gate;

/**
 * A {@link Fencer} with scripted results per host, optionally linked to an {@link
 * InMemoryHypervisor} whose host it powers off when it reports {@link FenceResult.Fenced}.
 *
 * <p>Results: a host's script ({@link #script}) gives one result per call, the last one repeating.
 * A host without a script gets the default: Fenced; or, when linked to a hypervisor that does not
 * manage the host, NotApplicable. {@link #setDefault} replaces that default for every unscripted
 * host.
 *
 * <p>Failure injection besides scripts: {@link #hangNext()} (the call waits at a {@link Gate}; an
 * interrupted wait returns Failed without fencing) and {@link #throwNext}. Every call is recorded
 * with arguments {@code [HostId]}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryFencer implements Fencer {
  private final String name;
  private final CallLog log;
  private final Script<HostId, FenceResult> scripts = new Script<>();
  private final Faults<SingleCall> faults = new Faults<>();
  private volatile InMemoryHypervisor hypervisor;
  private volatile FenceResult defaultResult;

  /** A fencer called {@code name}, stamping its calls with {@code clock}. */
  public InMemoryFencer(String name, InstantSource clock) {
    this.name = Require.nonBlank(name, "name");
    this.log = new CallLog(clock);
  }

  /** A fencer called {@code name} on the system clock. */
  public InMemoryFencer(String name) {
    this(name, InstantSource.system());
  }

  /** Links this fencer to {@code target}: a Fenced result powers the host off there. */
  public InMemoryFencer poweringOff(InMemoryHypervisor target) {
    this.hypervisor = Require.nonNull(target, "hypervisor");
    return this;
  }

  /** Scripts the results for {@code host}: one per call, the last one repeating. */
  public InMemoryFencer script(HostId host, FenceResult... results) {
    scripts.set(host, Arrays.asList(results));
    return this;
  }

  /** The result for every host without a script (replaces the built-in default). */
  public InMemoryFencer setDefault(FenceResult result) {
    this.defaultResult = Require.nonNull(result, "result");
    return this;
  }

  /** The next call hangs until the gate is released (then fences) or interrupted (Failed). */
  public Gate hangNext() {
    Gate gate = new Gate();
    faults.add(SingleCall.CALL, null, new Faults.Hang(gate), true);
    return gate;
  }

  /** The next call throws {@code exception} (an adapter bug). */
  public void throwNext(RuntimeException exception) {
    faults.add(
        SingleCall.CALL, null, new Faults.Raise(Require.nonNull(exception, "exception")), true);
  }

  /** Every fence call so far. */
  public List<Call> calls() {
    return log.all();
  }

  /** The call log, e.g. to await calls made by a controller's threads. */
  public CallLog callLog() {
    return log;
  }

  /** How many times {@code host} was asked to be fenced. */
  public int fenceCount(HostId host) {
    return log.matching(c -> c.involves(host)).size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FenceResult fence(Host host) {
    Require.nonNull(host, "host");
    Object[] args = {host.id()};
    try {
      FenceResult result =
          faults.run(
              SingleCall.CALL,
              args,
              injected -> (FenceResult) injected,
              () -> new FenceResult.Failed("fencing " + host.id() + " was interrupted"),
              () -> decide(host.id()));
      log.record("fence", result, args);
      return result;
    } catch (RuntimeException e) {
      log.record("fence", e, args);
      throw e;
    }
  }

  private FenceResult decide(HostId host) {
    InMemoryHypervisor linked = hypervisor;
    boolean known = linked == null || linked.hosts().contains(host);
    FenceResult result =
        scripts
            .next(host)
            .orElseGet(
                () -> {
                  if (defaultResult != null) {
                    return defaultResult;
                  }
                  return known
                      ? new FenceResult.Fenced("in-memory power off", "host " + host + " is off")
                      : new FenceResult.NotApplicable(name + " does not manage host " + host);
                });
    if (result instanceof FenceResult.Fenced && linked != null && known) {
      linked.powerOffHost(host);
    }
    return result;
  }

  @Override
  public String toString() {
    return "InMemoryFencer[" + name + "]";
  }
}
