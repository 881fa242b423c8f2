package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import dev.envelope.diagnostic.WarningId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings carry stable ids, and a file accepts the ones it knows of with lint: {accept: [...]}. */
class WarningIdsTest {
  /** Utilization 95% (over 90%) and 20,000 posts a day per user (over 10,000): two warnings. */
  static final String TWO = "users:\n  dau: 10M\nworkloads:\n  post:\n    writes_per_user: 20000/day\n"
      + "    payload: 2KB\ncapacity:\n  server_qps: 1K/s\n  utilization: 95%\n";

  @TempDir Path dir;

  Path file(String text) throws IOException {
    Path p = dir.resolve("f.yaml");
    Files.writeString(p, text, UTF_8);
    return p;
  }

  @Test
  void aWarningEndsWithItsIdAndJsonGivesIt() throws IOException {
    Path f = file(TWO);
    CliRun run = CliRun.run("estimate", f.toString(), "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err().lines()).containsExactly(
        f + ":5:22: warning: workloads.post.writes_per_user: 20 K a day per user is over 10,000: one request every"
            + " 4.32 s, day and night, from every daily user; check the unit (per day, not per hour?), or whether"
            + " 20000/day is the whole system's rate (then write writes: 20000/day) [rate-per-user-high]",
        f + ":9:16: warning: capacity.utilization: utilization 95% leaves 5% headroom: queueing delay grows as"
            + " 1 / (1 - utilization) (20 service times here), and losing one node overloads the others; plan for at"
            + " most 90% (70% is the default) [utilization-high]");
    JsonNode warnings = new ObjectMapper().readTree(run.out()).get("warnings");
    assertThat(warnings.get(0).get("id").asText()).isEqualTo("rate-per-user-high");
    assertThat(warnings.get(1).get("id").asText()).isEqualTo("utilization-high");
    // The message stays as it was: the id has a key of its own.
    assertThat(warnings.get(1).get("message").asText()).endsWith("(70% is the default)");
  }

  @Test
  void strictNamesTheIdSoThatItCanBeAccepted() throws IOException {
    Path f = file(TWO);
    CliRun run = CliRun.run("validate", "--strict", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err().lines()).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("warning:"))
        .anySatisfy(l -> assertThat(l).endsWith("[utilization-high]"));
  }

  @Test
  void anAcceptedWarningIsSilentAndStrictFailsOnlyOnTheOthers() throws IOException {
    Path f = file(TWO + "lint:\n  accept: [utilization-high]\n");
    CliRun run = CliRun.run("validate", "--strict", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err().lines()).singleElement().asString().endsWith("[rate-per-user-high]");
    Path both = file(TWO + "lint: {accept: [utilization-high, rate-per-user-high]}\n");
    CliRun quiet = CliRun.run("validate", "--strict", both.toString());
    assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
    assertThat(quiet.err()).isEmpty();
    CliRun json = CliRun.run("estimate", both.toString(), "-o", "json");
    assertThat(json.err()).isEmpty();
    assertThat(json.out()).contains("\"warnings\": []");
  }

  @Test
  void anUnknownIdIsAProblemAtItsPlaceWithASuggestion() throws IOException {
    Path f = file(TWO + "lint:\n  accept: [utilisation-high, 3]\n  acept: x\n");
    CliRun run = CliRun.run("validate", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err().lines()).containsExactly(
        f + ":11:12: lint.accept[0]: unknown warning id (did you mean 'utilization-high'?) (got 'utilisation-high');"
            + " expected one of: " + String.join(", ", WarningId.ids()),
        f + ":11:30: lint.accept[1]: unknown warning id (got '3'); expected one of: " + String.join(", ", WarningId.ids()),
        f + ":12:3: lint.acept: unknown key (did you mean 'accept'?); expected accept");
  }

  @Test
  void lintOfTheWrongShapeIsAProblem() throws IOException {
    CliRun list = CliRun.run("validate", file(TWO + "lint: [utilization-high]\n").toString());
    assertThat(list.exitCode()).isEqualTo(3);
    assertThat(list.err()).contains("lint: got a list; expected lint: {accept: [single-point-of-failure]}");
    CliRun text = CliRun.run("validate", file(TWO + "lint: {accept: utilization-high}\n").toString());
    assertThat(text.err()).contains("lint.accept: got 'utilization-high'; expected a list of warning ids");
  }

  @Test
  void anOverrideCannotChangeLint() throws IOException {
    CliRun run = CliRun.run("estimate", file(TWO).toString(), "--set", "lint.accept=utilization-high");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("an override cannot change lint");
  }

  @Test
  void everyIdIsListedInTheErrorsPage() throws IOException {
    String errors = Files.readString(Path.of("docs/errors.md"));
    for (WarningId id : WarningId.values()) {
      assertThat(errors).contains("| `" + id.id() + "` | " + id.meaning() + " |");
    }
  }
}
