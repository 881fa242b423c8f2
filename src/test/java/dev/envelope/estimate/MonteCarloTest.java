package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.model.Uncertain;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonteCarloTest {
  private static final MonteCarlo.Settings HUNDRED_K = new MonteCarlo.Settings(100_000, 1, List.of(5.0, 50.0, 95.0));
  private static final MonteCarlo.Settings DEFAULTS = MonteCarlo.Settings.defaults();

  private static MonteCarlo.Result run(String yaml, MonteCarlo.Settings settings, String... keep) {
    return MonteCarlo.run(Estimates.of(yaml), settings, Set.of(keep), Optional.empty());
  }

  private static Uncertain input(Estimate e, String path) {
    return e.requirements().uncertainty().inputs().stream().filter(u -> u.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no range at " + path));
  }

  /** The Nth percentile of {@code draws} as the run defines it: the ceil(n x N / 100)th smallest. */
  private static double percentile(double[] draws, double p) {
    double[] sorted = draws.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(sorted.length * p / 100) - 1];
  }

  @Test
  void aLognormalRangeComesBackAsItsInterval() {
    MonteCarlo.Result r = run("users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day}}\n", HUNDRED_K);
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
    MonteCarlo.Result r = run("""
        workloads:
          a: {writes: 100/s to 400/s}
          b: {writes: {dist: uniform, low: 50/s, high: 150/s}}
          c: {writes: {dist: triangular, low: 10/s, mode: 20/s, high: 60/s}}
          d: {writes: {dist: normal, mean: 300/s, sd: 30/s}}
        """, HUNDRED_K);
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
    String file = "users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day to 3/day, payload: 1KB to 4KB}}\n";
    MonteCarlo.Settings seed2 = new MonteCarlo.Settings(10_000, 2, MonteCarlo.DEFAULT_PERCENTILES);
    String path = "storage.bytes_per_day";
    assertThat(run(file, DEFAULTS, path).draws(path)).containsExactly(run(file, DEFAULTS, path).draws(path));
    double p50 = run(file, DEFAULTS).summary(path).percentile(1);
    double other = run(file, seed2).summary(path).percentile(1);
    assertThat(other).isNotEqualTo(p50);
    assertThat(Math.abs(other / p50 - 1)).isLessThan(0.01);
  }

  @Test
  void aRangeOnOneInputLeavesTheOthersDrawsAlone() {
    String one = "users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day}}\n";
    String two = "users: {dau: 8M to 12M}\nworkloads: {w: {writes_per_user: 1/day, payload: 1KB to 2KB}}\n";
    assertThat(run(two, DEFAULTS, "users.dau").draws("users.dau"))
        .containsExactly(run(one, DEFAULTS, "users.dau").draws("users.dau"));
  }

  @Test
  void anInputsDrawsAreItsOwnWhetherMadeOnDemandOrAlone() {
    Estimate e = Estimates.of("""
        users: {dau: 8M to 12M}
        workloads:
          a: {writes_per_user: 1/day to 3/day, payload: 1KB to 4KB}
          b: {writes_per_user: {dist: triangular, low: 1/day, mode: 2/day, high: 6/day}, payload: 2KB}
        """);
    int n = 1_000;
    var draws = MonteCarlo.draws(e.requirements().uncertainty(), n, 5);
    for (Uncertain u : e.requirements().uncertainty().inputs()) {
      // The same input drawn alone from its own generator: the others' draws do not touch it.
      assertThat(draws.apply(Lanes.inputKey(u.path())))
          .containsExactly(MonteCarlo.draw(u, n, MonteCarlo.generator(5, u.path())));
    }
    // Working out one figure alone gives the numbers the whole run gives it.
    MonteCarlo.Settings settings = new MonteCarlo.Settings(n, 5, List.of(5.0, 50.0, 95.0));
    String path = "workloads.a.storage.bytes_per_day";
    MonteCarlo.Summary all = MonteCarlo.run(e, settings, Set.of(), Optional.empty()).summary(path);
    MonteCarlo.Result alone = MonteCarlo.run(e, settings, Set.of(), Optional.of(List.of(path)));
    assertThat(alone.summary(path).percentiles()).containsExactly(all.percentiles());
    assertThat(alone.summary(path).mean()).isEqualTo(all.mean());
    assertThat(alone.varying()).doesNotContain("workloads.b.storage.bytes_per_day");
  }

  @Test
  void figuresNoRangeReachesAreNotSummarised() {
    MonteCarlo.Result r = run("""
        users: {dau: 1M}
        workloads: {w: {writes_per_user: 1/day, payload: 1KB to 2KB}}
        """, DEFAULTS);
    assertThat(r.varying()).contains("storage.bytes_per_day").doesNotContain("traffic.writes.avg_per_second");
    assertThat(r.varies("traffic.writes.avg_per_second")).isFalse();
  }

  @Test
  void countsStayWholeAtEveryPercentile() {
    MonteCarlo.Result r = run("""
        workloads: {w: {writes: 10K/s to 40K/s}}
        capacity: {server_qps: 1000}
        """, DEFAULTS);
    for (double v : r.summary("capacity.servers").percentiles()) {
      assertThat(v).isEqualTo(Math.rint(v));
    }
    // The p50 server count is the count at the p50 rate: ceil(20K x 2 / 700) = 58, give or take a draw.
    assertThat(r.summary("capacity.servers").percentile(1)).isBetween(57.0, 59.0);
  }

  @Test
  void drawsStayWithinTheFieldsValidValues() {
    MonteCarlo.Result r = run("""
        users: {mau: 10M, daily_active: 60% to 99%}
        workloads: {w: {writes_per_user: 1/day}}
        """, HUNDRED_K, "users.daily_active");
    for (double v : r.draws("users.daily_active")) {
      assertThat(v).isBetween(0.0, 1.0);
    }
  }

  @Test
  void quantilesOfATwoPieceLognormalPassThroughItsThreePoints() {
    String file = "users: {dau: {low: 2M, mid: 5M, high: 20M}}\nworkloads: {w: {writes_per_user: 1/day}}\n";
    Uncertain u = input(Estimates.of(file), "users.dau");
    assertThat(MonteCarlo.quantile(u, 0.05)).isCloseTo(2e6, withinPercentage(1e-9));
    assertThat(MonteCarlo.quantile(u, 0.5)).isCloseTo(5e6, withinPercentage(1e-9));
    assertThat(MonteCarlo.quantile(u, 0.95)).isCloseTo(20e6, withinPercentage(1e-9));
    MonteCarlo.Summary s = run(file, HUNDRED_K).summary("users.dau");
    assertThat(s.percentile(0)).isCloseTo(2e6, withinPercentage(1.5));
    assertThat(s.percentile(2)).isCloseTo(20e6, withinPercentage(1.5));
  }

  /**
   * Servers by rate, ceil(1,000/s x latency / 70%), at a latency of 10 ms to 40 ms (p5 and p95):
   * ceil(10 / 0.7) = 15 at p5 and ceil(40 / 0.7) = 58 at p95, within a server of sampling. The
   * count rises with the latency, so its percentiles are the counts at the latency's percentiles:
   * from the run's own draws of the latency, exactly.
   */
  @Test
  void aQueueingCountVariesWithARangedLatency() {
    String file = """
        workloads:
          x: {writes: 1000/s, latency: 10ms to 40ms}
        traffic: {peak_factor: 1}
        """;
    Estimate e = Estimates.of(file);
    MonteCarlo.Result r = MonteCarlo.run(e, DEFAULTS, Set.of("workloads.x.queueing.latency_seconds"),
        Optional.empty());
    String servers = "workloads.x.queueing.servers";
    assertThat(r.varying()).contains("workloads.x.queueing.in_flight", "workloads.x.queueing.servers_by_rate",
        servers);
    MonteCarlo.Summary s = r.summary(servers);
    Uncertain latency = input(e, "workloads.x.latency");
    assertThat(latency.quantile(0.05)).isCloseTo(0.010, withinPercentage(1e-9));
    assertThat(latency.quantile(0.95)).isCloseTo(0.040, withinPercentage(1e-9));
    assertThat(s.percentile(0)).isCloseTo(15, within(1.0));
    assertThat(s.percentile(2)).isCloseTo(58, within(1.0));
    double[] drawn = r.draws("workloads.x.queueing.latency_seconds");
    assertThat(drawn).containsExactly(MonteCarlo.draw(latency, DEFAULTS.samples(),
        MonteCarlo.generator(DEFAULTS.seed(), latency.path())));
    for (int i = 0; i < 3; i++) {
      double l = percentile(drawn, DEFAULTS.percentiles().get(i));
      assertThat(s.percentile(i)).as("servers at the latency's p" + DEFAULTS.percentiles().get(i))
          .isEqualTo(Math.max(1, Math.ceil(1000 * l / 0.7)));
    }
  }

  /**
   * A replica 99% to 99.9% available (p5 and p95), two of them, one needed: the component is down
   * when both are, (1 - a)^2: 10^-4 at p5 and 10^-6 at p95. Its availability rises with the
   * replica's, so its percentiles are those of the replica, squared in the miss.
   */
  @Test
  void aComponentsAvailabilityVariesWithARangedReplicaAvailability() {
    Estimate e = Estimates.of("""
        workloads: {x: {writes: 1/s}}
        availability:
          target: 99.9%
          components: [{name: db, availability: 99% to 99.9%, replicas: 2}]
        """);
    MonteCarlo.Result r = MonteCarlo.run(e, HUNDRED_K, Set.of(), Optional.empty());
    String path = "availability.components.0.availability";
    assertThat(r.varying()).contains(path, "availability.composite", "availability.margin_nines");
    Uncertain a = input(e, "availability.components[0].availability");
    MonteCarlo.Summary s = r.summary(path);
    for (int i : new int[] {0, 2}) {
      double replicaMiss = 1 - a.quantile(DEFAULTS.percentiles().get(i) / 100);
      assertThat(1 - s.percentile(i)).as("miss at p" + DEFAULTS.percentiles().get(i))
          .isCloseTo(replicaMiss * replicaMiss, withinPercentage(5));
    }
    assertThat(1 - s.percentile(0)).isCloseTo(1e-4, withinPercentage(5));
    assertThat(1 - s.percentile(2)).isCloseTo(1e-6, withinPercentage(5));
    // The replica's own draws, at their percentiles: the same shape.
    assertThat(r.summary("availability.components.0.replica_availability").percentile(0))
        .isCloseTo(0.99, withinPercentage(0.01));
  }

  /**
   * The selection gives the order statistic a full sort gives, to the bit, on the shapes draws take:
   * a narrow range, a tail over hundreds of orders of magnitude, many ties, both signs, infinities,
   * a value that is not a number and a negative zero (found another way), and few draws.
   */
  @Test
  void selectionGivesTheOrderStatisticsOfASort() {
    java.util.Random random = new java.util.Random(7);
    double[] ps = {0.1, 5, 25, 50, 50.5, 95, 99.9};
    MonteCarlo.Selection selection = new MonteCarlo.Selection();
    for (int shape = 0; shape < 9; shape++) {
      for (int n : new int[] {1, 2, 63, 64, 65, 1_000, 100_003}) {
        double[] draws = new double[n];
        for (int i = 0; i < n; i++) {
          double g = random.nextGaussian();
          draws[i] = switch (shape) {
            case 0 -> 1e6 * (1 + 1e-9 * g);
            case 1 -> Math.exp(200 * g);
            case 2 -> Math.floor(4 * random.nextDouble());
            case 3 -> -Math.exp(g) + (i % 2 == 0 ? 0 : Math.exp(2 * g));
            case 4 -> i % 97 == 0 ? Double.POSITIVE_INFINITY : i % 89 == 0 ? Double.NEGATIVE_INFINITY : g;
            case 5 -> i % 1000 == 999 ? Double.NaN : g;
            case 6 -> i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : g;
            case 7 -> Double.MIN_VALUE * (i % 5);
            default -> i % 1000 == 0 ? Double.MAX_VALUE : 3;
          };
        }
        double[] got = selection.percentiles(draws, ps);
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        for (int j = 0; j < ps.length; j++) {
          // The ceil(n x N / 100)th smallest, worked as the run works it (n x 0.999 is 999.0000000000001).
          int rank = Math.max(0, Math.min(n - 1, (int) Math.ceil(n * (ps[j] / 100)) - 1));
          if (shape == 5 || shape == 6) { // as Commons Math's selection finds it, the way it always was
            double[] copy = draws.clone();
            int[] pivots = new int[1023];
            Arrays.fill(pivots, -1);
            org.apache.commons.math3.util.KthSelector selector = new org.apache.commons.math3.util.KthSelector();
            for (int before = 0; before < j; before++) {
              selector.select(copy, pivots, Math.max(0, Math.min(n - 1, (int) Math.ceil(n * (ps[before] / 100)) - 1)));
            }
            assertThat(Double.doubleToRawLongBits(got[j]))
                .as("shape %d, %d draws, p%s", shape, n, ps[j]).isEqualTo(Double.doubleToRawLongBits(selector.select(copy, pivots, rank)));
          } else {
            assertThat(got[j]).as("shape %d, %d draws, p%s", shape, n, ps[j]).isEqualTo(sorted[rank]);
          }
        }
      }
    }
  }

  /**
   * On one core and on two (the figures summarised on a second thread), every figure's summary and
   * every kept draw is the same to the bit: the benchmark file of six ranged workloads, and a file
   * with a range that makes draws that are not finite numbers.
   */
  @Test
  void oneCoreAndTwoGiveTheSameBits() {
    MonteCarlo.Settings settings = new MonteCarlo.Settings(50_000, 3, List.of(1.0, 5.0, 50.0, 95.0, 99.9));
    Estimate six = Estimates.file("benchmark/uncertainty/six-workloads.yaml");
    Estimate overflow = Estimates.of("workloads: {a: {reads: 1/s, payload: 1B to 1e200B}}\nstorage: {retention: 1e200y}\n");
    for (Estimate e : List.of(six, overflow)) {
      Set<String> keep = Set.of(e.steps().get(e.steps().size() - 1).path());
      MonteCarlo.Result one = MonteCarlo.run(e, settings, keep, Optional.empty(), 1);
      MonteCarlo.Result two = MonteCarlo.run(e, settings, keep, Optional.empty(), 2);
      assertThat(two.varying()).isNotEmpty().isEqualTo(one.varying());
      for (String path : one.varying()) {
        assertThat(Double.doubleToRawLongBits(two.summary(path).mean())).as(path)
            .isEqualTo(Double.doubleToRawLongBits(one.summary(path).mean()));
        assertThat(Arrays.stream(two.summary(path).percentiles()).mapToLong(Double::doubleToRawLongBits).toArray())
            .as(path).containsExactly(Arrays.stream(one.summary(path).percentiles())
                .mapToLong(Double::doubleToRawLongBits).toArray());
      }
      for (String path : keep) {
        assertThat(two.draws(path)).as(path).containsExactly(one.draws(path));
      }
      assertThat(two.firstNonFinite()).isEqualTo(one.firstNonFinite());
    }
    assertThat(MonteCarlo.run(overflow, settings, Set.of(), Optional.empty(), 2).firstNonFinite()).isPresent();
  }

  /**
   * Summarising only the figures a report shows (a table leaves out the per-workload ones) changes
   * nothing for those it does summarise, on one core and on two; the others still count as varying
   * and are still held to the check for draws that are not finite numbers.
   */
  @Test
  void summarisingSomeFiguresLeavesTheirSummariesAndTheChecksAsTheyWere() {
    MonteCarlo.Settings settings = new MonteCarlo.Settings(30_000, 7, List.of(5.0, 50.0, 95.0));
    Estimate six = Estimates.file("benchmark/uncertainty/six-workloads.yaml");
    java.util.function.Predicate<String> shown = path -> !path.startsWith("workloads.");
    MonteCarlo.Result all = MonteCarlo.run(six, settings, Set.of(), Optional.empty());
    for (int cores : new int[] {1, 2}) {
      MonteCarlo.Result some = MonteCarlo.run(six, settings, Set.of(), Optional.empty(), shown, cores);
      assertThat(some.varying()).isEqualTo(all.varying());
      assertThat(some.varying()).anyMatch(p -> p.startsWith("workloads.")).anyMatch(shown);
      for (String path : all.varying()) {
        if (shown.test(path)) {
          assertThat(Double.doubleToRawLongBits(some.summary(path).mean())).as(path)
              .isEqualTo(Double.doubleToRawLongBits(all.summary(path).mean()));
          assertThat(some.summary(path).percentiles()).as(path).containsExactly(all.summary(path).percentiles());
        } else {
          assertThat(some.summary(path)).as(path).isNull();
          assertThat(some.varies(path)).as(path).isTrue();
        }
      }
    }
    // an overflow in a figure left unsummarised is still found
    Estimate overflow = Estimates.of("workloads: {a: {reads: 1/s, payload: 1B to 1e200B}}\nstorage: {retention: 1e200y}\n");
    MonteCarlo.Result none = MonteCarlo.run(overflow, settings, Set.of(), Optional.empty(), path -> false, 2);
    assertThat(none.firstNonFinite()).isEqualTo(MonteCarlo.run(overflow, settings, Set.of(), Optional.empty())
        .firstNonFinite()).isPresent();
  }

  /** The one pass over a figure left unsummarised tells draws apart and counts the non-finite as Double.compare would. */
  @Test
  void thePlainPassVariesAndCountsAsTheBitsSay() {
    double nan = Double.NaN;
    double inf = Double.POSITIVE_INFINITY;
    double[][] cases = {
        {1, 1, 1}, {1, 2, 1}, {0.0, 0.0, -0.0}, {-0.0, -0.0}, {0.0, 0.0}, {nan, nan}, {nan, 1}, {1, nan},
        {inf, inf}, {inf, -inf}, {1e308, 1e308, 1e308}, {1e308, 1e308, -1e308}, {-0.0, 0.0, nan}, {5, 5, 5, 6},
        // past the four sums of the check for finite draws: a non-finite draw in each place of the last round and the tail
        {1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, inf}, {1, 1, 1, 1, nan, 1, 1}, {1, 1, 1, -inf, 1, 1, 1},
        {1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1, nan}, {1, 1, 1, 1, 1, 1, 1, 1, inf},
        {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE},
        {-0.0, -0.0, -0.0, -0.0, 0.0}, {Double.MIN_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_VALUE}};
    for (double[] lanes : cases) {
      long first = Double.doubleToLongBits(lanes[0]);
      boolean varies = false;
      int count = 0;
      double sum = 0;
      for (double v : lanes) {
        sum += v;
        varies |= Double.doubleToLongBits(v) != first;
        count += Double.isFinite(v) ? 0 : 1;
      }
      MonteCarlo.Plain plain = MonteCarlo.Plain.of(lanes);
      assertThat(plain.varies()).as(Arrays.toString(lanes)).isEqualTo(varies);
      assertThat(plain.nonFinite()).as(Arrays.toString(lanes)).isEqualTo(count);
      assertThat(Double.doubleToRawLongBits(plain.sum())).as(Arrays.toString(lanes))
          .isEqualTo(Double.doubleToRawLongBits(sum));
      // the check of a figure that is not summarised: finite draws first, then their bits
      assertThat(MonteCarlo.Plain.finite(lanes)).as(Arrays.toString(lanes)).isEqualTo(count == 0);
      if (count == 0) {
        assertThat(MonteCarlo.Plain.differentBits(lanes)).as(Arrays.toString(lanes)).isEqualTo(varies);
      }
    }
  }

  /**
   * The selection's scan, four draws a turn with its usual case first, gives what a scan draw by
   * draw gives: the same sum to the bit (a NaN as any NaN), least and greatest keys, plainness and count of draws that
   * are not finite, on every length up to a few turns and on draws with every kind of special value.
   */
  @Test
  void theScanGivesWhatADrawByDrawScanGives() {
    double[] kinds = {1.5, 2e9, 7, -3, -1e-300, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.longBitsToDouble(0xfff8000000000001L)};
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261203L);
    for (int trial = 0; trial < 20_000; trial++) {
      int n = trial < 10_000 ? trial % 13 : r.nextInt(1, 400);
      double[] lanes = new double[n];
      // mostly positive draws (a count's), now and then a value of another kind
      int specials = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        lanes[i] = r.nextInt(10) < specials ? kinds[r.nextInt(kinds.length)] : Math.exp(r.nextGaussian() * 3);
      }
      MonteCarlo.Selection.Scan got = MonteCarlo.Selection.Scan.of(lanes);
      MonteCarlo.Selection.Scan want = MonteCarlo.Selection.Scan.drawByDraw(lanes);
      String what = Arrays.toString(lanes);
      // every NaN is one: which NaN's payload a sum keeps is the compiler's choice, run to run
      assertThat(Double.doubleToLongBits(got.sum())).as(what).isEqualTo(Double.doubleToLongBits(want.sum()));
      assertThat(got.min()).as(what).isEqualTo(want.min());
      assertThat(got.max()).as(what).isEqualTo(want.max());
      assertThat(got.plain()).as(what).isEqualTo(want.plain());
      assertThat(got.nonFinite()).as(what).isEqualTo(want.nonFinite());
    }
    // a sum that overflows from finite draws: found plain, with no draw counted as not finite
    double[] big = {Double.MAX_VALUE, Double.MAX_VALUE, 1, 2, 3};
    assertThat(MonteCarlo.Selection.Scan.of(big)).isEqualTo(MonteCarlo.Selection.Scan.drawByDraw(big));
    assertThat(MonteCarlo.Selection.Scan.of(big).plain()).isTrue();
  }

  /**
   * The evaluator with its pool (each operation's arrays used again once done with, a running
   * product worked in place) works out every figure of every shipped example with ranges, and of
   * the benchmark file, to the same bits as without.
   */
  @Test
  void thePooledEvaluatorGivesTheSameBitsAsArraysMadeAfresh() throws java.io.IOException {
    List<String> files = new java.util.ArrayList<>(List.of("benchmark/uncertainty/six-workloads.yaml"));
    for (String dir : List.of("examples", "docs", "src/test/resources")) {
      try (var list = java.nio.file.Files.walk(java.nio.file.Path.of(dir))) {
        list.map(java.nio.file.Path::toString).filter(f -> f.endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    // and every key that takes a range, ranged (the models', the components' nines among them)
    String everyRange = dev.envelope.limits.LimitFiles.everyRange(2);
    files.add(everyRange);
    int checked = 0;
    for (String file : files) {
      Estimate e;
      try {
        e = file == everyRange ? Estimates.of(file) : Estimates.file(file);
      } catch (RuntimeException notAnEstimate) {
        continue; // a file of another kind, or one written to be refused
      }
      if (e.requirements().uncertainty().isEmpty()) {
        continue;
      }
      int n = 2_000;
      java.util.function.Function<String, double[]> draws = MonteCarlo.draws(e.requirements().uncertainty(), n, 1);
      java.util.Map<String, double[]> fresh = new java.util.HashMap<>();
      Lanes.run(e.steps(), Lanes.lazy(draws), n, e.requirements().conventions().time(),
          (step, lanes) -> fresh.put(step.path(), lanes.clone()));
      java.util.Map<String, double[]> pooled = new java.util.HashMap<>();
      Lanes.Pool pool = new Lanes.Pool(n);
      Lanes.run(e.steps(), Lanes.lazy(MonteCarlo.draws(e.requirements().uncertainty(), n, 1)), n,
          e.requirements().conventions().time(), (step, lanes) -> {
            boolean share = pool.handOver(lanes); // as the Monte Carlo's sink does
            pooled.put(step.path(), lanes.clone());
            if (share) {
              pool.release(lanes);
            }
          }, pool);
      assertThat(pooled.keySet()).as(file).isEqualTo(fresh.keySet());
      for (String path : fresh.keySet()) {
        assertThat(Arrays.stream(pooled.get(path)).mapToLong(Double::doubleToRawLongBits).toArray()).as(file + " " + path)
            .containsExactly(Arrays.stream(fresh.get(path)).mapToLong(Double::doubleToRawLongBits).toArray());
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  /** An input another inherits (read_size from payload) is drawn once: both take the same draws. */
  @Test
  void anInheritedInputTakesItsSourcesDraws() {
    Estimate e = Estimates.of("workloads: {a: {writes: 10/s, reads: 100/s, payload: 1KB to 4KB}}\n");
    java.util.function.Function<String, double[]> draws = MonteCarlo.draws(e.requirements().uncertainty(), 1_000, 1);
    double[] payload = draws.apply("workloads.a.payload");
    double[] readSize = draws.apply("workloads.a.read_size");
    assertThat(readSize).isNotNull().containsExactly(payload);
    // and after both have taken them, a third asks again: drawn again, the same values
    assertThat(draws.apply("workloads.a.read_size")).containsExactly(payload);
  }
}
