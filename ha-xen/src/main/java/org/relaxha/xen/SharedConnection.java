package org.relaxha.xen;

import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * One open libvirt connection and the calls using it. libvirt frees a connection's memory when it
 * is closed, and a call still inside libvirt on another thread would then read freed memory and
 * crash the JVM; so a connection is closed only once its {@link HostLink} has {@linkplain
 * #retire(String) retired} it and the last call {@linkplain #use(LibvirtSession.ConnectionCall)
 * using} it has returned. A call that arrives after retirement is refused with {@link Retired} and
 * never reaches libvirt.
 *
 * <p>Thread-safe. The release runs on the thread of the last call, or where the retiring link
 * chooses when no call was running.
 */
final class SharedConnection {
  /** Thrown by {@link #use} when the connection was retired before the call could start. */
  static final class Retired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retired(String reason) {
      super(reason, null, false, false);
    }
  }

  private final Connect connect;
  private final String uri;
  private final Consumer<Connect> release;
  private int users;
  private String retiredBecause;

  /**
   * @param uri where the connection goes, for messages
   * @param release closes {@code connect}; runs once, on the thread of the last call when calls
   *     were still running at retirement
   */
  SharedConnection(Connect connect, String uri, Consumer<Connect> release) {
    this.connect = connect;
    this.uri = uri;
    this.release = release;
  }

  /** The connection itself, for identity checks and for the link's own setup and release. */
  Connect connect() {
    return connect;
  }

  /**
   * Runs {@code call} with the connection, which stays open until the call returns.
   *
   * @throws Retired if the connection was retired before the call started
   */
  <T> T use(LibvirtSession.ConnectionCall<T> call) throws LibvirtException {
    synchronized (this) {
      if (retiredBecause != null) {
        throw new Retired(
            "the connection to " + uri + " was closed before the call started: " + retiredBecause);
      }
      users++;
    }
    try {
      return call.run(connect);
    } finally {
      boolean last;
      synchronized (this) {
        users--;
        last = retiredBecause != null && users == 0;
      }
      if (last) {
        release.accept(connect);
      }
    }
  }

  /**
   * Refuses further calls. Only the first retirement counts.
   *
   * @return true if no call uses the connection, so the caller must release it now (on a thread of
   *     its choice); false if it was retired before, or if the last running call will release it
   *     when it returns
   */
  boolean retire(String reason) {
    synchronized (this) {
      if (retiredBecause != null) {
        return false;
      }
      retiredBecause = reason;
      return users == 0;
    }
  }

  /** Whether libvirt still considers the connection alive; false once retired. */
  boolean alive() {
    try {
      return use(Connect::isAlive);
    } catch (LibvirtException | RuntimeException e) {
      return false;
    }
  }

  /** Calls using the connection now (for tests). */
  synchronized int users() {
    return users;
  }
}
