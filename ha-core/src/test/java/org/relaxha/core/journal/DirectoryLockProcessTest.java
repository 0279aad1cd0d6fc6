package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock exclusion between processes: a real child JVM holds the state directory. */
class DirectoryLockProcessTest {
  @TempDir Path dir;

  @Test
  void anotherProcessCannotOpenTheDirectoryUntilTheHolderDies() throws Exception {
    Process child = startHolder();
    try {
      long childPid = awaitLocked(child);
      assertThatThrownBy(
              () -> FileStateStore.open(dir, RecordCodec.ofDefaults(), JournalFiles.small(1024)))
          .isInstanceOfSatisfying(
              StateDirectoryLockedException.class,
              e -> assertThat(e.holder()).startsWith("pid " + childPid + ", started "))
          .hasMessageContaining(dir.toAbsolutePath().toString());
    } finally {
      child.destroyForcibly(); // SIGKILL: the OS must release the lock of a crashed holder
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (FileStateStore store =
        FileStateStore.open(dir, RecordCodec.ofDefaults(), JournalFiles.small(1024))) {
      assertThat(store.recover().entries())
          .singleElement()
          .extracting(StateStore.Entry::value)
          .isEqualTo("held by the child");
    }
  }

  @Test
  void aCleanlyClosedHolderReleasesTheDirectory() throws Exception {
    Process child = startHolder();
    awaitLocked(child);
    child.getOutputStream().close();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    try (FileStateStore store =
        FileStateStore.open(dir, RecordCodec.ofDefaults(), JournalFiles.small(1024))) {
      assertThat(store.recover().entries()).hasSize(1);
    }
  }

  private Process startHolder() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            LockHolderMain.class.getName(),
            dir.toString())
        .redirectErrorStream(true)
        .start();
  }

  /** Reads the child's output until it reports the lock; returns its pid. */
  private static long awaitLocked(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("LOCKED ")) {
        return Long.parseLong(line.substring(7).trim());
      }
      seen.add(line);
    }
    throw new AssertionError("the child exited without locking: " + String.join("\n", seen));
  }
}
