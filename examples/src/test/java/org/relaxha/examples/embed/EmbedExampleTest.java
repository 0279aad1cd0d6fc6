package org.relaxha.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbedExampleTest {
  @Test
  void theExampleRecoversItsVmAndPrintsItsStatus() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      EmbedExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("subject=web")
        .contains("location=Optional[h")
        .containsPattern("phase=(STABILIZING|HEALTHY)");
  }

  @Test
  void theExampleStaysShort() throws Exception {
    Path source = Path.of("src/main/java/org/relaxha/examples/embed/EmbedExample.java");
    long code =
        Files.readAllLines(source).stream()
            .map(String::strip)
            .filter(
                l ->
                    !l.isEmpty()
                        && !l.startsWith("import")
                        && !l.startsWith("*")
                        && !l.startsWith("/*")
                        && !l.startsWith("//"))
            .count();
    assertThat(code).as("lines of code in EmbedExample").isLessThanOrEqualTo(45);
  }
}
