package org.relaxha.core.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link DirectoryLockProcessTest}: opens a store on the directory in {@code
 * args[0]}, says so on stdout, and holds it until stdin closes or the process is killed.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws IOException {
    try (FileStateStore store =
        FileStateStore.open(Path.of(args[0]), RecordCodec.ofDefaults(), JournalFiles.small(1024))) {
      store.recover();
      store.append("held by the child");
      System.out.println("LOCKED " + ProcessHandle.current().pid());
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until the parent closes our stdin
      }
    }
  }
}
