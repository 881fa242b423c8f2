package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} and {@code validate} as a CI job reads them: every problem at once, and why a budget fails. */
class CiCheckTest {
  /** 10M users posting 20,000 a day (over the 10,000 a day of a person), at 95% utilization: two warnings. */
  static final String WARNED = "users:\n  dau: 10M\nworkloads:\n  post:\n    writes_per_user: 20000/day\n"
      + "    payload: 2KB\ncapacity:\n  server_qps: 1K/s\n  utilization: 95%\nstorage:\n  retention: 1y\n";

  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, UTF_8);
    return p;
  }

  @Test
  void validateStrictReportsABadBudgetBesideEveryWarning() throws IOException {
    Path f = file("f.yaml", WARNED + "budgets:\n  capacity.server: \"<= 40\"\n");
    CliRun run = CliRun.run("validate", "--strict", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err().lines()).as(run.toString()).hasSize(3)
        .anySatisfy(l -> assertThat(l).startsWith(f + ":5:22: workloads.post.writes_per_user: 20 K a day per user"))
        .anySatisfy(l -> assertThat(l).startsWith(f + ":9:16: capacity.utilization: utilization 95%"))
        .anySatisfy(l -> assertThat(l).startsWith(f + ":13:20: budgets.capacity.server: no such figure"));
  }

  @Test
  void validateWithoutStrictPrintsTheWarningsBesideABadBudget() throws IOException {
    Path f = file("f.yaml", WARNED + "budgets:\n  capacity.server: \"<= 40\"\n");
    CliRun run = CliRun.run("validate", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains(f + ":13:20: budgets.capacity.server:", f + ":9:16: warning: capacity.utilization:");
  }

  @Test
  void checkStrictReportsABadBudgetAndTheWarningsTogether() throws IOException {
    Path f = file("f.yaml", WARNED + "budgets:\n  capacity.server: \"<= 40\"\n");
    CliRun run = CliRun.run("check", "--strict", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(3);
  }

  @Test
  void aBudgetPathOneTypoAwaySaysWhichFigureItMeant() throws IOException {
    Path f = file("f.yaml", WARNED + "budgets:\n  capacity.server: \"<= 40\"\n  storage.bytes_retaind: \"< 1PB\"\n");
    CliRun run = CliRun.run("check", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains(
        f + ":13:20: budgets.capacity.server: no such figure in the estimate (did you mean 'capacity.servers'?);"
            + " expected a figure path as printed by envelope estimate FILE -o json",
        f + ":14:26: budgets.storage.bytes_retaind: no such figure in the estimate"
            + " (did you mean 'storage.bytes_retained'?)");
  }

  @Test
  void aBudgetPathFarFromEveryFigureSuggestsNothing() throws IOException {
    Path f = file("f.yaml", WARNED + "budgets:\n  nothing.like.this: \"<= 40\"\n");
    CliRun run = CliRun.run("check", f.toString());
    assertThat(run.err()).contains("budgets.nothing.like.this: no such figure in the estimate (a figure is absent"
        + " when its inputs are)").doesNotContain("did you mean");
  }
}
