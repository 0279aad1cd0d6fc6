package org.relaxha.monitor.nagios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * Everything a {@link NagiosMonitor} needs: where {@code status.dat} is and how it is watched, the
 * subject mapping, and the optional pushed events, external commands and dependency write-back.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(Path, SubjectMap)}; invalid values fail
 * with the name of the setting.
 *
 * @param name the monitor's name (observations' source)
 * @param statusFile Nagios's {@code status_file}
 * @param pollInterval how often the file is checked for a new version
 * @param staleAfter a file not rewritten for this long (or written longer ago than this) is a lost
 *     source
 * @param maxCheckAge an UP result whose check is older than this is not repeated
 * @param subjects which Nagios objects stand for which subjects
 * @param events where pushed results arrive, if anywhere
 * @param commands how external commands are sent, if at all
 * @param writeBack how dependencies are written back, if at all (needs {@code commands})
 */
public record NagiosSettings(
    String name,
    Path statusFile,
    Duration pollInterval,
    Duration staleAfter,
    Duration maxCheckAge,
    SubjectMap subjects,
    Optional<EventSettings> events,
    Optional<CommandSettings> commands,
    Optional<WriteBackSettings> writeBack) {

  /** Validates every field. */
  public NagiosSettings {
    Require.nonBlank(name, "name");
    Require.nonNull(statusFile, "statusFile");
    Require.positive(pollInterval, "pollInterval");
    Require.positive(staleAfter, "staleAfter");
    if (staleAfter.compareTo(pollInterval) <= 0) {
      throw new IllegalArgumentException(
          "staleAfter ("
              + staleAfter
              + ") must be longer than pollInterval ("
              + pollInterval
              + ")");
    }
    Require.positive(maxCheckAge, "maxCheckAge");
    Require.nonNull(subjects, "subjects");
    Require.nonNull(events, "events");
    Require.nonNull(commands, "commands");
    Require.nonNull(writeBack, "writeBack");
    if (writeBack.isPresent() && commands.isEmpty()) {
      throw new IllegalArgumentException(
          "writeBack needs commands: Nagios is reloaded through the command file");
    }
  }

  /** A builder with the defaults: name nagios, poll 1 s, stale after 60 s, checks age 15 min. */
  public static Builder builder(Path statusFile, SubjectMap subjects) {
    return new Builder(statusFile, subjects);
  }

  /** Builds {@link NagiosSettings}. Not thread-safe. */
  public static final class Builder {
    private final Path statusFile;
    private final SubjectMap subjects;
    private String name = "nagios";
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration staleAfter = Duration.ofSeconds(60);
    private Duration maxCheckAge = Duration.ofMinutes(15);
    private EventSettings events;
    private CommandSettings commands;
    private WriteBackSettings writeBack;

    private Builder(Path statusFile, SubjectMap subjects) {
      this.statusFile = statusFile;
      this.subjects = subjects;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    public Builder staleAfter(Duration value) {
      this.staleAfter = value;
      return this;
    }

    public Builder maxCheckAge(Duration value) {
      this.maxCheckAge = value;
      return this;
    }

    public Builder events(EventSettings value) {
      this.events = value;
      return this;
    }

    public Builder commands(CommandSettings value) {
      this.commands = value;
      return this;
    }

    public Builder writeBack(WriteBackSettings value) {
      this.writeBack = value;
      return this;
    }

    /** Validates and builds. */
    public NagiosSettings build() {
      return new NagiosSettings(
          name,
          statusFile,
          pollInterval,
          staleAfter,
          maxCheckAge,
          subjects,
          Optional.ofNullable(events),
          Optional.ofNullable(commands),
          Optional.ofNullable(writeBack));
    }
  }
}
