package org.relaxha.monitor.nagios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relaxha.monitor.nagios.command.CommandFileException;
import org.relaxha.monitor.nagios.command.ExternalCommands;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectCache;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.monitor.nagios.writeback.ConfigValidator;
import org.relaxha.monitor.nagios.writeback.DependencyFile;
import org.relaxha.monitor.nagios.writeback.FileSwap;
import org.relaxha.monitor.nagios.writeback.NagiosConfigFile;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a moved VM's new parents (and the managed dependencies) into the RelaxHA-owned include
 * file, validates the whole configuration with {@code nagios -v}, puts the old file back if
 * validation fails, and otherwise reloads Nagios with the {@code RESTART_PROGRAM} external command
 * and verifies the reload: {@code status.dat} shows a new {@code program_start} and the object
 * cache shows the new parent.
 *
 * <p>Thread-safe: one write-back at a time (the file, the validation and the reload go together).
 */
final class DependencyWriter {
  private static final Logger LOG = LoggerFactory.getLogger(DependencyWriter.class);

  private final String owner;
  private final String author;
  private final WriteBackSettings settings;
  private final SubjectMap subjects;
  private final Map<VmId, HostId> homes;
  private final CommandSender sender;
  private final SnapshotBoard board;
  private final InstantSource clock;

  DependencyWriter(
      String owner,
      String author,
      WriteBackSettings settings,
      SubjectMap subjects,
      Map<VmId, HostId> homes,
      CommandSender sender,
      SnapshotBoard board,
      InstantSource clock) {
    this.owner = owner;
    this.author = author;
    this.settings = settings;
    this.subjects = subjects;
    this.homes = Map.copyOf(homes);
    this.sender = sender;
    this.board = board;
    this.clock = clock;
  }

  /** Writes the file if it does not exist yet (no reload): the VMs at their home hosts. */
  synchronized void ensureFile() throws IOException {
    Optional<byte[]> existing = FileSwap.read(settings.file());
    checkOwned(existing);
    if (existing.isEmpty()) {
      FileSwap.write(
          settings.file(), render(new TreeMap<>(homes)).getBytes(StandardCharsets.UTF_8));
      LOG.info("{}: wrote {} with every VM at its home host", owner, settings.file());
    }
  }

  synchronized ActionResult moved(VmId vm, HostId from, HostId to) {
    Optional<String> vmName = subjects.nagiosHost(vm);
    if (vmName.isEmpty()) {
      return ActionResult.done(
          "vmMoved " + vm + ": the VM is not mapped to a Nagios host; no dependency to write");
    }
    List<String> parents = subjects.nagiosHost(to).map(List::of).orElse(List.of());
    String what = "vmMoved " + vm + " " + from + " -> " + to;
    try {
      Optional<byte[]> before = FileSwap.read(settings.file());
      checkOwned(before);
      Map<VmId, HostId> locations = locations(before);
      locations.put(vm, to);
      byte[] after = render(locations).getBytes(StandardCharsets.UTF_8);
      boolean changed = before.isEmpty() || !Arrays.equals(before.get(), after);
      if (!changed && parentsNow(vmName.get()).equals(Optional.of(parents))) {
        return ActionResult.done(what + ": Nagios already has parents " + parents);
      }
      Optional<ActionResult> rejected = writeAndValidate(what, before, after, changed);
      return rejected.isPresent() ? rejected.get() : reload(what, vmName.get(), parents);
    } catch (IOException e) {
      return ActionResult.failed(what + ": " + e);
    }
  }

  /** Writes the new file (if it changed) and validates; on rejection restores the old one. */
  private Optional<ActionResult> writeAndValidate(
      String what, Optional<byte[]> before, byte[] after, boolean changed) throws IOException {
    if (changed) {
      FileSwap.write(settings.file(), after);
    }
    ConfigValidator.Result check =
        ConfigValidator.validate(
            settings.nagiosBinary(), settings.nagiosConfig(), settings.validateTimeout());
    if (check.valid()) {
      return Optional.empty();
    }
    if (changed) {
      FileSwap.restore(settings.file(), before);
    }
    LOG.warn("{}: {}: {} rejected; {} restored", owner, what, check.summary(), settings.file());
    return Optional.of(
        ActionResult.failed(
            what
                + ": "
                + check.summary()
                + "; "
                + settings.file()
                + " rolled back, Nagios not reloaded"));
  }

  /** Refuses to touch a file RelaxHA did not write: it may be one of the user's own. */
  private void checkOwned(Optional<byte[]> content) throws IOException {
    if (content.isPresent()
        && !new String(content.get(), StandardCharsets.UTF_8).startsWith(DependencyFile.HEADER)) {
      throw new IOException(
          settings.file()
              + " exists and was not written by RelaxHA (it does"
              + " not start with '"
              + DependencyFile.HEADER
              + "'); refusing to overwrite it");
    }
  }

  private ActionResult reload(String what, String vmName, List<String> parent) throws IOException {
    long startedBefore = board.latest().map(StatusSnapshot::programStart).orElse(0L);
    try {
      sender.send(List.of(ExternalCommands.restartProgram(clock.instant())));
    } catch (CommandFileException e) {
      String detail = what + ": validated, but the reload failed: " + e.getMessage();
      return e.unreachable() ? ActionResult.unreachable(detail) : ActionResult.retryable(detail);
    }
    long deadline = System.nanoTime() + settings.reloadTimeout().toNanos();
    if (awaitRestart(startedBefore).isEmpty()) {
      return ActionResult.retryable(
          what + ": Nagios did not restart within " + settings.reloadTimeout().toSeconds() + " s");
    }
    Optional<List<String>> parents = parentsNow(vmName);
    while (!parents.equals(Optional.of(parent)) && System.nanoTime() < deadline && pause()) {
      parents = parentsNow(vmName);
    }
    if (parents.equals(Optional.of(parent))) {
      return ActionResult.done(
          what
              + ": "
              + settings.file()
              + " validated, Nagios reloaded,"
              + " object cache shows parents "
              + parent
              + comment(vmName, what));
    }
    return ActionResult.retryable(
        what
            + ": Nagios reloaded but shows parents "
            + parents.map(Object::toString).orElse("(host absent)")
            + " for "
            + vmName
            + "; does its host definition use template "
            + DependencyFile.templateName(settings.templatePrefix(), vmName)
            + ", and is "
            + settings.file()
            + " included with cfg_file=?");
  }

  private Optional<StatusSnapshot> awaitRestart(long startedBefore) {
    try {
      Optional<StatusSnapshot> s =
          board.await(n -> n.programStart() > startedBefore, settings.reloadTimeout());
      return s.filter(n -> n.programStart() > startedBefore);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Adds a comment saying what RelaxHA did and checks it arrived; says how that went. */
  private String comment(String vmName, String what) {
    NagiosObject host = NagiosObject.host(vmName);
    String text = "RelaxHA: " + what;
    try {
      sender.send(List.of(ExternalCommands.addComment(host, clock.instant(), author, text)));
      Optional<StatusSnapshot> seen =
          board.await(s -> hasComment(s, host, text), settings.reloadTimeout());
      return seen.filter(s -> hasComment(s, host, text)).isPresent()
          ? "; comment added"
          : "; comment not confirmed by status.dat";
    } catch (CommandFileException | IllegalArgumentException e) {
      LOG.warn("{}: could not add the move comment to {}: {}", owner, vmName, e.getMessage());
      return "; comment not added: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "; interrupted while adding the comment";
    }
  }

  private boolean hasComment(StatusSnapshot s, NagiosObject host, String text) {
    String flat = ExternalCommands.text(text);
    return s.commentsOf(host).stream()
        .anyMatch(c -> c.author().equals(author) && c.text().equals(flat));
  }

  private Optional<List<String>> parentsNow(String vmName) throws IOException {
    Path cache = objectCache();
    try {
      return Optional.ofNullable(ObjectCache.parents(cache, java.util.Set.of(vmName)).get(vmName));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private Path objectCache() throws IOException {
    if (settings.objectCacheFile().isPresent()) {
      return settings.objectCacheFile().get();
    }
    return NagiosConfigFile.value(settings.nagiosConfig(), "object_cache_file")
        .map(Path::of)
        .orElseThrow(
            () ->
                new IOException(
                    settings.nagiosConfig()
                        + " sets no object_cache_file; set writeBack.objectCacheFile"));
  }

  private Map<VmId, HostId> locations(Optional<byte[]> file) {
    Map<VmId, HostId> locations = new TreeMap<>(homes);
    file.ifPresent(
        b -> locations.putAll(DependencyFile.locations(new String(b, StandardCharsets.UTF_8))));
    return locations;
  }

  private String render(Map<VmId, HostId> locations) {
    List<DependencyFile.Entry> entries = new ArrayList<>();
    for (VmId vm : subjects.vms()) {
      Optional<HostId> host = Optional.ofNullable(locations.get(vm));
      entries.add(
          new DependencyFile.Entry(
              vm, subjects.nagiosHost(vm).orElseThrow(), host, host.flatMap(subjects::nagiosHost)));
    }
    return DependencyFile.render(
        entries,
        new DependencyFile.Options(
            settings.templatePrefix(), settings.hostDependencies(), settings.serviceDependencies()),
        owner);
  }

  private static boolean pause() {
    try {
      Thread.sleep(100);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
