package dev.envelope.estimate;

import static dev.envelope.estimate.Estimates.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The models on a whole file, through the estimate; the arithmetic is in each test's comments. */
class ModelsTest {
  /** The example of the file format's description of these keys, with a retention. */
  static final String EXAMPLE = """
      availability:
        target: 99.99%
        window: 28d
        components:
          - {name: lb,  availability: 99.99%, replicas: 2}
          - {name: app, mtbf: 720h, mttr: 30m, replicas: 3}
          - {name: db,  availability: 99.9%, replicas: 3, required: 2}
      traffic:
        peak: {model: diurnal, peak_hour_share: 10%}
      workloads:
        api:
          writes: 500/s
          latency: 20ms
        search:
          reads: 100/s
          fanout: 100
          call_latency: {slow_fraction: 1%, over: 1s}
        events:
          writes: 20K/s
          payload: 1KB
          peak_factor: 1
          stream: {partition_produce: 5MB/s, partition_consume: 3MB/s}
      storage: {retention: 7d}
      capacity:
        max_wait_p99: 10ms
      """;

  /** A busiest hour with 10% of the day is 2.4 times the average: 500/s peaks at 1,200/s. */
  @Test
  void theDiurnalModelGivesEachWorkloadItsPeakFactor() {
    Estimate e = Estimates.of(EXAMPLE);
    assertThat(e.value("workloads.api.peak_factor")).isCloseTo(2.4, within(1e-12));
    assertThat(e.text("workloads.api.peak_model")).isEqualTo("diurnal");
    assertThat(e.value("workloads.api.writes.peak_per_second")).isCloseTo(1200, withinPercentage(1e-9));
    // its own peak_factor wins over the model
    assertThat(e.value("workloads.events.peak_factor")).isEqualTo(1);
    assertThat(e.has("workloads.events.peak_model")).isFalse();
  }

  /**
   * Poisson's factor follows each workload's own average: the busiest second at p99.9 is 132
   * requests at 100/s (1.32) and 21 at 10/s (2.1) (scipy.stats.poisson.ppf(0.999, L)).
   */
  @Test
  void thePoissonModelDependsOnEachWorkloadsRate() {
    Estimate e = Estimates.of("""
        traffic: {peak: {model: poisson, percentile: 99.9}}
        workloads:
          busy: {reads: 100/s}
          quiet: {writes: 6/s, reads: 4/s}
        """);
    assertThat(e.value("workloads.busy.peak_factor")).isCloseTo(1.32, within(1e-12));
    // writes and reads together: 10/s
    assertThat(e.value("workloads.quiet.peak_factor")).isCloseTo(2.1, within(1e-12));
    assertThat(e.value("workloads.quiet.writes.peak_per_second")).isCloseTo(12.6, withinPercentage(1e-9));
  }

  /**
   * The total's Poisson peak is the percentile of the sum, not the sum of percentiles: ten workloads
   * of 1/s each peak at 5 requests in their p99.9 second (scipy.stats.poisson.ppf(0.999, 1) = 5), 50
   * summed; their sum is Poisson(10), whose p99.9 is 21 (scipy.stats.poisson.ppf(0.999, 10) = 21).
   * The writes' total alone, Poisson(4) from four workloads, is 11 (ppf(0.999, 4) = 11).
   */
  @Test
  void theTotalsPoissonPeakComesFromTheTotalsRate() {
    StringBuilder yaml = new StringBuilder("traffic: {peak: {model: poisson, percentile: 99.9}}\nworkloads:\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("  w").append(i).append(": {").append(i < 4 ? "writes" : "reads").append(": 1/s}\n");
    }
    Estimate e = Estimates.of(yaml.toString());
    assertThat(e.value("workloads.w0.writes.peak_per_second")).isCloseTo(5, within(1e-12));
    assertThat(e.value("traffic.total.peak_per_second")).isCloseTo(21, within(1e-12));
    assertThat(e.value("traffic.writes.peak_per_second")).isCloseTo(11, within(1e-12));
    // Poisson(6): ppf(0.999, 6) = 15
    assertThat(e.value("traffic.reads.peak_per_second")).isCloseTo(15, within(1e-12));
  }

  /**
   * Combined: the busiest second within the busiest hour. 10% of the day in its busiest hour is 2.4
   * times the average (10% x 24); at 100/s that hour runs at 240/s, whose p99.9 second holds 289
   * requests (scipy.stats.poisson.ppf(0.999, 240) = 289), a factor of 2.89, above diurnal's 2.4 and
   * Poisson's 1.32 alone. At 1/s: 2.4/s in the hour, p99.9 8 (ppf(0.999, 2.4) = 8), a factor of 8.
   * Ten such workloads together: 24/s in the hour, p99.9 40 (ppf(0.999, 24) = 40), not 10 x 8.
   */
  @Test
  void theCombinedPeakIsTheBusiestSecondOfTheBusiestHour() {
    Estimate busy = Estimates.of("""
        traffic: {peak: {model: combined, peak_hour_share: 10%, percentile: 99.9}}
        workloads: {busy: {reads: 100/s}}
        """);
    assertThat(busy.value("workloads.busy.peak_factor")).isCloseTo(2.89, within(1e-12));
    assertThat(busy.value("traffic.total.peak_per_second")).isCloseTo(289, within(1e-9));
    StringBuilder yaml = new StringBuilder(
        "traffic: {peak: {model: combined, peak_hour_share: 10%, percentile: 99.9}}\nworkloads:\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("  w").append(i).append(": {reads: 1/s}\n");
    }
    Estimate ten = Estimates.of(yaml.toString());
    assertThat(ten.value("workloads.w0.peak_factor")).isCloseTo(8, within(1e-12));
    assertThat(ten.value("traffic.total.peak_per_second")).isCloseTo(40, within(1e-9));
  }

  /**
   * A workload with a peak factor of its own keeps its peak, added to the Poisson busiest second of
   * the others: 100/s x 3 = 300, plus Poisson(10) at p99.9, 21 (scipy.stats.poisson.ppf).
   */
  @Test
  void aWorkloadWithItsOwnFactorAddsItsPeakToThePoissonTotal() {
    Estimate e = Estimates.of("""
        traffic: {peak: {model: poisson, percentile: 99.9}}
        workloads:
          fixed: {reads: 100/s, peak_factor: 3}
          a: {reads: 4/s}
          b: {writes: 6/s}
        """);
    assertThat(e.value("traffic.total.peak_per_second")).isCloseTo(321, within(1e-9));
  }

  /**
   * Little's law at the peak: 1,200/s x 20 ms = 24 in flight; ceil(24 / 70%) = 35 servers by rate.
   * For a p99 wait of at most 10 ms, Erlang C at a = 24 Erlangs by its closed form, (a^c/c! x
   * c/(c-a)) / (sum over k < c of a^k/k! + a^c/c! x c/(c-a)): 30 servers leave 17.29% of requests
   * waiting, a p99 of 20 ms x ln(17.29) / 6 = 9.50 ms (29 servers: 24.23%, 20 ms x ln(24.23) / 5 =
   * 12.7 ms, too long); the rate's 35 servers are more, and bind.
   */
  @Test
  void queueingUsesTheWorkloadsPeak() {
    Estimate e = Estimates.of(EXAMPLE);
    assertThat(e.value("workloads.api.queueing.peak_per_second")).isCloseTo(1200, withinPercentage(1e-9));
    assertThat(e.value("workloads.api.queueing.in_flight")).isCloseTo(24, within(1e-9));
    assertThat(e.value("workloads.api.queueing.servers_by_rate")).isEqualTo(35);
    assertThat(e.value("workloads.api.queueing.servers_by_wait")).isEqualTo(30);
    assertThat(e.value("workloads.api.queueing.wait_probability")).isCloseTo(0.172862, within(1e-6));
    assertThat(e.value("workloads.api.queueing.wait_p99_seconds")).isCloseTo(0.0094997, withinPercentage(0.01));
    assertThat(e.value("workloads.api.queueing.servers")).isEqualTo(35);
    assertThat(e.text("workloads.api.queueing.bound_by")).isEqualTo("rate");
  }

  /**
   * 20K writes/s of 1 KB at a peak factor of 1 is 20 MB/s: ceil(max(20 / 5, 20 / 3)) = 7
   * partitions; 7 days of it is 20e6 x 604,800 = 12.1 TB, 36.3 TB in three copies.
   */
  @Test
  void streamsOfTheIssueExample() {
    Estimate e = Estimates.of(EXAMPLE);
    String s = "workloads.events.stream.";
    assertThat(e.value(s + "partitions_by_produce")).isEqualTo(4);
    assertThat(e.value(s + "partitions_by_consume")).isEqualTo(7);
    assertThat(e.value(s + "partitions")).isEqualTo(7);
    assertThat(e.text(s + "bound_by")).isEqualTo("consume");
    assertThat(e.value(s + "bytes_retained")).isEqualTo(1.2096e13);
    assertThat(e.value(s + "bytes_replicated")).isCloseTo(3.6288e13, withinPercentage(1e-9));
    assertThat(e.value(s + "bytes_per_partition")).isCloseTo(1.2096e13 / 7, withinPercentage(1e-9));
  }

  /**
   * 1 call in 100 over 1 s at a fan-out of 100: 1 - 0.99^100 = 63.4% of searches are slow (The Tail
   * at Scale); the 240 searches a second at peak make 24,000 calls a second.
   */
  @Test
  void tailLatencyOfTheSlowShareForm() {
    Estimate e = Estimates.of(EXAMPLE);
    String t = "workloads.search.tail_latency.";
    assertThat(e.value(t + "slow_request_fraction")).isCloseTo(0.634, within(0.0005));
    assertThat(e.value(t + "slow_over_seconds")).isEqualTo(1);
    // 100/s x 2.4 x 100 calls
    assertThat(e.value(t + "calls_per_second")).isCloseTo(24_000, withinPercentage(1e-9));
    assertThat(under(e, "workloads.search.tail_latency.hedge")).isEmpty();
    assertThat(e.has(t + "request_p99_seconds")).as("percentiles need call_latency p50 and p99").isFalse();
  }

  /**
   * The chain: lb down 0.0001^2 = 1e-8, app (0.5 / 720.5)^3 = 3.342e-10, db 2.998e-6: 3.00833e-6 in
   * all, 99.99970%, 5.52 nines, 1.52 more than the target's 4. Limited by db; no single point of
   * failure. Downtime 3.00833e-6 x 2,592,000 s = 7.80 s a month, of 259.2 s allowed. The budget
   * over 28 days: 0.0001 x 2,419,200 = 241.92 s; 2% of it in an hour is a burn rate of 13.44.
   */
  @Test
  void theChainAndTheErrorBudget() {
    Estimate e = Estimates.of(EXAMPLE);
    assertThat(e.complement("availability.composite")).isCloseTo(3.0083342e-6, withinPercentage(1e-4));
    assertThat(e.text("availability.limited_by")).isEqualTo("db");
    assertThat(e.text("availability.meets_target")).isEqualTo(true);
    assertThat(e.value("availability.margin_nines")).isCloseTo(-Math.log10(3.0083342e-6) - 4, within(1e-6));
    assertThat(e.value("availability.composite_downtime_seconds_per_month")).isCloseTo(7.7976, withinPercentage(1e-3));
    assertThat(e.value("availability.downtime_seconds.month")).isCloseTo(259.2, within(1e-9));
    assertThat(e.value("availability.margin_downtime_seconds_per_month"))
        .isCloseTo(259.2 - 7.7976, withinPercentage(1e-3));
    assertThat(e.text("availability.single_points_of_failure")).isEqualTo(List.of());
    assertThat(e.value("availability.error_budget.seconds")).isCloseTo(241.92, within(1e-9));
    assertThat(e.value("availability.burn_rate_alerts.0.burn_rate")).isCloseTo(13.44, within(1e-12));
    // 20,600 requests a second (500 + 100 + 20,000) for 28 days, 0.01% of them
    assertThat(e.value("availability.error_budget.requests")).isCloseTo(20_600.0 * 2_419_200 * 1e-4,
        withinPercentage(1e-9));
  }

  /** Each link: lb 1 - 1e-8, app 1 - 3.342e-10 (its replicas up 720 h of every 720.5 h), db 1 - 2.998e-6. */
  @Test
  void eachComponentIsItsReplicasKOfN() {
    Estimate e = Estimates.of(EXAMPLE);
    assertThat(e.complement("availability.components.0.availability")).isCloseTo(1e-8, withinPercentage(1e-6));
    assertThat(e.value("availability.components.1.replica_availability"))
        .isCloseTo(720 / 720.5, withinPercentage(1e-12));
    assertThat(e.complement("availability.components.1.availability"))
        .isCloseTo(Math.pow(0.5 / 720.5, 3), withinPercentage(1e-6));
    assertThat(e.complement("availability.components.2.availability")).isCloseTo(2.998e-6, withinPercentage(1e-3));
    assertThat(e.value("availability.components.0.nines")).isCloseTo(8, within(1e-9));
  }

  @Test
  void aSingleReplicaIsMarkedAndListed() {
    Estimate e = Estimates.of("""
        workloads: {post: {writes: 1/s}}
        availability:
          target: 99.9%
          components: [{name: db, availability: 99.99%}, {name: cache, availability: 99.9%, replicas: 2}]
        """);
    assertThat(e.text("availability.components.0.single_point_of_failure")).isEqualTo(true);
    assertThat(e.text("availability.components.1.single_point_of_failure")).isEqualTo(false);
    assertThat(e.text("availability.single_points_of_failure")).isEqualTo(List.of("db"));
    // One replica: its availability is the replica's own.
    assertThat(e.value("availability.components.0.availability")).isEqualTo(0.9999);
  }

  @Test
  void withoutModelKeysThereAreNoModelFigures() {
    Estimate e = Estimates.of("workloads: {post: {writes: 1/s}}");
    assertThat(under(e, "availability")).isEmpty();
    assertThat(under(e, "workloads.post")).noneMatch(p -> p.contains(".queueing") || p.contains(".tail_latency")
        || p.contains(".stream") || p.contains(".peak_model"));
  }
  /**
   * A call of p50 5 ms and p99 50 ms is lognormal with sigma (ln 50 - ln 5) / z(0.99) = 0.98979. A
   * request waiting for the slowest of 100 such calls is at its p99 when every call is under the
   * call's 0.99^(1/100) percentile: 198.2 ms (scipy.stats.norm: 0.198189 s); its p50 is 57.19 ms.
   * Hedging after the call's p95 (25.47 ms) sends 5% more calls, "approximately 5%" in The Tail at
   * Scale; with P(hedged > t) = S(t) S(t - t95) past t95, solved with scipy's brentq on the same
   * survival: the call's p99 falls to 32.81 ms, the request's p99 to 63.75 ms and p50 to 34.58 ms,
   * calls over 50 ms from 1% to 0.05404% and requests from 63.4% to 5.262%.
   */
  @Test
  void tailLatencyOfTheQuantileFormWithAHedge() {
    Estimate e = Estimates.of("""
        workloads:
          search: {reads: 100/s, fanout: 100, call_latency: {p50: 5ms, p99: 50ms}, hedge_after: p95}
          one: {reads: 100/s, fanout: 1, call_latency: {p50: 5ms, p99: 50ms}, hedge_after: p99.9}
        """);
    String t = "workloads.search.tail_latency.";
    assertThat(e.value(t + "request_p99_seconds")).isCloseTo(0.1981894, withinPercentage(1e-4));
    assertThat(e.value(t + "request_p50_seconds")).isCloseTo(0.0571870, withinPercentage(1e-4));
    assertThat(e.value(t + "slow_call_fraction")).isCloseTo(0.01, within(1e-15));
    assertThat(e.value(t + "slow_over_seconds")).isEqualTo(0.050);
    assertThat(e.value(t + "slow_request_fraction")).isCloseTo(0.6339677, within(1e-7));
    String h = t + "hedge.";
    assertThat(e.value(h + "after_seconds")).isCloseTo(0.0254697, withinPercentage(1e-4));
    assertThat(e.value(h + "extra_call_fraction")).isCloseTo(0.05, within(1e-12));
    assertThat(e.value(h + "call_p99_seconds")).isCloseTo(0.0328133, withinPercentage(1e-4));
    assertThat(e.value(h + "request_p99_seconds")).isCloseTo(0.0637500, withinPercentage(1e-4));
    assertThat(e.value(h + "request_p50_seconds")).isCloseTo(0.0345774, withinPercentage(1e-4));
    assertThat(e.value(h + "slow_call_fraction")).isCloseTo(0.000540399, withinPercentage(1e-3));
    assertThat(e.value(h + "slow_request_fraction")).isCloseTo(0.0526195, withinPercentage(1e-3));
    // One call: the request is the call. A hedge after p99.9 never fires before the call's p99.
    String one = "workloads.one.tail_latency.";
    assertThat(e.value(one + "request_p99_seconds")).isCloseTo(0.050, withinPercentage(1e-9));
    assertThat(e.value(one + "request_p50_seconds")).isCloseTo(0.005, withinPercentage(1e-9));
    assertThat(e.value(one + "hedge.call_p99_seconds")).isCloseTo(0.050, withinPercentage(1e-9));
    assertThat(e.value(one + "hedge.extra_call_fraction")).isCloseTo(0.001, within(1e-12));
  }

  /**
   * The SRE workbook's alerts for 99.9% over 30 days (ch. 5, table 5-8): 2% of the budget in 1 h is
   * a burn rate of 0.02 x 720 = 14.4, an error rate of 1.44%, the budget gone in 30 d / 14.4 = 50 h;
   * 5% in 6 h is 6 (0.6%, 5 d); 10% in 3 d is 1 (0.1%, 30 d).
   */
  @Test
  void theWorkbookBurnRatesForThirtyDays() {
    Estimate e = Estimates.of("""
        workloads: {api: {writes: 1K/s}}
        availability: {target: 99.9%, window: 30d}
        """);
    String a = "availability.burn_rate_alerts.";
    double[][] expected = {{14.4, 0.0144, 180_000, 3_600, 300}, {6, 0.006, 432_000, 21_600, 1_800},
        {1, 0.001, 2_592_000, 259_200, 21_600}};
    for (int i = 0; i < expected.length; i++) {
      assertThat(e.value(a + i + ".burn_rate")).isCloseTo(expected[i][0], within(1e-12));
      assertThat(e.value(a + i + ".error_rate")).isCloseTo(expected[i][1], within(1e-12));
      assertThat(e.value(a + i + ".budget_exhausted_seconds")).isCloseTo(expected[i][2], within(1e-6));
      assertThat(e.value(a + i + ".long_window_seconds")).isEqualTo(expected[i][3]);
      assertThat(e.value(a + i + ".short_window_seconds")).isEqualTo(expected[i][4]);
    }
    assertThat(e.text(a + "2.action")).isEqualTo("ticket");
    // 1,000 requests a second for 30 days, 0.1% of them
    assertThat(e.value("availability.error_budget.requests")).isCloseTo(2_592_000, withinPercentage(1e-9));
  }

  /**
   * A one-day window has no 3-day alert, and its 1-hour alert burns 0.02 x 24 = 0.48. At 90% a burn
   * rate of 14.4 would need 144% of requests to fail: the threshold is all of them.
   */
  @Test
  void shortWindowsAndLowTargets() {
    Estimate day = Estimates.of("{workloads: {a: {writes: 1/s}}, availability: {target: 99.9%, window: 1d}}");
    assertThat(day.has("availability.burn_rate_alerts.1.burn_rate")).isTrue();
    assertThat(day.has("availability.burn_rate_alerts.2.burn_rate")).isFalse();
    assertThat(day.value("availability.burn_rate_alerts.0.burn_rate")).isCloseTo(0.48, within(1e-12));
    Estimate low = Estimates.of("{workloads: {a: {writes: 1/s}}, availability: {target: 90%, window: 30d}}");
    assertThat(low.value("availability.burn_rate_alerts.0.error_rate")).isEqualTo(1);
  }

  /** Poisson far above 10^7/s: the exact quantile, 100,030,904 at 10^8/s (scipy.stats.poisson.ppf), over L. */
  @Test
  void thePoissonFactorOfAVeryBusyWorkload() {
    Estimate e = Estimates.of("""
        traffic: {peak: {model: poisson, percentile: 99.9}}
        workloads: {busy: {reads: 100M/s}}
        """);
    assertThat(e.value("workloads.busy.peak_factor")).isCloseTo(1.00030904, within(1e-8));
  }
}
