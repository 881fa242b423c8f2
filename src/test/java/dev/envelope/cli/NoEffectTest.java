package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --set, --vary or scenario value that changes no figure is a warning (no-effect). */
class NoEffectTest {
  /** An absolute rate and a workload's own peak factor: users.dau and traffic.peak_factor change nothing. */
  static final String ABSOLUTE = "users:\n  dau: 1M\nworkloads:\n  post:\n    writes: 1M/day\n    payload: 1KB\n"
      + "    peak_factor: 3\n";

  @TempDir Path dir;

  Path file(String text) throws IOException {
    Path p = dir.resolve("f.yaml");
    Files.writeString(p, text, UTF_8);
    return p;
  }

  @Test
  void aVariedInputThatChangesNothingIsOneWarning() throws IOException {
    CliRun run = CliRun.run("sweep", file(ABSOLUTE).toString(), "--vary", "users.dau=1M,2M,3M");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err().lines()).containsExactly("--vary users.dau: warning: users.dau: changes no figure: the"
        + " estimate does not use users.dau here (a workload's own value, an absolute rate or an absent section takes"
        + " its place); check the path, or drop the override [no-effect]");
  }

  @Test
  void aSetOverriddenByAWorkloadsOwnValueIsAWarningAndStrictFailsOnIt() throws IOException {
    Path f = file(ABSOLUTE);
    CliRun run = CliRun.run("estimate", f.toString(), "--set", "traffic.peak_factor=4");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).startsWith("--set traffic.peak_factor=4: warning: traffic.peak_factor: changes no figure");
    CliRun strict = CliRun.run("estimate", f.toString(), "--set", "traffic.peak_factor=4", "--strict");
    assertThat(strict.exitCode()).isEqualTo(3);
    assertThat(strict.out()).isEmpty();
  }

  @Test
  void aScenarioValueThatChangesNothingIsWarnedAtItsPlace() throws IOException {
    Path f = file(ABSOLUTE + "scenarios:\n  big: {users.dau: 5M, workloads.post.writes: 2M/day}\n");
    CliRun run = CliRun.run("validate", f.toString());
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith(f + ":9:20: warning: users.dau: changes no figure")
        .endsWith("(in scenario big) [no-effect]");
  }

  @Test
  void anInputThatMovesAFigureIsNotWarned() throws IOException {
    Path f = file(ABSOLUTE);
    assertThat(CliRun.run("estimate", f.toString(), "--set", "workloads.post.payload=2KB").err()).isEmpty();
    assertThat(CliRun.run("estimate", "examples/twitter.yaml", "--set", "users.dau=1M").err()).isEmpty();
    assertThat(CliRun.run("sweep", "examples/twitter.yaml", "--vary", "users.dau=1M,2M").err()).isEmpty();
    // The name changes the title, not a figure, and is not warned about either.
    assertThat(CliRun.run("estimate", f.toString(), "--set", "name=Other").err()).isEmpty();
  }

  @Test
  void theFileCanAcceptIt() throws IOException {
    Path f = file(ABSOLUTE + "lint: {accept: [no-effect]}\n");
    CliRun run = CliRun.run("sweep", f.toString(), "--vary", "users.dau=1M,2M", "--strict");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
  }
}
