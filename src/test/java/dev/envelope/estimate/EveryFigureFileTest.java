package dev.envelope.estimate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.model.Document;
import dev.envelope.model.FileSpec;
import dev.envelope.model.InputLocations;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The file of every figure ({@code every-figure.yaml}), from which the catalog's list of paths and
 * the generated docs come, holds every input key of the file format: a key it lacked would leave
 * the figures that key gives out of that list.
 */
class EveryFigureFileTest {
  /**
   * Keys that cannot stand beside another in one file: the file peaks by {@code traffic.peak}'s
   * Poisson model, so the file's peak factor and the diurnal share are absent (a workload's own
   * peak_factor is there).
   */
  private static final List<String> ALTERNATIVES = List.of("traffic.peak_factor", "traffic.peak.peak_hour_share");

  @Test
  void everyInputKeyIsInTheFile() throws IOException {
    byte[] bytes;
    try (InputStream in = Catalog.class.getResourceAsStream("/dev/envelope/every-figure.yaml")) {
      bytes = in.readAllBytes();
    }
    Document doc = Document.parse("every-figure.yaml", bytes);
    Requirements req = doc.bind(Need.ESTIMATE, Optional.empty(), List.of());
    InputLocations where = doc.locations(Optional.empty(), List.of());
    List<String> missing = new ArrayList<>();
    for (String path : FileSpec.inputPaths()) {
      boolean found = path.contains("*")
          ? req.workloads().stream().anyMatch(w -> where.has(keys(path.replace("*", "\u0000"), w.name())))
          : where.has(path.split("\\."));
      if (!found && !ALTERNATIVES.contains(path)) {
        missing.add(path);
      }
    }
    assertThat(missing).as("input keys every-figure.yaml lacks").isEmpty();
    assertThat(new String(bytes, UTF_8)).contains("payload: {fields:");
  }

  /** The keys of {@code path}, its workload's name in place of the marker. */
  private static String[] keys(String path, String workload) {
    String[] keys = path.split("\\.");
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals("\u0000")) {
        keys[i] = workload;
      }
    }
    return keys;
  }
}
