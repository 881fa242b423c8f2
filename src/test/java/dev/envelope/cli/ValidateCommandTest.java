package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  static final String GOOD = "workloads: {post: {writes: 5/s, payload: 1KB}}\n";

  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, UTF_8);
    return p;
  }

  @Test
  void validFilesAreListedOnStdoutAndExitZero() throws IOException {
    Path a = file("a.yaml", GOOD);
    Path b = file("b.json", "{\"workloads\": {\"post\": {\"reads\": \"1K/s\"}}}");
    CliRun run = CliRun.run("validate", a.toString(), b.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(a + ": valid\n" + b + ": valid\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void everyProblemInEveryFileIsReportedAtOnce() throws IOException {
    Path a = file("a.yaml", "workloads:\n  post: {writes: 5, paylod: 1KB}\n");
    Path b = file("b.yaml", "users: {dau: -1}\nworkloads: {post: {writes_per_user: 2/day}}\n");
    CliRun run = CliRun.run("validate", a.toString(), b.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly(
        a + ":2:18: workloads.post.writes: an absolute rate needs its unit (got '5'); expected a rate such as"
            + " 2/day or 500M/month, with the unit /s, /min, /h, /day, /week, /month or /year",
        a + ":2:21: workloads.post.paylod: unknown key (did you mean 'payload'?); expected one of:"
            + " writes_per_user, writes, reads_per_user, reads, read_write_ratio, payload, read_size, peak_factor,"
            + " latency, service_cv, fanout, call_latency, hedge_after, stream, connections, fanout_on_write,"
            + " cdn, cache",
        b + ":1:14: users.dau: a count cannot be negative (got '-1'); expected a count such as 150M");
  }

  @Test
  void everyScenarioIsCheckedAndEachProblemReportedOnce() throws IOException {
    Path a = file("a.yaml", GOOD + "scenarios:\n  peak: {traffic.peak_factor: 0}\n  big: {workloads.post.payload: 1XB}\n");
    CliRun run = CliRun.run("validate", a.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err().lines()).hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith(a + ":3:31: traffic.peak_factor: must be positive"))
        .anySatisfy(l -> assertThat(l).startsWith(a + ":4:33: workloads.post.payload: unknown size unit 'XB'"));
  }

  @Test
  void aResultTooLargeToComputeIsAProblem() throws IOException {
    Path a = file("a.yaml", "workloads: {a: {writes: 1e300/s, payload: 1e300B}}\n");
    CliRun run = CliRun.run("validate", a.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("workloads.a.writes: too large: with workloads.a.payload, it makes"
        + " workloads.a.ingress.avg_bytes_per_second overflow to infinity");
  }

  @Test
  void anUnreadableFileExitsFourAfterTheOthersAreChecked() throws IOException {
    Path bad = file("bad.yaml", "workloads: {}\n");
    Path good = file("good.yaml", GOOD);
    CliRun run = CliRun.run("validate", dir.resolve("missing.yaml").toString(), bad.toString(), good.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.out()).isEqualTo(good + ": valid\n");
    assertThat(run.err().lines()).containsExactly(
        "envelope: " + dir.resolve("missing.yaml") + ": no such file",
        bad + ":1:1: workloads: no workload; expected at least one, e.g. tweet: {writes_per_user: 2/day}");
  }

  @Test
  void jsonListsEachFileWithItsDiagnostics() throws IOException {
    Path a = file("a.yaml", "workloads:\n  post: {writes: 5}\n");
    Path good = file("good.yaml", GOOD);
    CliRun run = CliRun.run("validate", "-o", "json", good.toString(), a.toString(), dir.resolve("no.yaml").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("schema").asText()).isEqualTo("envelope.validate/v1");
    assertThat(json.get("files")).hasSize(3);
    assertThat(json.at("/files/0/valid").asBoolean()).isTrue();
    assertThat(json.at("/files/0/diagnostics")).isEmpty();
    JsonNode d = json.at("/files/1/diagnostics/0");
    assertThat(json.at("/files/1/valid").asBoolean()).isFalse();
    assertThat(d.get("file").asText()).isEqualTo(a.toString());
    assertThat(d.get("line").asInt()).isEqualTo(2);
    assertThat(d.get("column").asInt()).isEqualTo(18);
    assertThat(d.get("path").asText()).isEqualTo("workloads.post.writes");
    assertThat(d.get("message").asText()).startsWith("an absolute rate needs its unit (got '5')");
    JsonNode missing = json.at("/files/2/diagnostics/0");
    assertThat(missing.get("message").asText()).isEqualTo("no such file");
    assertThat(missing.has("line")).as("an unreadable file has no line").isFalse();
  }

  @Test
  void theSameFilesGiveTheSameBytes() throws IOException {
    Path a = file("a.yaml", "workloads:\n  post: {writes: 5, paylod: 1KB}\n");
    CliRun first = CliRun.run("validate", "-o", "json", a.toString());
    CliRun second = CliRun.run("validate", "-o", "json", a.toString());
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(second.err()).isEqualTo(first.err());
  }
}
