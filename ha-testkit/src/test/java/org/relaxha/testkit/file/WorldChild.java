package org.relaxha.testkit.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;

/**
 * The child process of {@link CrossProcessWorldTest}. Modes:
 *
 * <ul>
 *   <li>{@code hold DIR READY}: takes the world's lock, creates READY, and holds the lock until its
 *       standard input ends (or it is killed);
 *   <li>{@code churn DIR VM COUNT}: starts and stops VM on h2 COUNT times (COUNT 0: forever).
 * </ul>
 */
public final class WorldChild {
  private WorldChild() {}

  public static void main(String[] args) throws Exception {
    FileBackedWorld world = FileBackedWorld.open(Path.of(args[1]));
    switch (args[0]) {
      case "hold" -> hold(world, Path.of(args[2]));
      case "churn" -> churn(world, args[2], Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void hold(FileBackedWorld world, Path ready) throws Exception {
    world.transact(
        s -> {
          Files.createFile(ready);
          try {
            while (System.in.read() >= 0) {
              // hold the lock until the parent closes our stdin
            }
          } catch (IOException e) {
            // parent gone: release
          }
          return null;
        });
  }

  private static void churn(FileBackedWorld world, String vmName, int count) {
    FileBackedHypervisor hv =
        new FileBackedHypervisor(world, "child-" + ProcessHandle.current().pid());
    hv.start();
    Vm vm = Vm.builder(vmName).build();
    HostId host = HostId.of("h2");
    for (int i = 0; count == 0 || i < count; i++) {
      hv.startVm(vm, host);
      hv.stopVm(vm.id(), host);
    }
  }
}
