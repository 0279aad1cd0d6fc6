package org.relaxha.monitor.nagios.command;

import java.nio.file.Path;
import java.util.List;

/**
 * Sends one line to a command file and prints the error, if any, for the permission test that runs
 * it as an unprivileged user in a child JVM. Exit status 0 sent, 1 refused.
 */
public final class SendAsMain {
  private SendAsMain() {}

  public static void main(String[] args) {
    try {
      new CommandFile(Path.of(args[0])).send(List.of("[1] RESTART_PROGRAM"));
      System.out.println("sent");
    } catch (CommandFileException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }
}
