package dev.envelope.estimate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.envelope.model.Assignment;
import dev.envelope.model.Document;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Estimates of requirements files written inline in a test, or shipped with the project. */
final class Estimates {
  private Estimates() {}

  /** The estimate of {@code yaml}, read as the file test.yaml, with its values located. */
  static Estimate of(String yaml) {
    return of("test.yaml", yaml.getBytes(UTF_8), Optional.empty(), List.of());
  }

  /** The estimate of {@code file} in the repository, with {@code scenario} and {@code sets} applied. */
  static Estimate file(String file, Optional<String> scenario, List<Assignment> sets) {
    try {
      return of(file, Files.readAllBytes(Path.of(file)), scenario, sets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Estimate file(String file) {
    return file(file, Optional.empty(), List.of());
  }

  static Estimate of(String file, byte[] bytes, Optional<String> scenario, List<Assignment> sets) {
    Document doc = Document.parse(file, bytes);
    Requirements req = doc.bind(Need.ESTIMATE, scenario, sets);
    return Catalog.estimate(req, doc.locations(scenario, sets));
  }

  /** The paths of the figures at or under {@code prefix}, numeric or not. */
  static List<String> under(Estimate e, String prefix) {
    return e.figures().stream().map(Estimate.Figure::path)
        .filter(p -> p.equals(prefix) || p.startsWith(prefix + "."))
        .toList();
  }
}
