package org.relaxha.monitor.nagios;

import java.nio.file.Path;
import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How the monitor sends Nagios external commands (mute, unmute, acknowledge, comment, reload) and
 * verifies them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param commandFile Nagios's {@code command_file} (a FIFO)
 * @param muteWith downtimes or disabled checks
 * @param downtimeLength how long a downtime RelaxHA schedules lasts at most (unmute ends it sooner)
 * @param acknowledge whether mute also acknowledges the problems of subjects that are failing
 * @param author the author of RelaxHA's downtimes, acknowledgements and comments; unmute removes
 *     only what this author made
 * @param verifyTimeout how long to wait for {@code status.dat} to show a command's effect
 */
public record CommandSettings(
    Path commandFile,
    MuteMode muteWith,
    Duration downtimeLength,
    boolean acknowledge,
    String author,
    Duration verifyTimeout) {

  /** The default author. */
  public static final String DEFAULT_AUTHOR = "RelaxHA";

  /** Validates every field. */
  public CommandSettings {
    Require.nonNull(commandFile, "commands.commandFile");
    Require.nonNull(muteWith, "commands.muteWith");
    Require.positive(downtimeLength, "commands.downtimeLength");
    Require.nonBlank(author, "commands.author");
    if (author.contains(";") || author.contains("\n")) {
      throw new IllegalArgumentException("commands.author must not contain ';' or a newline");
    }
    Require.positive(verifyTimeout, "commands.verifyTimeout");
  }

  /** Downtimes of 2 h, acknowledgements on, author RelaxHA, 15 s to verify. */
  public static CommandSettings of(Path commandFile) {
    return new CommandSettings(
        commandFile,
        MuteMode.DOWNTIME,
        Duration.ofHours(2),
        true,
        DEFAULT_AUTHOR,
        Duration.ofSeconds(15));
  }
}
