package org.relaxha.testkit.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Integration tests call this before they start a real daemon. On a developer's machine without it
 * the test is skipped with a message naming the Debian package to install; when the environment
 * variable {@code CI} is {@code true}, a missing tool fails the test instead, so a broken install
 * step in {@code .ci/run} can never turn CI green.
 *
 * <p>Stateless and thread-safe.
 */
public final class RequiredTools {
  private RequiredTools() {}

  /** Whether this run is CI (environment variable {@code CI=true}). */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Returns the path of {@code executable} (searched on PATH and in /usr/sbin, /sbin), or skips
   * (locally) or fails (in CI) naming {@code debianPackage}.
   */
  public static Path require(String executable, String debianPackage) {
    Optional<Path> found = find(executable);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        executable
            + " not found: install the Debian package "
            + debianPackage
            + " (apt-get install -y --no-install-recommends "
            + debianPackage
            + ")";
    if (inCi()) {
      throw new AssertionError("CI=true and " + message);
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** Fails (in CI) or skips (locally) with {@code message} unless {@code condition} holds. */
  public static void requireThat(boolean condition, String message) {
    if (condition) {
      return;
    }
    if (inCi()) {
      throw new AssertionError("CI=true and " + message);
    }
    Assumptions.abort(message);
  }

  /** The path of {@code executable} on PATH or in the sbin directories, if any. */
  public static Optional<Path> find(String executable) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin";
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, executable);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
