package dev.envelope.estimate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.model.Uncertain;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloTest {
  private static final MonteCarlo.Settings HUNDRED_K = new MonteCarlo.Settings(100_000, 1, List.of(5.0, 50.0, 95.0));

  private static Requirements read(String yaml) {
    return RequirementsReader.read("t.yaml", yaml.getBytes(UTF_8), Need.ESTIMATE);
  }

  @Test
  void aLognormalRangeComesBackAsItsInterval() {
    MonteCarlo.Result r = MonteCarlo.run(read("users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day}}\n"),
        HUNDRED_K);
    MonteCarlo.Summary dau = r.summary("users.dau");
    // "8M to 12M" is a 90% interval: p5 = 8M, p95 = 12M, p50 = sqrt(8M x 12M) = 9.798M.
    assertThat(dau.percentile(0)).isCloseTo(8e6, withinPercentage(1));
    assertThat(dau.percentile(1)).isCloseTo(9.798e6, withinPercentage(0.5));
    assertThat(dau.percentile(2)).isCloseTo(12e6, withinPercentage(1));
    // Writes per second follow DAU: 1/day per user.
    assertThat(r.summary("traffic.writes.avg_per_second").percentile(1))
        .isCloseTo(dau.percentile(1) / 86_400, withinPercentage(1e-9));
  }

  @Test
  void aSumOfIndependentRangesHasTheSumOfTheirMeans() {
    MonteCarlo.Result r = MonteCarlo.run(read("""
        workloads:
          a: {writes: 100/s to 400/s}
          b: {writes: {dist: uniform, low: 50/s, high: 150/s}}
          c: {writes: {dist: triangular, low: 10/s, mode: 20/s, high: 60/s}}
          d: {writes: {dist: normal, mean: 300/s, sd: 30/s}}
        """), HUNDRED_K);
    // Lognormal a: median 200, sigma = ln(4) / (2 x 1.644854) = 0.421410, mean = 200 x e^(sigma^2 / 2)
    // = 200 x 1.092855 = 218.571. Uniform b: 100. Triangular c: (10 + 20 + 60) / 3 = 30. Normal d: 300.
    double sigma = Math.log(4) / (2 * 1.6448536269514722);
    double expected = 200 * Math.exp(sigma * sigma / 2) + 100 + 30 + 300;
    assertThat(expected).isCloseTo(648.571, within(0.001));
    assertThat(r.summary("traffic.writes.avg_per_second").mean()).isCloseTo(expected, withinPercentage(0.5));
    assertThat(r.summary("workloads.b.writes.avg_per_second").mean()).isCloseTo(100, withinPercentage(0.5));
    assertThat(r.summary("workloads.c.writes.avg_per_second").mean()).isCloseTo(30, withinPercentage(0.5));
    assertThat(r.summary("workloads.d.writes.avg_per_second").mean()).isCloseTo(300, withinPercentage(0.5));
  }

  @Test
  void theSameSeedGivesTheSameDrawsAndAnotherSeedBarelyMovesTheMedian() {
    Requirements req = read("users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day to 3/day, payload: 1KB to 4KB}}\n");
    MonteCarlo.Settings seed1 = MonteCarlo.Settings.defaults();
    MonteCarlo.Settings seed2 = new MonteCarlo.Settings(10_000, 2, MonteCarlo.DEFAULT_PERCENTILES);
    String path = "storage.bytes_per_day";
    assertThat(MonteCarlo.run(req, seed1).draws(path)).containsExactly(MonteCarlo.run(req, seed1).draws(path));
    double p50 = MonteCarlo.run(req, seed1).summary(path).percentile(1);
    double other = MonteCarlo.run(req, seed2).summary(path).percentile(1);
    assertThat(other).isNotEqualTo(p50);
    assertThat(Math.abs(other / p50 - 1)).isLessThan(0.01);
  }

  @Test
  void aRangeOnOneInputLeavesTheOthersDrawsAlone() {
    Requirements one = read("users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day}}\n");
    Requirements two = read("users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day, payload: 1KB to 2KB}}\n");
    assertThat(MonteCarlo.run(two, MonteCarlo.Settings.defaults()).draws("users.dau"))
        .containsExactly(MonteCarlo.run(one, MonteCarlo.Settings.defaults()).draws("users.dau"));
  }

  @Test
  void figuresNoRangeReachesAreNotSummarised() {
    MonteCarlo.Result r = MonteCarlo.run(read("""
        users: {dau: 1M}
        workloads: {w: {writes_per_user: 1/day, payload: 1KB to 2KB}}
        """), MonteCarlo.Settings.defaults());
    assertThat(r.varying()).contains("storage.bytes_per_day").doesNotContain("traffic.writes.avg_per_second");
  }

  @Test
  void countsStayWholeAtEveryPercentile() {
    MonteCarlo.Result r = MonteCarlo.run(read("""
        workloads: {w: {writes: 10K/s to 40K/s}}
        capacity: {server_qps: 1000}
        """), MonteCarlo.Settings.defaults());
    for (double v : r.summary("capacity.servers").percentiles()) {
      assertThat(v).isEqualTo(Math.rint(v));
    }
    // The p50 server count is the count at the p50 rate: ceil(20K x 2 / 700) = 58, give or take a draw.
    assertThat(r.summary("capacity.servers").percentile(1)).isBetween(57.0, 59.0);
  }

  @Test
  void drawsStayWithinTheFieldsValidValues() {
    MonteCarlo.Result r = MonteCarlo.run(read("""
        users: {mau: 10M, daily_active: 60% to 99%}
        workloads: {w: {writes_per_user: 1/day}}
        """), HUNDRED_K);
    for (double v : r.draws("users.daily_active")) {
      assertThat(v).isBetween(0.0, 1.0);
    }
  }

  @Test
  void quantilesOfATwoPieceLognormalPassThroughItsThreePoints() {
    Requirements req = read("users: {dau: {low: 2M, mid: 5M, high: 20M}}\nworkloads: {w: {writes_per_user: 1/day}}\n");
    Uncertain u = req.uncertainty().inputs().get(0);
    assertThat(MonteCarlo.quantile(u, 0.05)).isCloseTo(2e6, withinPercentage(1e-9));
    assertThat(MonteCarlo.quantile(u, 0.5)).isCloseTo(5e6, withinPercentage(1e-9));
    assertThat(MonteCarlo.quantile(u, 0.95)).isCloseTo(20e6, withinPercentage(1e-9));
    MonteCarlo.Summary s = MonteCarlo.run(req, HUNDRED_K).summary("users.dau");
    assertThat(s.percentile(0)).isCloseTo(2e6, withinPercentage(1.5));
    assertThat(s.percentile(2)).isCloseTo(20e6, withinPercentage(1.5));
  }

  @Test
  void twoThreadsGiveTheSameBitsAsOne() {
    Requirements req = read("""
        users: {dau: 8M to 12M}
        workloads:
          a: {writes_per_user: 1/day to 3/day, payload: 1KB to 4KB}
          b: {writes_per_user: {dist: triangular, low: 1/day, mode: 2/day, high: 6/day}, payload: 2KB}
        """);
    int n = MonteCarlo.PARALLEL_FROM;
    var draws = MonteCarlo.draws(req.uncertainty(), n, 5);
    for (Uncertain u : req.uncertainty().inputs()) {
      // The same input drawn alone, on this thread.
      assertThat(draws.get(u.path())).containsExactly(MonteCarlo.draw(u, n, MonteCarlo.generator(5, u.path())));
    }
    MonteCarlo.Settings settings = new MonteCarlo.Settings(n, 5, List.of(5.0, 50.0, 95.0));
    MonteCarlo.Result prepared = MonteCarlo.run(req, settings);
    prepared.prepare(prepared.varying());
    MonteCarlo.Result oneByOne = MonteCarlo.run(req, settings);
    for (String path : prepared.varying()) {
      assertThat(prepared.summary(path).percentiles()).as(path).containsExactly(oneByOne.summary(path).percentiles());
      assertThat(prepared.summary(path).mean()).as(path).isEqualTo(oneByOne.summary(path).mean());
    }
  }
}
