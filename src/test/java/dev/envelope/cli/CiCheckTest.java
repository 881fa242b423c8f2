package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /**
   * 10M users x 20,000 posts a day / 86,400 s x peak 2 = 4,629,630/s at peak; at 1K/s and 95%,
   * ceil(4,873.3) = 4,874 servers, 122x the 40 allowed; 1M users, 488 servers, 12.2x (-1,120%).
   */
  @Test
  void aFailingBudgetShowsItsValueTheInputsBehindItAndTheCommandToRunNext() throws IOException {
    Path f = file("f.yaml", WARNED + "budgets:\n  capacity.servers: \"<= 40\"\n"
        + "scenarios:\n  small: {users.dau: 1M}\n");
    CliRun run = CliRun.run("check", f.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("\nFailing budgets\n"
        + "  capacity.servers in the base: 4,874, against <= 40; margin -4,834 (122x over)\n"
        + "    inputs that move it most: none: no input varies, the file has no ranges\n"
        + "    next: envelope explain " + f + " capacity.servers\n"
        + "  capacity.servers in scenario small: 488, against <= 40; margin -448 (12.2x over)\n"
        + "    inputs that move it most: none: no input varies, the file has no ranges\n"
        + "    next: envelope explain " + f + " capacity.servers --scenario small\n");
    // The command it names runs, and shows the figure's working.
    CliRun next = CliRun.run("explain", f.toString(), "capacity.servers", "--scenario", "small");
    assertThat(next.exitCode()).as(next.toString()).isZero();
    assertThat(next.out()).contains("capacity.servers");
  }

  @Test
  void theInputsNamedAreTheTopOfTheSensitivityRanking() throws IOException {
    CliRun run = CliRun.run("check", "examples/photo-launch.yaml", "--set", "capacity.server_qps=100", "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    JsonNode failed = new ObjectMapper().readTree(run.out()).get("budgets").get(0);
    assertThat(failed.get("path").asText()).isEqualTo("capacity.servers");
    assertThat(failed.get("passed").asBoolean()).isFalse();
    assertThat(failed.get("point_value").asDouble()).isLessThan(failed.get("actual").asDouble());
    JsonNode why = failed.get("why");
    assertThat(why.get("explain").asText()).isEqualTo("envelope explain examples/photo-launch.yaml capacity.servers");
    CliRun sensitivity = CliRun.run("sensitivity", "examples/photo-launch.yaml", "--set", "capacity.server_qps=100",
        "--figure", "capacity.servers", "-o", "json");
    assertThat(sensitivity.exitCode()).as(sensitivity.toString()).isZero();
    List<String> ranked = new ArrayList<>();
    new ObjectMapper().readTree(sensitivity.out()).get("inputs").forEach(i -> ranked.add(i.get("input").asText()));
    List<String> drivers = new ArrayList<>();
    why.get("drivers").forEach(d -> drivers.add(d.get("input").asText()));
    assertThat(drivers).hasSize(3).isEqualTo(ranked.subList(0, 3));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void failIsRedOnlyWhenColourIsOn() throws IOException {
    Path f = file("f.yaml", WARNED + "budgets:\n  capacity.servers: \"<= 40\"\n");
    CliRun terminal = CliRun.run("", Map.of(), true, "check", f.toString());
    assertThat(terminal.out()).contains("\u001b[1;31mFAIL\u001b[0m");
    CliRun piped = CliRun.run("", Map.of(), false, "check", f.toString());
    assertThat(piped.out()).contains("FAIL").doesNotContain("\u001b");
    CliRun noColor = CliRun.run("", Map.of("NO_COLOR", "1"), true, "check", f.toString());
    assertThat(noColor.out()).doesNotContain("\u001b");
  }

  @Test
  void aMarginPast1000PercentIsAFactor() throws IOException {
    // 4.63M/s at peak against 50/s: 4,629,630 / 50 = 92,593, shown to three figures.
    Path f = file("f.yaml", WARNED + "budgets:\n  traffic.total.peak_per_second: \"< 50\"\n"
        + "  storage.bytes_retained: \"> 1GB\"\n");
    CliRun run = CliRun.run("check", f.toString());
    assertThat(run.out()).contains("(92,600x over)").doesNotContain("00000%");
    // 10M x 20,000 x 2 KB x 365 = 146 PB retained, far past a lower bound of 1 GB: passes, as a factor.
    assertThat(run.out()).contains("(146,000,000x the limit)");
  }
}
