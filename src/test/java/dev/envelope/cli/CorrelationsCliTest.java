package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code correlations} as the estimate shows them, and as the command line refuses them. */
class CorrelationsCliTest {
  private static final String FILE = """
      users:
        dau: 8M to 12M
      workloads:
        upload:
          writes_per_user: 0.5/day to 2/day
      correlations:
        - {inputs: [users.dau, workloads.upload.writes_per_user], rank: %s}
      """;

  @TempDir
  Path dir;

  private String write(String rank) throws IOException {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, FILE.formatted(rank));
    return f.toString();
  }

  @Test
  void theRangesBlockAndTheJsonNameThePair() throws IOException {
    String file = write("0.6");
    CliRun table = CliRun.run("estimate", file);
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains(
        "users.dau and workloads.upload.writes_per_user move together: rank correlation 0.6");
    CliRun json = CliRun.run("estimate", file, "--get", "monte_carlo.inputs.users.dau.correlated_with.input");
    assertThat(json.out().strip()).isEqualTo("workloads.upload.writes_per_user");
    CliRun rank = CliRun.run("estimate", file, "--get",
        "monte_carlo.inputs.workloads.upload.writes_per_user.correlated_with.rank");
    assertThat(rank.out().strip()).isEqualTo("0.6");
    // Same input, same bytes.
    assertThat(CliRun.run("estimate", file, "-o", "json").out()).isEqualTo(CliRun.run("estimate", file, "-o", "json").out());
  }

  @Test
  void aRankOutsideMinusOneToOneExitsWithThree() throws IOException {
    String file = write("1.5");
    CliRun run = CliRun.run("estimate", file);
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains(file + ":7:67: correlations[0].rank: got '1.5'; expected a rank correlation"
        + " from -1 to 1");
  }

  @Test
  void anOverrideThatFixesAnInputOfAPairLeavesThePairOut() throws IOException {
    // A sweep gives users.dau one value a row, as --set and a scenario do: nothing to correlate.
    String file = write("0.6");
    CliRun sweep = CliRun.run("sweep", file, "--vary", "users.dau=5M,10M");
    assertThat(sweep.exitCode()).as(sweep.err()).isZero();
    CliRun set = CliRun.run("estimate", file, "--set", "users.dau=10M");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).doesNotContain("move together");
    // Written as one value in the file itself, it is still refused where it is written.
    Path f = dir.resolve("flat.yaml");
    Files.writeString(f, FILE.formatted("0.6").replace("dau: 8M to 12M", "dau: 10M"));
    CliRun flat = CliRun.run("estimate", f.toString());
    assertThat(flat.exitCode()).isEqualTo(3);
    assertThat(flat.err()).contains("'users.dau' is not written as a range");
  }
}
