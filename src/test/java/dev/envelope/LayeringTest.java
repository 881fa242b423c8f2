package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli -> render -> estimate -> model -> units. A package may import
 * only the packages below it (read from the import lines).
 */
class LayeringTest {
  static final Map<String, List<String>> ALLOWED = Map.of(
      "units", List.of(),
      "model", List.of("units"),
      "estimate", List.of("model", "units"),
      "render", List.of("estimate", "model", "units"),
      "app", List.of("render", "estimate", "model", "units"),
      "cli", List.of("app", "render", "estimate", "model", "units"));

  @Test
  void packagesImportOnlyTheLayersBelowThem() throws IOException {
    List<String> violations = new ArrayList<>();
    Path root = Path.of("src/main/java/dev/envelope");
    for (Map.Entry<String, List<String>> layer : ALLOWED.entrySet()) {
      try (Stream<Path> files = Files.walk(root.resolve(layer.getKey()))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(file)) {
            String imported = importedLayer(line);
            if (imported != null && !imported.equals(layer.getKey()) && !layer.getValue().contains(imported)) {
              violations.add(file + ": " + line.strip());
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** The layer an import line names, or null for other imports. */
  static String importedLayer(String line) {
    String prefix = "import dev.envelope.";
    String l = line.strip().replace("import static ", "import ");
    if (!l.startsWith(prefix)) {
      return null;
    }
    String rest = l.substring(prefix.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? "" : rest.substring(0, dot);
  }
}
