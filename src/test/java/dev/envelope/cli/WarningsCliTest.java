package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assumption checks on the command line: stderr, --strict, the JSON warnings array. */
class WarningsCliTest {
  /** A peak factor of 50 (line 2, column 39) is the one implausible input. */
  static final String PEAKY = "workloads:\n  post: {writes: 1M/day, peak_factor: 50, payload: 1KB}\n";
  static final String SOUND = "workloads:\n  post: {writes: 1M/day, peak_factor: 3, payload: 1KB}\n";

  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, UTF_8);
    return p;
  }

  @Test
  void aWarningGoesToStderrAndTheEstimateIsStillPrinted() throws IOException {
    Path f = file("req.yaml", PEAKY);
    CliRun run = CliRun.run("estimate", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Traffic");
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith(f + ":2:39: warning: workloads.post.peak_factor: a peak factor of 50 is over 20");
  }

  @Test
  void strictTurnsWarningsIntoErrors() throws IOException {
    Path f = file("req.yaml", PEAKY);
    CliRun run = CliRun.run("estimate", f.toString(), "--strict");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith(f + ":2:39: workloads.post.peak_factor: a peak factor of 50 is over 20");
  }

  @Test
  void strictAppliesToEveryCommandThatReadsAFile() throws IOException {
    Path f = file("req.yaml", PEAKY);
    Path sound = file("sound.yaml", SOUND);
    List<List<String>> commands = List.of(
        List.of("qps", f.toString()), List.of("storage", f.toString()), List.of("bandwidth", f.toString()),
        List.of("shards", f.toString()), List.of("estimate", f.toString(), "--scenarios"),
        List.of("estimate", f.toString(), "--get", "traffic.total.peak_per_second"),
        List.of("check", f.toString()), List.of("validate", f.toString()),
        List.of("sweep", f.toString(), "--vary", "users.dau=1M,2M"), List.of("diff", sound.toString(), f.toString()));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      CliRun lenient = CliRun.run(args.toArray(String[]::new));
      assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
      assertThat(lenient.err()).as(lenient.toString()).contains("warning: workloads.post.peak_factor");
      args.add("--strict");
      CliRun strict = CliRun.run(args.toArray(String[]::new));
      assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(3);
      assertThat(strict.err()).as(strict.toString()).contains(":2:39: workloads.post.peak_factor: ")
          .doesNotContain("warning:");
    }
  }

  @Test
  void jsonCarriesTheWarnings() throws IOException {
    Path f = file("req.yaml", PEAKY);
    CliRun run = CliRun.run("estimate", f.toString(), "-o", "json");
    JsonNode warnings = new ObjectMapper().readTree(run.out()).get("warnings");
    assertThat(warnings).hasSize(1);
    JsonNode w = warnings.get(0);
    assertThat(w.get("file").asText()).isEqualTo(f.toString());
    assertThat(w.get("line").asInt()).isEqualTo(2);
    assertThat(w.get("column").asInt()).isEqualTo(39);
    assertThat(w.get("path").asText()).isEqualTo("workloads.post.peak_factor");
    assertThat(w.get("message").asText()).startsWith("a peak factor of 50 is over 20");
  }

  @Test
  void aSoundFileIsSilentAndItsWarningsEmpty() throws IOException {
    Path f = file("req.yaml", SOUND);
    CliRun run = CliRun.run("estimate", f.toString(), "-o", "json", "--strict");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(new ObjectMapper().readTree(run.out()).get("warnings").isEmpty()).isTrue();
  }

  @Test
  void everyBundledExampleIsSilentInEveryScenario() throws IOException {
    List<String> files = new ArrayList<>();
    for (String folder : List.of("examples", "docs/examples")) {
      try (Stream<Path> paths = Files.list(Path.of(folder))) {
        paths.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> files.add(p.toString()));
      }
    }
    // The search service keeps one configuration service on purpose, to show the warning, and accepts
    // it by id (lint: {accept: [single-point-of-failure]}): without that, it is the one warning.
    String search = Files.readString(Path.of("examples/search-service.yaml"));
    assertThat(search).contains("lint:\n  accept: [single-point-of-failure]\n");
    CliRun unaccepted = CliRun.run(search.replace("lint:\n  accept: [single-point-of-failure]\n", ""), java.util.Map.of(),
        false, "validate", "-");
    assertThat(unaccepted.err().lines()).as(unaccepted.toString()).singleElement().asString()
        .startsWith("<stdin>:49:3: warning: availability.components.3: config is a single point")
        .endsWith("[single-point-of-failure]");
    assertThat(files).hasSizeGreaterThan(5);
    List<String> args = new ArrayList<>(List.of("validate", "--strict"));
    args.addAll(files);
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
  }

  @Test
  void aWarningOfOneScenarioNamesIt() throws IOException {
    Path f = file("req.yaml", SOUND + "scenarios:\n  spike: {traffic.peak_factor: 30}\n  calm: {users.dau: 1}\n");
    CliRun run = CliRun.run("estimate", f.toString(), "--scenarios");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    // The workload's own factor (3) wins over the file's, so the override changes nothing: no warning of
    // the peak factor's size, but one that it has no effect (and users.dau, with absolute rates, neither)...
    assertThat(run.err().lines()).hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith(f + ":4:32: warning: traffic.peak_factor: changes no figure")
            .endsWith("(in scenario spike) [no-effect]"))
        .anySatisfy(l -> assertThat(l).startsWith(f + ":5:21: warning: users.dau: changes no figure")
            .endsWith("(in scenario calm) [no-effect]"));
    Path g = file("g.yaml", "workloads: {post: {writes: 1M/day}}\nscenarios:\n  spike: {traffic.peak_factor: 30}\n");
    CliRun spike = CliRun.run("estimate", g.toString(), "--scenarios");
    // ... without one, the scenario's factor applies, and the warning says which scenario has it.
    assertThat(spike.err().lines()).singleElement().asString()
        .startsWith(g + ":3:32: warning: traffic.peak_factor: a peak factor of 30 is over 20")
        .endsWith("(in scenario spike) [peak-factor-high]");
  }

  @Test
  void validateListsWarningsButStaysValidUnlessStrict() throws IOException {
    Path f = file("req.yaml", PEAKY);
    CliRun run = CliRun.run("validate", f.toString(), "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode file = new ObjectMapper().readTree(run.out()).get("files").get(0);
    assertThat(file.get("valid").asBoolean()).isTrue();
    assertThat(file.get("warnings").get(0).get("path").asText()).isEqualTo("workloads.post.peak_factor");
    CliRun strict = CliRun.run("validate", f.toString(), "-o", "json", "--strict");
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(3);
    JsonNode invalid = new ObjectMapper().readTree(strict.out()).get("files").get(0);
    assertThat(invalid.get("valid").asBoolean()).isFalse();
    assertThat(invalid.get("diagnostics").get(0).get("path").asText()).isEqualTo("workloads.post.peak_factor");
  }

  @Test
  void aWorkloadWithNeitherReadsNorWritesIsStillAnError() throws IOException {
    // The reader refuses it (exit 3); the checks only warn about rates that are all zero.
    Path f = file("req.yaml", "workloads: {post: {payload: 1KB}}\n");
    CliRun run = CliRun.run("estimate", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("workloads.post: no write or read rate");
  }
}
