package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import org.junit.jupiter.api.Test;

/** Units a person reads: a billion as bn, napkin rows in words and named units, sla's bare percentages. */
class UnitsCliTest {

  @Test
  void countsPrintABillionAsBnAndReadItBack() {
    // Xu, ch. 2: 150M DAU x 2 tweets x 10 reads = 3 billion reads a day.
    CliRun run = CliRun.run("qps", "examples/twitter.yaml");
    assertThat(run.out()).contains("tweet reads                3 bn").doesNotContain(" 3 B ");
    // What the table prints reads back wherever a count is read: --set, a formula, --keys.
    assertThat(CliRun.run("qps", "examples/twitter.yaml", "--set", "users.dau=0.15bn", "--get",
        "workloads.tweet.writes.per_day").out()).isEqualTo("300000000\n");
    assertThat(CliRun.run("keyspace", "--alphabet", "base62", "--keys", "365bn", "--get", "length").out())
        .isEqualTo("7\n");
  }

  @Test
  void napkinRowsUseWordsAndNameTheirSizeUnit() {
    CliRun run = CliRun.run("estimate", "examples/twitter.yaml", "--napkin");
    // Xu, ch. 2: 5 years of media, 1 MB x 30M a day: 55 PB. On the napkin, 6 x 10^16 B, about 60 PB.
    assertThat(run.out()).contains("  media bytes kept over the retention             ~60 PB (6 x 10^16 B)   54.8 PB")
        .contains("  tweet peak writes a second ")
        .doesNotContain("workloads.tweet.writes.peak_per_second");
    // The napkin JSON keeps its values and displays.
    CliRun json = CliRun.run("estimate", "examples/twitter.yaml", "--napkin", "--get",
        "napkin.storage.bytes_retained.display");
    assertThat(json.out()).isEqualTo("~6 x 10^16 B\n");
  }

  @Test
  void slaReadsABareNumberAbove15AsAPercentage() {
    assertThat(CliRun.run("sla", "99.9").out()).isEqualTo(CliRun.run("sla", "99.9%").out()).contains("> 99.9% ");
    assertThat(CliRun.run("sla", "99.9", "--get", "tiers.0.target").out()).isEqualTo("0.999\n");
    // Up to 15 a whole number (or N.5) is a count of nines; any other is refused, the hint quoting it.
    CliRun odd = CliRun.run("sla", "7.2");
    assertThat(odd.exitCode()).isEqualTo(2);
    assertThat(odd.err()).contains("(got '7.2')").contains("(0.072)").contains("(7.2%)").doesNotContain("0.9995");
  }

  @Test
  void aFileTargetHintQuotesTheUsersValue() {
    CliRun run = CliRun.run("availability:\n  target: 99.9\n", java.util.Map.of(), false, "sla", "-");
    assertThat(run.err()).contains("(got '99.9')").contains("(0.999)").contains("(99.9%)");
  }

  @Test
  void tablesBeyondTheLargestUnitPrintPowersOfTen() {
    // 10^20 users writing 10 KB a day: 10^24 bytes a day, a million EB, printed as 10^24 B.
    String file = "users: {dau: 1e20}\nworkloads:\n  a: {writes_per_user: 1/day, payload: 10 KB}\n";
    CliRun run = CliRun.run(file, java.util.Map.of(), false, "storage", "-");
    assertThat(run.out()).contains("1 x 10^24 B").doesNotContain(" EB");
  }
}
