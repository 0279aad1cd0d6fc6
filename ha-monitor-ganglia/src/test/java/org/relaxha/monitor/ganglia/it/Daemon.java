package org.relaxha.monitor.ganglia.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real daemon process (gmond or gmetad) started in the foreground by the test, so its PID is
 * its own: stopped by that PID only, never by name. Thread-safe enough for one test thread.
 */
public final class Daemon {
  private final String name;
  private final List<String> command;
  private final Path log;
  private final int xmlPort;
  private final int interactivePort;
  private Process process;

  Daemon(String name, List<String> command, Path log, int xmlPort, int interactivePort) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
    this.xmlPort = xmlPort;
    this.interactivePort = interactivePort;
  }

  /** Starts the process (again); its output goes to its log file. */
  public synchronized Daemon start() {
    if (alive()) {
      throw new IllegalStateException(name + " is already running as PID " + process.pid());
    }
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
    return this;
  }

  /** Kills it with SIGKILL (a crash) and waits until it is gone. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitGone(5);
    }
  }

  /** Stops it with SIGTERM, then SIGKILL after 5 s, and waits until it is gone. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!waitGone(5)) {
        process.destroyForcibly();
        waitGone(5);
      }
    }
  }

  private boolean waitGone(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  public synchronized long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  /** The TCP port serving XML (gmond's tcp_accept_channel or gmetad's xml_port), or 0. */
  public int xmlPort() {
    return xmlPort;
  }

  /** gmetad's interactive port, or 0. */
  public int interactivePort() {
    return interactivePort;
  }

  /** {@code 127.0.0.1:xmlPort}. */
  public String address() {
    return "127.0.0.1:" + xmlPort;
  }

  /** The last lines of its log, for assertion messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public String toString() {
    return name + (alive() ? " (PID " + process.pid() + ")" : " (stopped)");
  }
}
