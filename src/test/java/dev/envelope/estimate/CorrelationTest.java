package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/** Inputs that move together: {@code correlations}, drawn by rank (Iman-Conover). */
class CorrelationTest {
  private static final MonteCarlo.Settings TEN_K = MonteCarlo.Settings.defaults();
  private static final String DAU = "users.dau";
  private static final String WRITES = "workloads.post.writes_per_user";

  private static String file(String correlations) {
    return "users: {dau: 8M to 12M}\n"
        + "workloads:\n"
        + "  post: {writes_per_user: 1/day to 5/day, payload: 1KB}\n"
        + correlations;
  }

  private static String pair(double rank) {
    return "correlations: [{inputs: [" + DAU + ", " + WRITES + "], rank: " + rank + "}]\n";
  }

  private static Function<String, double[]> draws(String yaml) {
    Estimate e = Estimates.of(yaml);
    return MonteCarlo.draws(e.requirements().uncertainty(), TEN_K.samples(), TEN_K.seed());
  }

  private static double spearman(Function<String, double[]> draws) {
    return new SpearmansCorrelation().correlation(draws.apply(Lanes.inputKey(DAU)),
        draws.apply(Lanes.inputKey(WRITES)));
  }

  @Test
  void theDrawsHaveTheRankCorrelationAsked() {
    for (double rank : new double[] {0.6, -0.6, 0.3, 0.9, -1, 1}) {
      assertThat(spearman(draws(file(pair(rank))))).as("rank %s", rank).isCloseTo(rank, within(0.02));
    }
    // Without a pair the two are independent.
    assertThat(spearman(draws(file("")))).isCloseTo(0, within(0.03));
  }

  @Test
  void eachInputKeepsItsOwnDrawsOnlyReordered() {
    Function<String, double[]> alone = draws(file(""));
    Function<String, double[]> together = draws(file(pair(0.6)));
    for (String path : List.of(DAU, WRITES)) {
      double[] a = alone.apply(Lanes.inputKey(path)).clone();
      double[] b = together.apply(Lanes.inputKey(path)).clone();
      Arrays.sort(a);
      Arrays.sort(b);
      assertThat(b).as(path).containsExactly(a);
    }
    // The first input of the pair is not even reordered.
    assertThat(together.apply(Lanes.inputKey(DAU))).containsExactly(alone.apply(Lanes.inputKey(DAU)));
  }

  @Test
  void aRankOfZeroIsIndependence() {
    assertThat(draws(file(pair(0))).apply(Lanes.inputKey(WRITES)))
        .containsExactly(draws(file("")).apply(Lanes.inputKey(WRITES)));
  }

  /** The p5 to p95 spread of the average writes per second, from the point estimate's Monte Carlo. */
  private static double spread(String yaml) {
    MonteCarlo.Result r = MonteCarlo.run(Estimates.of(yaml), TEN_K, Set.of(), Optional.empty());
    MonteCarlo.Summary s = r.summary("traffic.writes.avg_per_second");
    return s.percentile(2) / s.percentile(0);
  }

  @Test
  void movingTogetherWidensTheProductAndMovingApartNarrowsIt() {
    double independent = spread(file(""));
    double together = spread(file(pair(0.8)));
    double apart = spread(file(pair(-0.8)));
    // Writes = DAU x writes per user: log-spreads add in quadrature when independent (sigmas
    // ln(1.5)/3.29 = 0.123 and ln(5)/3.29 = 0.489: p95/p5 = exp(3.29 x 0.504) = 5.25), and almost
    // add outright when together (exp(3.29 x 0.593) = 7.0 at rank 1).
    assertThat(independent).isCloseTo(5.25, within(0.2));
    assertThat(together).isGreaterThan(independent * 1.1);
    assertThat(apart).isLessThan(independent * 0.9);
  }

  @Test
  void theSameFileGivesTheSameDraws() {
    assertThat(draws(file(pair(0.6))).apply(Lanes.inputKey(WRITES)))
        .containsExactly(draws(file(pair(0.6))).apply(Lanes.inputKey(WRITES)));
    MonteCarlo.Result a = MonteCarlo.run(Estimates.of(file(pair(0.6))), TEN_K, Set.of(), Optional.empty());
    MonteCarlo.Result b = MonteCarlo.run(Estimates.of(file(pair(0.6))), TEN_K, Set.of(), Optional.empty());
    assertThat(a.summary("traffic.writes.avg_per_second").percentiles())
        .containsExactly(b.summary("traffic.writes.avg_per_second").percentiles());
    assertThat(a.correlations()).hasSize(1);
    assertThat(a.correlation(WRITES).orElseThrow().other(WRITES)).isEqualTo(DAU);
  }

  /** The worked example of docs/ranges.md ("Inputs that move together"): its table, by rank. */
  @Test
  void theWorkedExampleOfTheRangesPage() {
    String base = "users:\n  dau: 8M to 12M\nworkloads:\n  upload:\n    writes_per_user: 0.5/day to 2/day\n";
    String pair = "correlations:\n  - {inputs: [users.dau, workloads.upload.writes_per_user], rank: %s}\n";
    double[][] table = {{54.7, 113, 231}, {48.6, 112, 260}, {62.5, 113, 203}};
    String[] files = {base, base + String.format(java.util.Locale.ROOT, pair, "0.6"),
        base + String.format(java.util.Locale.ROOT, pair, "-0.6")};
    for (int i = 0; i < files.length; i++) {
      MonteCarlo.Summary s = MonteCarlo.run(Estimates.of(files[i]), TEN_K, Set.of(), Optional.empty())
          .summary("traffic.writes.avg_per_second");
      for (int p = 0; p < 3; p++) {
        assertThat(s.percentile(p)).as("file %d, percentile %d", i, p)
            .isCloseTo(table[i][p], org.assertj.core.api.Assertions.withinPercentage(0.5));
      }
    }
    // By hand: p95 / p5 = exp(3.29 x sigma), sigma 0.439 independent, 0.507 at 0.6, 0.359 at -0.6 (p95 / p5 4.24, 5.30, 3.25).
    double z = 2 * 1.6448536269514722;
    double a = Math.log(1.5) / z;
    double b = Math.log(4) / z;
    double rho = 2 * Math.sin(Math.PI * 0.6 / 6);
    assertThat(Math.exp(z * Math.sqrt(a * a + b * b))).isCloseTo(4.24, within(0.01));
    assertThat(Math.exp(z * Math.sqrt(a * a + b * b + 2 * rho * a * b))).isCloseTo(5.30, within(0.01));
    assertThat(Math.exp(z * Math.sqrt(a * a + b * b - 2 * rho * a * b))).isCloseTo(3.25, within(0.01));
  }
}
