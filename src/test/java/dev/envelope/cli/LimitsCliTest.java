package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits and hostile arguments as the command line reports them. */
class LimitsCliTest {

  @Test
  void anOverflowPointsAtTheInputThatCausedIt() {
    // 1e250 users x 1e100 writes a day = 1e350 writes a day, past the largest double (1.8e308);
    // users.dau, the larger, is at line 1, column 14.
    String file = "users: {dau: 1e250}\nworkloads:\n  w: {writes_per_user: 1e100/day}\n";
    CliRun run = CliRun.run(file, Map.of(), false, "estimate", "-");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).as(run.toString()).isEqualTo("<stdin>:1:14: users.dau: too large: with"
        + " workloads.w.writes_per_user, it makes workloads.w.writes.avg_per_second overflow to infinity (past 1.8e308);"
        + " expected smaller values\n");
  }

  @Test
  void explainAndNapkinPointAtTheInputToo() {
    // 1e300 writes a second x 1e300 B = 1e600 B/s; workloads.upload.writes is at line 3, column 13.
    String file = "workloads:\n  upload:\n    writes: 1e300/s\n    payload: 1e300B\n";
    for (String[] args : new String[][] {{"explain", "-"}, {"estimate", "-", "--napkin"}, {"estimate", "-", "--explain"}}) {
      CliRun run = CliRun.run(file, Map.of(), false, args);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(run.toString()).startsWith("<stdin>:3:13: workloads.upload.writes: too large: with"
          + " workloads.upload.payload, it makes workloads.upload.ingress.avg_bytes_per_second overflow to infinity");
    }
  }

  @Test
  void anOverflowFromAnOverrideNamesTheOverride() {
    // 1.7e308 MAU x 50% x 2 tweets x 10 reads each = 1.7e309 reads a day: infinite.
    CliRun run = CliRun.run("", Map.of(), false, "qps", "examples/twitter.yaml", "--set", "users.mau=1.7e308");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).as(run.toString()).startsWith("--set users.mau=1.7e308: users.mau: too large:");
  }

  @Test
  void anOverflowInTheLatencyModelsIsADiagnosticNotACrash() {
    // Found by CliFuzzTest: a fan-out of 1e308 calls per request makes the calls a second and the
    // tail latency infinite; laying out the infinite latency as "inf ms" threw NumberFormatException.
    CliRun run = CliRun.run("sweep", "examples/search-service.yaml", "--vary", "workloads.search.fanout=1e308,1e307");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).as(run.toString()).startsWith("--vary workloads.search.fanout=1e308: workloads.search.fanout:"
        + " too large:");
    CliRun estimate = CliRun.run("estimate", "examples/search-service.yaml", "--set", "workloads.search.fanout=1e308");
    assertThat(estimate.exitCode()).as(estimate.toString()).isEqualTo(3);
    assertThat(estimate.err()).as(estimate.toString()).contains("workloads.search.fanout: too large:");
  }

  @Test
  void standardInputOverOneMebibyteIsRefused() {
    CliRun run = CliRun.run("#".repeat(1_048_577), Map.of(), false, "validate", "-");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).as(run.toString()).contains("<stdin>:1:1: the file is larger than 1 MiB");
  }

  @Test
  void anArgumentThatCannotBeAPathIsAnErrorNotACrash() {
    // Found by CliFuzzTest: Path.of threw InvalidPathException on a NUL character.
    CliRun sla = CliRun.run("sla", "t\u0000x");
    assertThat(sla.exitCode()).as(sla.toString()).isEqualTo(2);
    assertThat(sla.err()).as(sla.toString()).doesNotContain("internal error");
    CliRun shorthand = CliRun.run("a\u0000b");
    assertThat(shorthand.exitCode()).as(shorthand.toString()).isEqualTo(2);
    CliRun file = CliRun.run("estimate", "a\u0000b.yaml");
    assertThat(file.exitCode()).as(file.toString()).isEqualTo(4);
    // The NUL is shown escaped, as every control character in a message is.
    assertThat(file.err()).as(file.toString()).startsWith("envelope: a\\u0000b.yaml: cannot read:");
  }
}
