package org.relaxha.monitor.nagios;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * Where the monitor listens for results pushed by {@code relaxha-nagios-event}: a Unix domain
 * socket, created at start with mode {@code 0660} (and the given group, so that the Nagios user can
 * connect), removed at close.
 *
 * <p>Immutable and thread-safe.
 *
 * @param socket the socket's path; its directory must exist
 * @param group the group to give the socket file, or empty to keep the process's group
 */
public record EventSettings(Path socket, Optional<String> group) {
  /** The longest socket path the kernel accepts, in bytes (sun_path is 108 bytes). */
  public static final int MAX_SOCKET_PATH = 107;

  /** Validates every field. */
  public EventSettings {
    Require.nonNull(socket, "events.socket");
    Require.nonNull(group, "events.group");
    int bytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SOCKET_PATH) {
      throw new IllegalArgumentException(
          "events.socket: a Unix socket path may have at most "
              + MAX_SOCKET_PATH
              + " bytes, this one has "
              + bytes);
    }
    group.ifPresent(g -> Require.nonBlank(g, "events.group"));
  }

  /** A socket at {@code socket}, keeping the process's group. */
  public static EventSettings of(Path socket) {
    return new EventSettings(socket, Optional.empty());
  }
}
