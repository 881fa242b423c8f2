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
}
