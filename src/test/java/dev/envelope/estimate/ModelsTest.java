package dev.envelope.estimate;

import static dev.envelope.estimate.Estimates.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.estimate.Models.AvailabilityFigures;
import dev.envelope.estimate.Models.ChainFigures;
import dev.envelope.estimate.Models.StreamFigures;
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
    assertThat(workload(e, "api").peakFactor()).isCloseTo(2.4, within(1e-12));
    assertThat(workload(e, "api").writes().orElseThrow().peakPerSecond()).isCloseTo(1200, withinPercentage(1e-9));
    // its own peak_factor wins over the model
    assertThat(workload(e, "events").peakFactor()).isEqualTo(1);
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
    assertThat(workload(e, "busy").peakFactor()).isCloseTo(1.32, within(1e-12));
    // writes and reads together: 10/s
    assertThat(workload(e, "quiet").peakFactor()).isCloseTo(2.1, within(1e-12));
    assertThat(workload(e, "quiet").writes().orElseThrow().peakPerSecond()).isCloseTo(12.6, withinPercentage(1e-9));
  }

  /** Little's law at the peak: 1,200/s x 20 ms = 24 in flight; ceil(24 / 70%) = 35 servers by rate. */
  @Test
  void queueingUsesTheWorkloadsPeak() {
    Queueing.Result q = Models.of(Estimates.of(EXAMPLE)).workload("api").orElseThrow().queueing().orElseThrow();
    assertThat(q.inFlight()).isCloseTo(24, within(1e-9));
    assertThat(q.serversByRate()).isEqualTo(35);
    assertThat(q.byWait()).isPresent();
  }

  /**
   * 20K writes/s of 1 KB at a peak factor of 1 is 20 MB/s: ceil(max(20 / 5, 20 / 3)) = 7
   * partitions; 7 days of it is 20e6 x 604,800 = 12.1 TB, 36.3 TB in three copies.
   */
  @Test
  void streamsOfTheIssueExample() {
    StreamFigures s = Models.of(Estimates.of(EXAMPLE)).workload("events").orElseThrow().stream().orElseThrow();
    assertThat(s.partitions().partitions()).isEqualTo(7);
    assertThat(s.bytesRetained()).hasValue(1.2096e13);
    assertThat(s.bytesReplicated().getAsDouble()).isCloseTo(3.6288e13, withinPercentage(1e-9));
    assertThat(s.bytesPerPartition().getAsDouble()).isCloseTo(1.2096e13 / 7, withinPercentage(1e-9));
  }

  /** 1 call in 100 over 1 s at a fan-out of 100: 63.4% of searches (The Tail at Scale); 10,000 calls/s at 100/s peak. */
  @Test
  void tailLatencyOfTheSlowShareForm() {
    Models.TailFigures t = Models.of(Estimates.of(EXAMPLE)).workload("search").orElseThrow().tailLatency()
        .orElseThrow();
    assertThat(t.fanOut().slowRequestFraction()).isCloseTo(0.634, within(0.0005));
    // 100/s x 2.4 x 100 calls
    assertThat(t.callsPerSecond()).isCloseTo(24_000, withinPercentage(1e-9));
    assertThat(t.extraCallsPerSecond()).isEmpty();
  }

  /**
   * The chain: lb down 0.0001^2 = 1e-8, app (0.5 / 720.5)^3 = 3.342e-10, db 2.998e-6: 3.00833e-6 in
   * all, 99.99970%, 5.52 nines, 1.52 more than the target's 4. Limited by db; no single point of
   * failure. Downtime 3.00833e-6 x 2,592,000 s = 7.80 s a month, of 259.2 s allowed. The budget
   * over 28 days: 0.0001 x 2,419,200 = 241.92 s; 2% of it in an hour is a burn rate of 13.44.
   */
  @Test
  void theChainAndTheErrorBudget() {
    Models.Figures f = Models.of(Estimates.of(EXAMPLE));
    AvailabilityFigures a = f.availability().orElseThrow();
    ChainFigures c = a.chain().orElseThrow();
    assertThat(c.chain().unavailability()).isCloseTo(3.0083342e-6, withinPercentage(1e-4));
    assertThat(c.chain().limitedBy()).isEqualTo("db");
    assertThat(c.meetsTarget()).isTrue();
    assertThat(c.marginNines()).isCloseTo(-Math.log10(3.0083342e-6) - 4, within(1e-6));
    assertThat(c.downtimeSecondsPerMonth()).isCloseTo(7.7976, withinPercentage(1e-3));
    assertThat(c.allowedDowntimeSecondsPerMonth()).isCloseTo(259.2, within(1e-9));
    assertThat(f.warnings()).isEmpty();
    assertThat(a.budget().seconds()).isCloseTo(241.92, within(1e-9));
    assertThat(a.alerts().get(0).burnRate()).isCloseTo(13.44, within(1e-12));
    // 20,600 requests a second (500 + 100 + 20,000) for 28 days, 0.01% of them
    assertThat(a.budget().requests().getAsDouble()).isCloseTo(20_600.0 * 2_419_200 * 1e-4, withinPercentage(1e-9));
  }

  @Test
  void aSingleReplicaIsWarnedAbout() {
    Models.Figures f = Models.of(Estimates.of("""
        workloads: {post: {writes: 1/s}}
        availability:
          target: 99.9%
          components: [{name: db, availability: 99.99%}, {name: cache, availability: 99.9%, replicas: 2}]
        """));
    assertThat(f.warnings()).containsExactly("test.yaml: availability.components[0] (db) is a single point of"
        + " failure: one replica, so the whole chain is down whenever it is");
  }

  @Test
  void withoutModelKeysThereAreNoModelFigures() {
    Models.Figures f = Models.of(Estimates.of("workloads: {post: {writes: 1/s}}"));
    assertThat(f.availability()).isEmpty();
    assertThat(f.workloads()).isEmpty();
  }
}
