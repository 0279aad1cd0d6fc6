package org.relaxha.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the controller's own logging off, for commands whose output is the story: the lab prints
 * every decision and notification in its timelines, and its simulated controllers die on purpose.
 */
final class Quiet {
  private Quiet() {}

  static void logs() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.OFF);
    }
  }
}
