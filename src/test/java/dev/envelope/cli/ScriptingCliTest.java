package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What scripts ask for: several --get, paths, sweep's numbers, diff --label, --require-budgets, keyspace FILE. */
class ScriptingCliTest {

  @Test
  void severalGetsPrintOneValueALineInTheOrderGiven() {
    // Xu, ch. 2: 150M DAU; 150M x 2 / 86,400 s = 3,472 writes/s, x 2 at peak = 6,944.
    CliRun run = CliRun.run("estimate", "examples/twitter.yaml", "--get", "users.dau", "--get",
        "workloads.tweet.writes.peak_per_second");
    assertThat(run.out()).isEqualTo("150000000\n6944.44444444\n");
    // A bad path anywhere prints nothing: every path is checked first.
    CliRun bad = CliRun.run("estimate", "examples/twitter.yaml", "--get", "users.dau", "--get", "users.nope");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(CliRun.run("sweep", "examples/twitter.yaml", "--vary", "users.dau=1M,2M", "--get", "users.dau",
        "--get", "capacity.servers").exitCode()).isEqualTo(2);
  }

  @Test
  void pathsListsEveryFigureWithItsUnitAndEachGetsAValue() {
    CliRun run = CliRun.run("paths", "examples/url-shortener.yaml");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("storage.objects_retained\tcount\n", "bandwidth.egress.peak_bytes_per_second\tB/s\n",
        "traffic.total.peak_per_second\t/s\n");
    for (String line : run.out().lines().toList()) {
      String path = line.substring(0, line.indexOf('\t'));
      assertThat(CliRun.run("estimate", "examples/url-shortener.yaml", "--get", path).exitCode()).as(path).isZero();
    }
  }

  @Test
  void sweepJsonGivesEachInputAsANumberBesideItsText() {
    CliRun run = CliRun.run("sweep", "examples/twitter.yaml", "--vary", "cache.hot_fraction=10%", "--vary",
        "workloads.tweet.payload=1KB", "-o", "json");
    assertThat(run.out()).contains("\"inputs\": {\n        \"cache.hot_fraction\": \"10%\"")
        .contains("\"cache.hot_fraction\": {\n          \"value\": 0.1,\n          \"unit\": \"fraction\"")
        .contains("\"workloads.tweet.payload\": {\n          \"value\": 1000,\n          \"unit\": \"B\"");
  }

  @Test
  void diffLabelNamesPipedSides() throws Exception {
    String v1 = Files.readString(Path.of("docs/examples/photos-v1.yaml"), StandardCharsets.UTF_8);
    CliRun run = CliRun.run(v1, Map.of(), false, "diff", "--label", "main", "work", "-",
        "docs/examples/photos-v2.yaml", "-o", "json");
    assertThat(run.out()).contains("\"old\": \"main\"", "\"new\": \"work\"");
  }

  @Test
  void requireBudgetsFailsAFileWithoutThem() {
    CliRun none = CliRun.run("check", "examples/twitter.yaml", "--require-budgets");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("has no budgets, and --require-budgets asks for some");
    assertThat(CliRun.run("check", "examples/twitter.yaml").exitCode()).isZero();
    assertThat(CliRun.run("check", "examples/photo-launch.yaml", "--require-budgets").exitCode()).isZero();
  }

  @Test
  void keyspaceTakesItsKeysFromTheFilesRetainedObjects() {
    // Grokking, URL shortener: 500M new URLs a month for 5 years = 30 billion; base62 of length 6 holds 56.8 billion.
    CliRun run = CliRun.run("keyspace", "examples/url-shortener.yaml", "--alphabet", "base62");
    assertThat(run.out()).contains("keys issued        30 bn   storage.objects_retained of examples/url-shortener.yaml");
    assertThat(CliRun.run("keyspace", "examples/url-shortener.yaml", "--alphabet", "base62", "--get", "length").out())
        .isEqualTo("6\n");
    assertThat(CliRun.run("keyspace", "examples/url-shortener.yaml", "--keys", "1M", "--alphabet", "62").exitCode())
        .isEqualTo(2);
  }

  @Test
  void theSchemaHasAnId() {
    assertThat(CliRun.run("schema").out()).contains("\"$id\": \"urn:dev.envelope:requirements:v1\"");
  }
}
