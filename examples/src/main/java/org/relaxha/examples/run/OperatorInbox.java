package org.relaxha.examples.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.relaxha.core.runtime.HaController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request inbox of a running controller: a {@code requests/} directory in its state directory.
 * The {@code relaxha} operator commands drop a request file there ({@link #submit}) and wait for
 * its answer; the running launcher applies pending requests to its controller ({@link
 * #applyPending}) and writes each answer next to it. Only processes that can write the state
 * directory can ask.
 *
 * <p>Thread-safe.
 */
public final class OperatorInbox {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorInbox.class);
  private final Path dir;

  /** The inbox of the controller whose state directory is {@code stateDirectory}. */
  public OperatorInbox(Path stateDirectory) {
    this.dir = stateDirectory.resolve("requests");
  }

  /** Drops {@code request} into the inbox and returns the path its answer will have. */
  public Path submit(OperatorRequest request) throws IOException {
    Files.createDirectories(dir);
    String name = System.currentTimeMillis() + "-" + UUID.randomUUID();
    Path tmp = dir.resolve(name + ".tmp");
    Files.writeString(tmp, request.line() + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(name + ".req"), StandardCopyOption.ATOMIC_MOVE);
    return dir.resolve(name + ".answer");
  }

  /** Waits up to {@code timeout} for an answer file; empty if none came. */
  public static Optional<String> awaitAnswer(Path answer, Duration timeout)
      throws IOException, InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (Files.exists(answer)) {
        String text = Files.readString(answer, StandardCharsets.UTF_8).trim();
        Files.deleteIfExists(answer);
        return Optional.of(text);
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  /** Applies every pending request, oldest first, answering each. */
  public void applyPending(HaController controller) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Path req : pending()) {
      String answer;
      try {
        OperatorRequest request =
            OperatorRequest.parse(Files.readString(req, StandardCharsets.UTF_8));
        request.applyTo(controller);
        answer = "ok: " + request.line();
        LOG.info("operator request applied: {}", request.line());
      } catch (IOException | RuntimeException e) {
        answer = "refused: " + e.getMessage();
        LOG.warn("operator request {} refused: {}", req.getFileName(), e.getMessage());
      }
      String base = req.getFileName().toString().replaceFirst("\\.req$", "");
      try {
        Files.writeString(dir.resolve(base + ".answer"), answer + "\n", StandardCharsets.UTF_8);
        Files.deleteIfExists(req);
      } catch (IOException e) {
        LOG.warn("cannot answer operator request {}: {}", req, e.toString());
      }
    }
  }

  private List<Path> pending() {
    List<Path> result = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.req")) {
      files.forEach(result::add);
    } catch (IOException e) {
      LOG.warn("cannot read the operator inbox {}: {}", dir, e.toString());
    }
    result.sort(null);
    return result;
  }
}
