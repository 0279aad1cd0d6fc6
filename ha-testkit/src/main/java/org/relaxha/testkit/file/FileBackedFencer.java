package org.relaxha.testkit.file;

import java.io.IOException;
import java.util.List;
import org.relaxha.spi.Require;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.model.Host;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;

/**
 * A {@link Fencer} over a {@link FileBackedWorld}: fencing a host powers it off (its VMs SHUT_OFF),
 * writes one FENCE line to {@code events.log}, and reports {@link FenceResult.Fenced} with the
 * event's sequence number as evidence. Fencing works whether the host is up, cut off or already off
 * (as IPMI would), and is idempotent. A host the world does not have is NotApplicable; an I/O
 * failure or an interrupt is Failed.
 *
 * <p>Calls are also recorded in this process's {@link #calls() call log} with arguments {@code
 * [HostId]}. Thread-safe, and safe across processes.
 */
public final class FileBackedFencer implements Fencer {
  private final FileBackedWorld world;
  private final String name;
  private final CallLog log;

  /** A fencer called {@code name} over {@code world}. */
  public FileBackedFencer(FileBackedWorld world, String name) {
    this.world = Require.nonNull(world, "world");
    this.name = Require.nonBlank(name, "name");
    this.log = new CallLog(world.clock());
  }

  /** This process's calls so far. */
  public List<Call> calls() {
    return log.all();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FenceResult fence(Host host) {
    Require.nonNull(host, "host");
    FenceResult result;
    try {
      result =
          world.transact(
              s -> {
                if (s.state().host(host.id()).isEmpty()) {
                  return new FenceResult.NotApplicable(name + " does not manage host " + host.id());
                }
                boolean wasOn = s.state().host(host.id()).get().poweredOn();
                WorldEvent e =
                    s.append(WorldEvent.Type.FENCE, host.id(), null, null, "fence by " + name);
                return new FenceResult.Fenced(
                    "file-backed power off",
                    "host "
                        + host.id()
                        + (wasOn ? " powered off" : " was already off")
                        + " (event "
                        + e.sequence()
                        + ")");
              });
    } catch (IOException e) {
      result = new FenceResult.Failed("world I/O failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = new FenceResult.Failed("fencing " + host.id() + " was interrupted");
    }
    log.record("fence", result, host.id());
    return result;
  }

  @Override
  public String toString() {
    return "FileBackedFencer[" + name + " over " + world.directory() + "]";
  }
}
