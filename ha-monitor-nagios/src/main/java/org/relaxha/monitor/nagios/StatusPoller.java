package org.relaxha.monitor.nagios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.relaxha.monitor.nagios.status.Interest;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.StatusReader;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of {@code status.dat}, run every poll interval on the monitor's status thread: when the
 * file has a new version (another inode, size or modification time: Nagios renames a new file into
 * place) it is read, streaming; a fresh snapshot is published and delivered. A missing or
 * unreadable file, one without an {@code info} block, one written longer ago than {@code
 * staleAfter}, or one that has not changed for {@code staleAfter} makes the source lost.
 *
 * <p>Not thread-safe: runs on one thread.
 */
final class StatusPoller implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);

  private final NagiosSettings settings;
  private final InstantSource clock;
  private final SourceTracker source;
  private final SnapshotBoard board;
  private final Delivery delivery;
  private final OnceReporter once;
  private Version version;
  private Instant changedAt;
  private String lastProblems = "";

  StatusPoller(
      NagiosSettings settings,
      InstantSource clock,
      SourceTracker source,
      SnapshotBoard board,
      Delivery delivery,
      OnceReporter once) {
    this.settings = settings;
    this.clock = clock;
    this.source = source;
    this.board = board;
    this.delivery = delivery;
    this.once = once;
  }

  @Override
  public void run() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.error("{}: reading {} failed", settings.name(), settings.statusFile(), e);
      source.lost("reading " + settings.statusFile() + " failed: " + e, clock.instant());
    }
  }

  void poll() {
    Instant now = clock.instant();
    Path file = settings.statusFile();
    Version current;
    try {
      current = Version.of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      version = null;
      source.lost(file + " does not exist (Nagios not running?)", now);
      return;
    } catch (IOException e) {
      version = null;
      source.lost("cannot read " + file + ": " + e, now);
      return;
    }
    if (current.equals(version)) {
      Duration unchanged = Duration.between(changedAt, now);
      if (unchanged.compareTo(settings.staleAfter()) > 0) {
        source.lost(
            file + " not rewritten for " + unchanged.toSeconds() + " s (Nagios hung?)", now);
      }
      return;
    }
    version = current;
    changedAt = now;
    read(file, now);
  }

  private void read(Path file, Instant now) {
    StatusSnapshot snapshot;
    try {
      snapshot = StatusReader.read(file, interest());
    } catch (IOException e) {
      version = null;
      source.lost("cannot read " + file + ": " + e, now);
      return;
    }
    reportProblems(snapshot);
    if (!snapshot.hasCreationTime()) {
      source.lost(file + " has no info block with created= (not a status file?)", now);
      return;
    }
    Duration age = Duration.between(snapshot.created(), now);
    if (age.compareTo(settings.staleAfter()) > 0) {
      source.lost(file + " was written " + age.toSeconds() + " s ago (Nagios not running?)", now);
      return;
    }
    source.available(now);
    board.publish(snapshot);
    reportAbsent(snapshot);
    delivery.fromStatus(snapshot, now);
  }

  private void reportProblems(StatusSnapshot snapshot) {
    String problems = snapshot.report().clean() ? "" : snapshot.report().summary();
    if (!problems.equals(lastProblems) && !problems.isEmpty()) {
      LOG.warn("{}: {}", settings.name(), problems);
    }
    lastProblems = problems;
  }

  private void reportAbsent(StatusSnapshot snapshot) {
    for (NagiosObject object : settings.subjects().objects()) {
      String key = "absent " + object;
      if (snapshot.objects().containsKey(object)) {
        once.forget(key);
      } else {
        SubjectId subject = settings.subjects().subject(object).orElseThrow();
        once.report(
            key,
            "Nagios has no "
                + (object.isHost() ? "host '" : "service '")
                + object
                + "', which is mapped to "
                + subject.key());
      }
    }
  }

  private Interest interest() {
    SubjectMap map = settings.subjects();
    return new Interest() {
      @Override
      public boolean wants(NagiosObject object) {
        return map.subject(object).isPresent();
      }

      @Override
      public void unwanted(NagiosObject object) {
        if (object.isHost()) {
          once.report(
              "unmapped " + object,
              "Nagios host '" + object.host() + "' is not mapped to a RelaxHA host or VM; ignored");
        } else if (map.subject(object.hostObject()).orElse(null) instanceof VmId vm) {
          once.report(
              "unmapped " + object,
              "Nagios service '"
                  + object
                  + "' on VM "
                  + vm
                  + " is not mapped to a RelaxHA"
                  + " service; ignored");
        }
      }
    };
  }

  /** What identifies one version of the file. */
  private record Version(Object key, FileTime modified, long size) {
    static Version of(BasicFileAttributes a) {
      return new Version(
          Objects.requireNonNullElse(a.fileKey(), ""), a.lastModifiedTime(), a.size());
    }
  }
}
