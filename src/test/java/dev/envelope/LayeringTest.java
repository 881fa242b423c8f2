package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli -> app -> render -> estimate -> model -> diagnostic -> units. A
 * package may use only the packages below it, whether by an import line or by a qualified name.
 */
class LayeringTest {
  static final Map<String, List<String>> ALLOWED = Map.of(
      "units", List.of(),
      "diagnostic", List.of("units"),
      "model", List.of("diagnostic", "units"),
      "estimate", List.of("model", "diagnostic", "units"),
      "render", List.of("estimate", "model", "diagnostic", "units"),
      "app", List.of("render", "estimate", "model", "diagnostic", "units"),
      "cli", List.of("app", "render", "estimate", "model", "diagnostic", "units"));

  @Test
  void packagesImportOnlyTheLayersBelowThem() throws IOException {
    List<String> violations = new ArrayList<>();
    Path root = Path.of("src/main/java/dev/envelope");
    for (Map.Entry<String, List<String>> layer : ALLOWED.entrySet()) {
      try (Stream<Path> files = Files.walk(root.resolve(layer.getKey()))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(file)) {
            for (String used : usedLayers(line)) {
              if (!used.equals(layer.getKey()) && !layer.getValue().contains(used)) {
                violations.add(file + ": " + line.strip());
              }
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.envelope\\.([a-z]+)\\.");

  /** The layers a line names, by import or by a qualified name; none for its package line. */
  static List<String> usedLayers(String line) {
    if (line.strip().startsWith("package ")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = QUALIFIED.matcher(line);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void aQualifiedNameCountsAsAUse() {
    assertThat(usedLayers("import static dev.envelope.units.Format.count;")).containsExactly("units");
    assertThat(usedLayers("    var x = new dev.envelope.cli.Cli();")).containsExactly("cli");
    assertThat(usedLayers("package dev.envelope.model;")).isEmpty();
    assertThat(usedLayers("import java.util.List;")).isEmpty();
  }
}
