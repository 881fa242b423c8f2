package dev.envelope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import org.junit.jupiter.api.Test;

/**
 * The reproductions of the split method, each now answered by the one catalog and the one
 * pipeline: a model figure is uncertain like any other (sensitivity, histogram, percentile
 * budget), and --explain and --napkin go through the same steps as a plain estimate.
 */
class OnePipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEARCH = "examples/search-service.yaml";

  /** The search service without its lint: section, so that its single point of failure is warned about. */
  private static String unaccepted() throws java.io.IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of(SEARCH))
        .replace("lint:\n  accept: [single-point-of-failure]\n", "");
  }
  // The front end's own time per query, from 20 to 45 ms: the queueing servers follow it.
  private static final String RANGED_LATENCY = "workloads.search.latency=20ms to 45ms";

  @Test
  void sensitivityOfAModelFigureRanksItsInputs() throws Exception {
    CliRun r = CliRun.run("sensitivity", SEARCH, "--set", RANGED_LATENCY, "--figure",
        "workloads.search.queueing.servers", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode swings = JSON.readTree(r.out()).get("inputs");
    assertThat(swings.get(0).get("input").asText()).isEqualTo("workloads.search.latency");
    // By hand: 5,556 peak searches/s (200M/day x 2.4 / 86,400 s); the p5 and p95 of 20 to 45 ms
    // are 20 and 45 ms; by rate ceil(5,556 x 0.020 / 0.7) = 159 and ceil(5,556 x 0.045 / 0.7) = 358;
    // the wait count (10 ms at p99) is below both.
    assertThat(swings.get(0).get("figure_at_low").asDouble()).isEqualTo(159);
    assertThat(swings.get(0).get("figure_at_high").asDouble()).isEqualTo(358);
  }

  @Test
  void histogramOfAModelFigureIsADistribution() throws Exception {
    CliRun r = CliRun.run("estimate", SEARCH, "--set", RANGED_LATENCY, "--histogram",
        "workloads.search.queueing.servers", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode bins = JSON.readTree(r.out()).get("bins");
    assertThat(bins.size()).isGreaterThan(10); // not one bin at 100%
  }

  @Test
  void percentileBudgetOnAModelFigureIsJudgedOnTheDraws() throws Exception {
    // p95 of servers by rate: ceil(5,555.6 x p95(latency) / 0.7) with p95(latency) = 45 ms: 358,
    // far above the point count at the median latency, sqrt(20 x 45) = 30 ms: 239.
    CliRun r = CliRun.run("estimate", SEARCH, "--set", RANGED_LATENCY, "--samples", "100000", "--get",
        "uncertainty.workloads.search.queueing.servers.p95");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Double.parseDouble(r.out().strip())).isCloseTo(358, within(2.0));
    CliRun check = CliRun.run("check", SEARCH, "--set", RANGED_LATENCY, "--set",
        "budgets.workloads.search.queueing.servers=p95 <= 300");
    // budgets cannot be overridden; the budget lives in a file: see the next test.
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(3);
  }

  @Test
  void aPercentileBudgetOnAModelFigureFailsOnItsP95() {
    String file = "name: search\nusers: {dau: 20M}\nworkloads:\n  search:\n    reads_per_user: 10/day\n"
        + "    latency: 20ms to 45ms\ntraffic: {peak: {model: diurnal, peak_hour_share: 10%}}\n"
        + "budgets:\n  workloads.search.queueing.servers: \"p95 <= 300\"\n";
    CliRun r = CliRun.run(file, java.util.Map.of(), false, "check", "-", "--samples", "20000");
    // The point value, 239 servers at 30 ms, would pass; the p95, 358, fails.
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL").contains("workloads.search.queueing.servers");
  }

  @Test
  void explainAndNapkinHonourStrict() throws Exception {
    // search-service's config is a single point of failure: a warning, an error under --strict
    // (once the file no longer accepts it).
    for (String flag : new String[] {"--explain", "--napkin"}) {
      CliRun r = CliRun.run(unaccepted(), java.util.Map.of(), false, "estimate", "-", flag, "--strict");
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("availability.components.3: config is a single point of failure");
    }
  }

  @Test
  void explainAndNapkinKeepWarningsAndPercentilesInJson() throws Exception {
    for (String flag : new String[] {"--explain", "--napkin"}) {
      CliRun r = CliRun.run(unaccepted(), java.util.Map.of(), false, "estimate", "-", flag, "--set", RANGED_LATENCY,
          "-o", "json");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      JsonNode tree = JSON.readTree(r.out());
      assertThat(tree.get("warnings").size()).isEqualTo(1);
      assertThat(tree.get("uncertainty").has("workloads.search.queueing.servers")).isTrue();
    }
  }

  @Test
  void aHistogramWithExplainIsRefused() {
    CliRun r = CliRun.run("estimate", SEARCH, "--set", RANGED_LATENCY, "--explain", "--histogram",
        "capacity.servers");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--explain and --histogram");
  }
}
