package org.relaxha.examples.adapters;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.config.Secret;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;

/**
 * A test adapter type {@code lab}, registered through META-INF/services: a hypervisor that is also
 * a monitor, plus a fencer when {@code fencing: true}. Reads {@code uri} (required), {@code
 * password} (optional secret) and {@code fencing}.
 */
public final class LabAdapterProvider implements AdapterProvider {
  @Override
  public String type() {
    return "lab";
  }

  @Override
  public String description() {
    return "test hypervisor and monitor";
  }

  @Override
  public List<Object> create(ConfigSection section, AdapterContext context) {
    String name = section.optionalString("name").orElse(type());
    String uri = section.string("uri");
    Secret password = section.has("password") ? section.secret("password") : null;
    LabHypervisor hypervisor = new LabHypervisor(name, uri, password);
    return section.bool("fencing", false)
        ? List.of(hypervisor, new LabFencer(name))
        : List.of(hypervisor);
  }

  @Override
  public int probe(List<String> args, PrintStream out, PrintStream err) {
    out.println("lab probe " + args);
    return args.contains("--fail") ? 1 : 0;
  }

  /** A hypervisor that also reports as a monitor. */
  public record LabHypervisor(String name, String uri, Secret password)
      implements Hypervisor, Monitor {
    @Override
    public Set<HostId> hosts() {
      return Set.of();
    }

    @Override
    public void start() {}

    @Override
    public InventoryResult inventory(HostId host) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ActionResult startVm(Vm vm, HostId host) {
      return ActionResult.done("started");
    }

    @Override
    public ActionResult stopVm(VmId vm, HostId host) {
      return ActionResult.done("stopped");
    }

    @Override
    public ActionResult rebootVm(VmId vm, HostId host) {
      return ActionResult.done("rebooted");
    }

    @Override
    public ActionResult powerCycleVm(Vm vm, HostId host) {
      return ActionResult.done("cycled");
    }

    @Override
    public Set<SubjectId> covers() {
      return Set.of();
    }

    @Override
    public void start(ObservationSink sink) {}

    @Override
    public void close() {}
  }

  /** A fencer. */
  public record LabFencer(String name) implements Fencer {
    @Override
    public FenceResult fence(Host host) {
      return new FenceResult.Fenced("lab", "off");
    }
  }
}
