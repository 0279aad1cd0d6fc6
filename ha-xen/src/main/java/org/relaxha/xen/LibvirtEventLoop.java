package org.relaxha.xen;

import org.libvirt.Connect;
import org.libvirt.ErrorCallback;
import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * libvirt's event loop on one daemon thread, shared by every adapter in the process (libvirt has
 * one default event loop per process). It delivers domain lifecycle events and connection-close
 * callbacks, and sends and answers keepalive messages on remote connections, so it runs whenever
 * some adapter has connections open: the first {@link #acquire()} registers libvirt's default
 * implementation and starts the thread, the last {@link #release()} stops it and waits for it.
 *
 * <p>Thread-safe; callbacks run on the loop thread and must not block.
 */
final class LibvirtEventLoop {
  private static final System.Logger LOG = System.getLogger(LibvirtEventLoop.class.getName());
  private static final String THREAD_NAME = "relaxha-libvirt-events";
  private static final long STOP_WAIT_MS = 3000;

  private static final ErrorCallback SILENT = new ErrorCallback();
  private static final Object LOCK = new Object();
  private static int users;
  private static Thread thread;

  private LibvirtEventLoop() {}

  /**
   * Registers libvirt's event loop (once per process) and starts its thread if no adapter runs it
   * yet. Must come before the first connection is opened, or that connection gets no events.
   *
   * @throws IllegalStateException if libvirt cannot be loaded or refuses
   */
  static void acquire() {
    synchronized (LOCK) {
      if (users == 0) {
        start();
      }
      users++;
    }
  }

  /** Stops the thread when the last user releases it. */
  static void release() {
    synchronized (LOCK) {
      if (users == 0) {
        return;
      }
      users--;
      if (users == 0) {
        stop();
      }
    }
  }

  private static void start() {
    try {
      // libvirt prints every error to stderr unless told otherwise; the adapter reports them.
      Connect.setErrorCallback(SILENT);
      Library.initEventLoop();
    } catch (LibvirtException e) {
      throw new IllegalStateException("libvirt refused to register its event loop: " + e, e);
    } catch (LinkageError e) {
      throw new IllegalStateException(
          "the libvirt client library cannot be loaded (install the Debian package libvirt0): " + e,
          e);
    }
    Thread t = new Thread(LibvirtEventLoop::run, THREAD_NAME);
    t.setDaemon(true);
    t.start();
    thread = t;
  }

  private static void run() {
    try {
      Library.runEventLoop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (LibvirtException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "libvirt's event loop failed; events stop", e);
    }
  }

  private static void stop() {
    Thread t = thread;
    thread = null;
    long deadline = System.currentTimeMillis() + STOP_WAIT_MS;
    try {
      // stopEventLoop does nothing until the loop thread has entered runEventLoop: repeat it.
      while (t.isAlive() && System.currentTimeMillis() < deadline) {
        Library.stopEventLoop();
        t.join(20);
      }
    } catch (LibvirtException e) {
      LOG.log(System.Logger.Level.WARNING, "stopping libvirt's event loop failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      LOG.log(System.Logger.Level.WARNING, "libvirt's event loop thread did not stop in time");
    }
  }

  /** Whether the loop thread runs (for tests). */
  static boolean running() {
    synchronized (LOCK) {
      return thread != null && thread.isAlive();
    }
  }
}
