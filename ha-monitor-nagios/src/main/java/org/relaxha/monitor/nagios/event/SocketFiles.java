package org.relaxha.monitor.nagios.event;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * File-system chores around a Unix domain socket: clearing a stale socket left by a killed process
 * (never another kind of file, never a socket someone still listens on) and setting the mode and
 * group that let the Nagios user connect.
 *
 * <p>Stateless and thread-safe.
 */
final class SocketFiles {
  private static final int TYPE_MASK = 0170000;
  private static final int SOCKET = 0140000;

  private SocketFiles() {}

  /** Removes a stale socket at {@code path}; fails if something else is there or listening. */
  static void clearStale(Path path) throws IOException {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    if ((mode & TYPE_MASK) != SOCKET) {
      throw new IOException(path + " exists and is not a socket; refusing to replace it");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(path));
      throw new IOException("another process already listens on " + path);
    } catch (java.net.ConnectException stale) {
      Files.deleteIfExists(path);
    }
  }

  /** Gives the socket mode 0660 and, if named, the group. */
  static void secure(Path path, java.util.Optional<String> group) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
    if (group.isPresent()) {
      GroupPrincipal principal =
          path.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByGroupName(group.get());
      Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setGroup(principal);
    }
  }
}
