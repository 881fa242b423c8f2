package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Command-line values as messages quote them: cut as a value of a file is (its start and its
 * length), whatever option or argument carries them; and values at the edges of a double, which
 * are clean errors.
 */
class BoundedMessagesCliTest {
  /** 120 KB: the command line takes it (Linux allows 128 KB an argument), a terminal should not. */
  private static final String HUGE = "x".repeat(120_000);
  /** How Diagnostic.got quotes HUGE. */
  private static final String CUT = "x".repeat(40) + "... (120,000 characters)";
  private static final String FILE = "examples/twitter.yaml";

  static List<List<String>> commandLines() {
    return List.of(
        List.of("estimate", FILE, "--set", "users.dau=" + HUGE),
        List.of("estimate", FILE, "--set", HUGE),
        List.of("estimate", FILE, "--set", "workloads." + HUGE + "=1"),
        List.of("estimate", FILE, "--get", HUGE),
        List.of("estimate", FILE, "--scenario", HUGE),
        List.of("estimate", FILE, "--percentiles", HUGE),
        List.of("estimate", FILE, "--samples", HUGE),
        List.of("estimate", FILE, "--seed", HUGE),
        List.of("estimate", FILE, "--seed=" + HUGE),
        List.of("estimate", FILE, "-o", HUGE),
        List.of("estimate", FILE, "--" + HUGE),
        List.of("estimate", FILE, HUGE),
        List.of("estimate", FILE, "--histogram", HUGE),
        List.of("estimate", HUGE),
        List.of("estimate", HUGE + ".yaml"),
        List.of(HUGE),
        List.of("sla", HUGE),
        List.of("sla", "1" + HUGE + "%"),
        List.of("sla", "--downtime", HUGE),
        List.of("sla", "--downtime", "4h", "--per", HUGE),
        List.of("sla", "--calendar", HUGE),
        List.of("sweep", FILE, "--vary", "users.dau=" + HUGE),
        List.of("sweep", FILE, "--vary", "users.dau=1," + HUGE),
        List.of("sweep", FILE, "--vary", HUGE),
        List.of("sweep", FILE, "--vary", "users.dau=1,2", "--show", HUGE),
        List.of("sensitivity", "examples/photo-launch.yaml", "--percentiles", HUGE),
        List.of("diff", FILE, FILE, "--fail-over", HUGE),
        List.of("explain", FILE, HUGE),
        List.of("reference", HUGE),
        List.of("keyspace", "--alphabet", HUGE, "--length", "3"),
        List.of("keyspace", "--characters", HUGE, "--length", "3"),
        List.of("keyspace", "--bits", HUGE),
        List.of("keyspace", "--alphabet", "62", "--keys", HUGE),
        List.of("keyspace", "--alphabet", "62", "--length", "3", "--rate", HUGE),
        List.of("init", "--example", HUGE),
        List.of("init", "x".repeat(5_000) + ".yaml"));
  }

  @Test
  void noCommandLineEchoesAHugeArgumentWhole() {
    for (List<String> args : commandLines()) {
      CliRun run = CliRun.run(args.toArray(String[]::new));
      String shown = args.stream().map(a -> a.length() > 200 ? a.substring(0, 20) + "...(" + a.length() + ")" : a)
          .toList().toString();
      assertThat(run.exitCode()).as(shown).isIn(2, 3, 4);
      // Was the whole 120 KB, once or twice.
      assertThat(run.err().length()).as(shown + "\n" + run.err().substring(0, Math.min(300, run.err().length())))
          .isLessThan(1_000);
      assertThat(run.err()).as(shown).doesNotContain("internal error");
    }
  }

  @Test
  void aHugeOverrideIsQuotedByItsStartAndLength() {
    CliRun run = CliRun.run("estimate", FILE, "--set", "users.dau=" + HUGE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("--set users.dau=xxxxxxxxxxxxxxxxxxxxxxxx... (120,016 characters): users.dau: not a"
        + " count (got '" + CUT + "'); expected a number, optionally with K, M, bn (or B) or T (thousand to trillion), e.g."
        + " 150M\n");
  }

  @Test
  void picocliMessagesQuoteAHugeValueByItsStartAndLength() {
    CliRun run = CliRun.run("estimate", FILE, "-o", HUGE);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("envelope: Invalid value for option '--output': expected one of [table, json, yaml,"
        + " markdown, csv, mermaid, dot] (case-insensitive) but was '" + CUT + "'\nTry 'envelope estimate --help' for usage.\n");
    CliRun unknown = CliRun.run("estimate", FILE, "--" + HUGE);
    assertThat(unknown.err()).startsWith("envelope: Unknown option: '--" + "x".repeat(38) + "... (120,002 characters)'");
  }

  @Test
  void aKeyLongerThanAFileAllowsIsRefusedInAnOverride() {
    CliRun run = CliRun.run("estimate", FILE, "--set", "workloads." + "k".repeat(257) + ".writes=1/s");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).endsWith(": a key of 257 characters in the path; expected keys of at most 256\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-2147483647%", "1e2147483647%", "1e-2147483648%", "1e+2147483648%", "9e999999999%",
      "1e-2147483647", "1e-400"})
  void slaTargetsAtTheEdgeOfADoubleAreCommandLineErrors(String target) {
    // 1e-2147483647% was an internal error (ArithmeticException: Underflow).
    CliRun run = CliRun.run("sla", target);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).startsWith("envelope: sla: number is too")
        .contains("(got '" + target + "'); expected a target strictly between 0 and 100%");
  }

  @Test
  void anSlaTargetThatRoundsTo100PercentSaysSo() {
    CliRun run = CliRun.run("sla", "99.99999999999999999999%");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("envelope: sla: too close to 100% for a double (it rounds to 100%) (got"
        + " '99.99999999999999999999%')");
  }

  @Test
  void aDowntimeSoShortThatTheTargetRoundsTo100PercentIsRefused() {
    // 1e-10 s of a 2,592,000 s month: 1 - 3.9e-17 is 1.0 as a double. Was an internal error
    // (NumberFormatException) when the nines were laid out. The shortest that reads is a month
    // x 2^-53 = 2.88e-10 s, to three figures.
    CliRun run = CliRun.run("sla", "--downtime", "1e-10s");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("envelope: --downtime 1e-10s: too short for a month (30 d): the target would"
        + " round to 100%; expected at least 0.000000000288 s per month\n");
    CliRun enough = CliRun.run("sla", "--downtime", "0.000000000288s");
    assertThat(enough.exitCode()).as(enough.toString()).isZero();
    CliRun hour = CliRun.run("sla", "--downtime", "1e-300s", "--per", "hour");
    assertThat(hour.exitCode()).as(hour.toString()).isEqualTo(2);
  }

  @Test
  void aDowntimeBeyondADoubleIsACommandLineError() {
    CliRun run = CliRun.run("sla", "--downtime", "1e-2147483647s");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("envelope: Invalid value for option '--downtime': '1e-2147483647s': number is too close to zero");
  }

  @Test
  void aRateSoSlowThatTheKeysOutlastADoubleIsRefused() {
    // 2^1023 keys at one a year: 2.8e315 s, infinite as a double. Was an internal error
    // (NumberFormatException). At 0.5 keys a second the keys last 2^1024 s, still infinite: the
    // message asks for a hair more, 0.501.
    CliRun run = CliRun.run("keyspace", "--bits", "1023", "--rate", "1/year");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("envelope: --rate 1/year: too slow for this key space: the keys would last past"
        + " 1.8e308 seconds; expected a rate of at least 0.501/s, or fewer keys\n");
    assertThat(CliRun.run("keyspace", "--bits", "1023", "--rate", "0.501/s").exitCode()).isZero();
    assertThat(CliRun.run("keyspace", "--bits", "1023", "--rate", "0.5/s").exitCode()).isEqualTo(2);
  }

  @Test
  void failOverAtTheEdgeOfADoubleIsACommandLineError() {
    CliRun run = CliRun.run("diff", FILE, FILE, "--fail-over", "1e-2147483647%");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("envelope: --fail-over 1e-2147483647%: number is too close to zero");
  }

  @Test
  void aBudgetLimitAtTheEdgeOfADoubleIsAProblemInTheFile() {
    String file = "workloads: {a: {writes: 1/s}}\nbudgets: {traffic.total.peak_per_second: \"<= 1e-2147483647\"}\n";
    CliRun run = CliRun.run(file, Map.of(), false, "check", "-");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).startsWith("<stdin>:2:42: budgets.traffic.total.peak_per_second: number is too close to zero"
        + " for a double (under 1e-307, other than 0) (got '1e-2147483647'); expected a rate");
  }

  @Test
  void aScenarioValueAtTheEdgeOfADoubleIsAProblemInTheFile() {
    String file = "workloads: {a: {writes: 1/s}}\nscenarios: {s: {traffic.peak_factor: 1e-2147483647}}\n";
    CliRun run = CliRun.run(file, Map.of(), false, "estimate", "-", "--scenarios");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).startsWith("<stdin>:2:38: traffic.peak_factor: number is too close to zero");
  }

  @Test
  void percentilesReadAsTheNumbersOfAFile() {
    // Double.parseDouble took Java's own literals: 0x1p3 (8) and 5d (5).
    for (String p : List.of("0x1p3", "5d", "5f")) {
      CliRun estimate = CliRun.run("estimate", "examples/photo-launch.yaml", "--percentiles", p + ",50");
      assertThat(estimate.exitCode()).as(estimate.toString()).isEqualTo(2);
      CliRun sensitivity = CliRun.run("sensitivity", "examples/photo-launch.yaml", "--percentiles", p + ",50");
      assertThat(sensitivity.exitCode()).as(sensitivity.toString()).isEqualTo(2);
    }
    assertThat(CliRun.run("sensitivity", "examples/photo-launch.yaml", "--percentiles", "p5,95").exitCode()).isZero();
  }

  @Test
  void standardInputGivenTwiceIsRefused() {
    // The second - read nothing and reported an empty file.
    CliRun run = CliRun.run("workloads: {a: {writes: 1/s}}\n", Map.of(), false, "validate", "-", "-");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("envelope: validate: - (standard input) is given more than once; expected it at"
        + " most once\n");
    assertThat(run.out()).isEmpty();
    CliRun diff = CliRun.run("workloads: {a: {writes: 1/s}}\n", Map.of(), false, "diff", "-", "-");
    assertThat(diff.exitCode()).isEqualTo(2);
    assertThat(diff.err()).isEqualTo("envelope: diff: OLD and NEW are both standard input; expected at most one -\n");
  }
}
