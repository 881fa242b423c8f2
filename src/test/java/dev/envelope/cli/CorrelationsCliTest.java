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
}
