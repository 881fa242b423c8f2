package dev.envelope.estimate;

import static dev.envelope.estimate.Estimates.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.estimate.Estimate.CapacityFigures;
import dev.envelope.estimate.Estimate.Flow;
import dev.envelope.estimate.Estimate.StorageFigures;
import dev.envelope.estimate.Estimate.WorkloadFigures;
import dev.envelope.units.CalendarUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-checked figures; the arithmetic is in each test's comments. */
class EstimatorTest {

  private static final double EXACT = 1e-9;

  @Nested
  class Traffic {
    @Test
    void peakIsAverageTimesPeakFactor() {
      Estimate e = Estimates.of("""
          workloads:
            orders: {writes: 864000/day}
          traffic: {peak_factor: 3}
          """);
      // 864,000 / 86,400 = 10/s; peak 3 x 10 = 30/s.
      Flow w = e.writes().orElseThrow();
      assertThat(w.perDay()).isCloseTo(864_000, withinPercentage(EXACT));
      assertThat(w.avgPerSecond()).isCloseTo(10, withinPercentage(EXACT));
      assertThat(w.peakPerSecond()).isCloseTo(30, withinPercentage(EXACT));
    }

    @Test
    void perUserRatesAreMultipliedByDailyUsers() {
      Estimate e = Estimates.of("""
          users: {dau: 1M}
          workloads:
            post: {writes_per_user: 0.864/day}
          """);
      // 1M x 0.864 = 864,000 a day = 10/s.
      assertThat(e.dau()).hasValue(1e6);
      assertThat(e.writes().orElseThrow().avgPerSecond()).isCloseTo(10, withinPercentage(EXACT));
    }

    @Test
    void dauWinsOverMauTimesDailyActive() {
      Estimate e = Estimates.of("""
          users: {dau: 1M, mau: 100M, daily_active: 50%}
          workloads:
            post: {writes_per_user: 0.864/day}
          """);
      // With 1M users 10/s, as above; with 50M it would be 500/s.
      assertThat(e.dau()).hasValue(1e6);
      assertThat(e.writes().orElseThrow().avgPerSecond()).isCloseTo(10, withinPercentage(EXACT));
    }

    @Test
    void readsFollowTheRatio() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 10/s, read_write_ratio: 10:1}
            b: {writes: 10/s, read_write_ratio: 1:10}
          """);
      assertThat(workload(e, "a").reads().orElseThrow().avgPerSecond()).isCloseTo(100, withinPercentage(EXACT));
      assertThat(workload(e, "b").reads().orElseThrow().avgPerSecond()).isCloseTo(1, withinPercentage(EXACT));
    }

    @Test
    void explicitReadsWinOverTheRatio() {
      Estimate e = Estimates.of("""
          workloads:
            feed:
              writes: 1/s
              reads: 4.32M/day
              read_write_ratio: 10:1
          """);
      // 4,320,000 / 86,400 = 50/s, not 1 x 10.
      assertThat(e.reads().orElseThrow().avgPerSecond()).isCloseTo(50, withinPercentage(EXACT));
    }

    @Test
    void workloadWithoutReadsHasNoReadFiguresAndTotalsCountItZero() {
      Estimate e = Estimates.of("""
          workloads:
            ingest: {writes: 5/s, payload: 100B}
          """);
      WorkloadFigures ingest = workload(e, "ingest");
      assertThat(ingest.reads()).isEmpty();
      assertThat(ingest.egress()).isEmpty();
      assertThat(e.reads()).as("no reading workload, no read totals").isEmpty();
      assertThat(e.egress()).isEmpty();
      assertThat(e.cache()).isEmpty();
      // Total = writes only: 5/s, peak 10/s with the default factor of 2.
      assertThat(e.total().avgPerSecond()).isCloseTo(5, withinPercentage(EXACT));
      assertThat(e.total().peakPerSecond()).isCloseTo(10, withinPercentage(EXACT));
    }

    @Test
    void readOnlyWorkloadHasNoWriteFigures() {
      Estimate e = Estimates.of("""
          workloads:
            view: {reads: 100/s, read_size: 10KB}
          """);
      WorkloadFigures view = workload(e, "view");
      assertThat(view.writes()).isEmpty();
      assertThat(view.ingress()).isEmpty();
      assertThat(view.storage()).isEmpty();
      assertThat(e.writes()).as("no writing workload, no write totals").isEmpty();
      // 100 x 10,000 B = 1 MB/s.
      assertThat(view.egress().orElseThrow().avgBytesPerSecond()).isCloseTo(1e6, withinPercentage(EXACT));
    }
  }

  @Nested
  class Totals {
    /*
     * post: 1M x 0.864 / 86,400 = 10 writes/s, x 5 = 50 reads/s, peak factor 3 (the file's):
     *       peaks 30 and 150; 2,000 B a write, read_size defaults to payload.
     * like: 172,800 / 86,400 = 2 writes/s, its own peak factor 5: peak 10; 100 B; no reads.
     * view: 8,640,000 / 86,400 = 100 reads/s, peak 300; 10,000 B a read; no writes.
     */
    private static final String MIX = """
        users: {dau: 1M}
        workloads:
          post: {writes_per_user: 0.864/day, read_write_ratio: 5:1, payload: 2KB}
          like: {writes: 172800/day, payload: 100B, peak_factor: 5}
          view: {reads: 8.64M/day, read_size: 10KB}
        traffic: {peak_factor: 3}
        """;

    @Test
    void totalFlowsAddTheWorkloadsAndTheirPeaks() {
      Estimate e = Estimates.of(MIX);
      // writes: 10 + 2 = 12/s, peaks 30 + 10 = 40/s, 12 x 86,400 = 1,036,800 a day.
      assertThat(e.writes().orElseThrow().avgPerSecond()).isCloseTo(12, withinPercentage(EXACT));
      assertThat(e.writes().orElseThrow().peakPerSecond()).isCloseTo(40, withinPercentage(EXACT));
      assertThat(e.writes().orElseThrow().perDay()).isCloseTo(1_036_800, withinPercentage(EXACT));
      // reads: 50 + 100 = 150/s, peaks 150 + 300 = 450/s.
      assertThat(e.reads().orElseThrow().avgPerSecond()).isCloseTo(150, withinPercentage(EXACT));
      assertThat(e.reads().orElseThrow().peakPerSecond()).isCloseTo(450, withinPercentage(EXACT));
      // total: 162/s, peak 490/s (not 162 x 3 = 486: each workload keeps its own factor).
      assertThat(e.total().avgPerSecond()).isCloseTo(162, withinPercentage(EXACT));
      assertThat(e.total().peakPerSecond()).isCloseTo(490, withinPercentage(EXACT));
    }

    @Test
    void totalsEqualTheSumOfTheWorkloadFigures() {
      Estimate e = Estimates.of(MIX);
      Flow writes = new Flow(0, 0, 0);
      Flow reads = new Flow(0, 0, 0);
      double ingress = 0;
      double egressPeak = 0;
      double storedPerDay = 0;
      for (WorkloadFigures w : e.workloads()) {
        writes = writes.plus(w.writes().orElse(new Flow(0, 0, 0)));
        reads = reads.plus(w.reads().orElse(new Flow(0, 0, 0)));
        ingress += w.ingress().map(Estimate.Bandwidth::avgBytesPerSecond).orElse(0.0);
        egressPeak += w.egress().map(Estimate.Bandwidth::peakBytesPerSecond).orElse(0.0);
        storedPerDay += w.storage().map(Estimate.WorkloadStorage::bytesPerDay).orElse(0.0);
      }
      assertThat(e.writes()).contains(writes);
      assertThat(e.reads()).contains(reads);
      assertThat(e.ingress().orElseThrow().avgBytesPerSecond()).isCloseTo(ingress, withinPercentage(EXACT));
      assertThat(e.egress().orElseThrow().peakBytesPerSecond()).isCloseTo(egressPeak, withinPercentage(EXACT));
      assertThat(e.storage().orElseThrow().bytesPerDay()).isCloseTo(storedPerDay, withinPercentage(EXACT));
    }

    @Test
    void bandwidthIsRateTimesSize() {
      Estimate e = Estimates.of(MIX);
      // ingress: post 10 x 2,000 = 20,000 B/s (peak 60,000), like 2 x 100 = 200 (peak 1,000).
      assertThat(e.ingress().orElseThrow().avgBytesPerSecond()).isCloseTo(20_200, withinPercentage(EXACT));
      assertThat(e.ingress().orElseThrow().peakBytesPerSecond()).isCloseTo(61_000, withinPercentage(EXACT));
      // egress: post 50 x 2,000 = 100,000 B/s (peak 300,000), view 100 x 10,000 = 1,000,000 (peak 3,000,000).
      assertThat(e.egress().orElseThrow().avgBytesPerSecond()).isCloseTo(1_100_000, withinPercentage(EXACT));
      assertThat(e.egress().orElseThrow().peakBytesPerSecond()).isCloseTo(3_300_000, withinPercentage(EXACT));
    }

    @Test
    void storageAndCacheAddTheWorkloads() {
      Estimate e = Estimates.of(MIX);
      // per day: post 20,000 B/s x 86,400 = 1.728 GB, like 200 x 86,400 = 17.28 MB: 1.74528 GB.
      assertThat(e.storage().orElseThrow().bytesPerDay()).isCloseTo(1.74528e9, withinPercentage(EXACT));
      // cache: 20% x (post 50 x 86,400 x 2,000 = 8.64 GB + view 100 x 86,400 x 10,000 = 86.4 GB)
      //      = 20% x 95.04 GB = 19.008 GB.
      assertThat(e.cache().orElseThrow().bytes()).isCloseTo(19.008e9, withinPercentage(EXACT));
    }
  }

  @Nested
  class Storage {
    @Test
    void storageIncludesTheOverheadButBandwidthDoesNot() {
      Estimate e = Estimates.of("""
          workloads:
            logs: {writes: 1/s, payload: 1000B}
          storage: {retention: 1d, overhead: 10%, replication: 2}
          """);
      StorageFigures s = e.storage().orElseThrow();
      // 1/s x 1,000 B x 1.1 = 1,100 B/s: a day 95.04 MB, a 30-day month 2.8512 GB, a 365-day year 34.6896 GB.
      assertThat(s.bytesPerDay()).isCloseTo(95.04e6, withinPercentage(EXACT));
      assertThat(s.bytesPerMonth()).isCloseTo(2.8512e9, withinPercentage(EXACT));
      assertThat(s.bytesPerYear()).isCloseTo(34.6896e9, withinPercentage(EXACT));
      Estimate.Retained r = s.retained().orElseThrow();
      assertThat(r.bytesRetained()).isCloseTo(95.04e6, withinPercentage(EXACT));
      // Objects are not inflated: 86,400 of them. Two copies: 190.08 MB.
      assertThat(r.objectsRetained()).isCloseTo(86_400, withinPercentage(EXACT));
      assertThat(r.bytesReplicated()).isCloseTo(190.08e6, withinPercentage(EXACT));
      assertThat(workload(e, "logs").storage().orElseThrow().bytesPerDay()).isCloseTo(95.04e6, withinPercentage(EXACT));
      // On the wire: 1,000 B/s.
      assertThat(e.ingress().orElseThrow().avgBytesPerSecond()).isCloseTo(1000, withinPercentage(EXACT));
    }

    @Test
    void withoutPayloadThereIsNoStorageAndNoIngress() {
      Estimate e = Estimates.of("""
          workloads:
            ping: {writes: 10/s, read_write_ratio: 2:1}
          storage: {retention: 5y}
          capacity: {shard_storage: 1TB}
          """);
      assertThat(e.storage()).isEmpty();
      assertThat(e.ingress()).isEmpty();
      assertThat(e.egress()).as("without read_size or payload").isEmpty();
      assertThat(e.cache()).isEmpty();
      assertThat(workload(e, "ping").storage()).isEmpty();
      assertThat(e.capacity().shardsByStorage()).isEmpty();
      assertThat(e.capacity().shards()).isEmpty();
    }

    @Test
    void withoutRetentionThereIsNothingRetainedOrReplicated() {
      Estimate e = Estimates.of("""
          workloads:
            logs: {writes: 1/s, payload: 1000B}
          capacity: {shard_storage: 1TB}
          """);
      StorageFigures s = e.storage().orElseThrow();
      assertThat(s.bytesPerDay()).isCloseTo(86.4e6, withinPercentage(EXACT));
      assertThat(s.retained()).isEmpty();
      assertThat(workload(e, "logs").storage().orElseThrow().bytesRetained()).isEmpty();
      assertThat(workload(e, "logs").storage().orElseThrow().objectsRetained()).isEmpty();
      assertThat(e.capacity().shardsByStorage()).isEmpty();
    }

    @Test
    void withoutAnAvailabilityTargetThereIsNoAvailability() {
      Estimate e = Estimates.of("""
          workloads:
            logs: {writes: 1/s}
          """);
      assertThat(e.availability()).isEmpty();
    }
  }

  @Nested
  class Conventions {
    @Test
    void secondsPerDayAloneMakesMonthsThirtyAndYears365SuchDays() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 3M/month}
            b: {writes: 7/week}
            c: {writes: 36.5M/year}
            d: {writes: 3600/h}
          conventions: {seconds_per_day: 100000}
          availability: {target: 99.9%}
          """);
      // a: 3,000,000 / (30 x 100,000) = 1/s; b: 7 / (7 x 100,000) = 0.00001/s;
      // c: 36,500,000 / (365 x 100,000) = 1/s; d: 3,600 / 3,600 = 1/s (hours stay exact).
      assertThat(workload(e, "a").writes().orElseThrow().avgPerSecond()).isCloseTo(1, withinPercentage(EXACT));
      assertThat(workload(e, "b").writes().orElseThrow().avgPerSecond()).isCloseTo(1e-5, withinPercentage(EXACT));
      assertThat(workload(e, "c").writes().orElseThrow().avgPerSecond()).isCloseTo(1, withinPercentage(EXACT));
      assertThat(workload(e, "d").writes().orElseThrow().avgPerSecond()).isCloseTo(1, withinPercentage(EXACT));
      // A day of traffic is 100,000 s of it.
      assertThat(workload(e, "a").writes().orElseThrow().perDay()).isCloseTo(100_000, withinPercentage(EXACT));
      // SLA periods keep the 86,400 s day: 0.1% of it is 86.4 s, of a 30-day month 2,592 s.
      Sla.Tier sla = e.availability().orElseThrow();
      assertThat(sla.downtimeSeconds().get(CalendarUnit.DAY)).isCloseTo(86.4, withinPercentage(1e-6));
      assertThat(sla.downtimeSeconds().get(CalendarUnit.MONTH)).isCloseTo(2_592, withinPercentage(1e-6));
    }

    @Test
    void secondsPerMonthConvertsMonthlyRatesAndRetentionButNotSlaPeriods() {
      Estimate e = Estimates.of("""
          workloads:
            paste: {writes: 10M/month, payload: 1000B}
            ping: {writes: 86400/day}
          storage: {retention: 36mo}
          availability: {target: 99.9%}
          conventions: {seconds_per_month: 2.5M}
          """);
      // 10M / 2.5M s = 4/s; 36 months of 2.5M s = 90M s; a day is still 86,400 s: 1/s.
      assertThat(workload(e, "paste").writes().orElseThrow().avgPerSecond()).isCloseTo(4, withinPercentage(EXACT));
      assertThat(workload(e, "ping").writes().orElseThrow().avgPerSecond()).isCloseTo(1, withinPercentage(EXACT));
      StorageFigures s = e.storage().orElseThrow();
      assertThat(s.retained().orElseThrow().retentionSeconds()).isCloseTo(90e6, withinPercentage(EXACT));
      // A month of storage is 4,000 B/s x 2.5M s = 10 GB; a year keeps 365 days: 4,000 x 31,536,000.
      assertThat(s.bytesPerMonth()).isCloseTo(10e9, withinPercentage(EXACT));
      assertThat(s.bytesPerYear()).isCloseTo(126.144e9, withinPercentage(EXACT));
      // The SLA month is still the calendar's 30 days: 0.1% is 2,592 s, not 2,500.
      Sla.Tier sla = e.availability().orElseThrow();
      assertThat(sla.periodSeconds().get(CalendarUnit.MONTH)).isEqualTo(2_592_000);
      assertThat(sla.downtimeSeconds().get(CalendarUnit.MONTH)).isCloseTo(2_592, withinPercentage(1e-6));
    }

    @Test
    void gregorianCalendarLengthensTheMonthForRatesToo() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 2629746/month}
          conventions: {calendar: gregorian}
          """);
      // The Gregorian month: 365.2425 / 12 x 86,400 = 2,629,746 s.
      assertThat(e.writes().orElseThrow().avgPerSecond()).isCloseTo(1, withinPercentage(EXACT));
    }

    @Test
    void availabilityUsesTheTargetAndTheCalendar() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 1/s}
          availability: {target: 3.5 nines}
          """);
      Sla.Tier sla = e.availability().orElseThrow();
      // 0.05% of a 30-day month (2,592,000 s) = 1,296 s; -log10(0.0005) = 3.30103.
      assertThat(sla.target()).isEqualTo(0.9995);
      assertThat(sla.downtimeSeconds().get(CalendarUnit.MONTH)).isCloseTo(1_296, withinPercentage(1e-6));
      assertThat(sla.nines()).isCloseTo(3.30103, withinPercentage(1e-3));
    }
  }

  @Nested
  class Capacity {
    /*
     * 10 writes/s and 90 reads/s on average; peak factor 2: 20 writes/s, 180 reads/s, 200 in all.
     * Retained: 10 x 1,000 B x 100 days of 86,400 s = 86.4 GB. Utilization 50%.
     * Cache: 20% x 90 x 86,400 x 1,000 B = 1.5552 GB.
     */
    private static String orders(String shardWriteQps, String shardReadQps) {
      return """
          workloads:
            orders: {writes: 864000/day, read_write_ratio: 9:1, payload: 1KB}
          traffic: {peak_factor: 2}
          storage: {retention: 100d, replication: 3}
          cache: {node_memory: 1GB}
          capacity:
            server_qps: 30
            shard_storage: 10GB
            shard_write_qps: %s
            shard_read_qps: %s
            utilization: 50%%
          """.formatted(shardWriteQps, shardReadQps);
    }

    @Test
    void serversAreTheCeilingOfPeakOverUsableCapacity() {
      CapacityFigures c = Estimates.of(orders("4", "100")).capacity();
      // 200 / (30 x 50%) = 13.3: 14 servers.
      assertThat(c.servers()).hasValue(14);
    }

    @Test
    void shardsAreTheLargestOfStorageWritesAndReads() {
      CapacityFigures c = Estimates.of(orders("4", "100")).capacity();
      // storage 86.4 GB / (10 GB x 50%) = 17.28: 18; writes 20 / (4 x 50%) = 10; reads 180 / (100 x 50%) = 3.6: 4.
      assertThat(c.shardsByStorage()).hasValue(18);
      assertThat(c.shardsByWrites()).hasValue(10);
      assertThat(c.shardsByReads()).hasValue(4);
      assertThat(c.shards()).hasValue(18);
      assertThat(c.boundBy()).contains("storage");
      // 18 shards x 3 copies.
      assertThat(c.nodes()).hasValue(54);
    }

    @Test
    void writesBindWhenTheyNeedTheMostShards() {
      CapacityFigures c = Estimates.of(orders("1", "100")).capacity();
      // writes 20 / (1 x 50%) = 40 > 18 > 4; nodes 40 x 3 = 120.
      assertThat(c.shardsByWrites()).hasValue(40);
      assertThat(c.shards()).hasValue(40);
      assertThat(c.boundBy()).contains("writes");
      assertThat(c.nodes()).hasValue(120);
    }

    @Test
    void readsBindWhenTheyNeedTheMostShards() {
      CapacityFigures c = Estimates.of(orders("4", "5")).capacity();
      // reads 180 / (5 x 50%) = 72 > 18 > 10; nodes 72 x 3 = 216.
      assertThat(c.shardsByReads()).hasValue(72);
      assertThat(c.shards()).hasValue(72);
      assertThat(c.boundBy()).contains("reads");
      assertThat(c.nodes()).hasValue(216);
    }

    @Test
    void cacheNodesAreTheCeilingOfCacheOverUsableMemory() {
      Estimate e = Estimates.of(orders("4", "100"));
      // 1.5552 GB / (1 GB x 50%) = 3.11: 4 nodes.
      assertThat(e.cache().orElseThrow().bytes()).isCloseTo(1.5552e9, withinPercentage(EXACT));
      assertThat(e.cache().orElseThrow().nodes()).hasValue(4);
    }

    @Test
    void countsWithoutTheirLimitAreLeftOut() {
      Estimate e = Estimates.of("""
          workloads:
            orders: {writes: 864000/day, read_write_ratio: 9:1, payload: 1KB}
          storage: {retention: 100d}
          capacity: {shard_write_qps: 4}
          """);
      CapacityFigures c = e.capacity();
      assertThat(c.servers()).isEmpty();
      assertThat(c.shardsByStorage()).isEmpty();
      assertThat(c.shardsByReads()).isEmpty();
      // writes 20 peak / (4 x 70% default) = 7.14: 8; alone, they bind.
      assertThat(c.shardsByWrites()).hasValue(8);
      assertThat(c.boundBy()).contains("writes");
      assertThat(e.cache().orElseThrow().nodes()).isEmpty();
    }

    @Test
    void withNoLimitsThereAreNoCounts() {
      CapacityFigures c = Estimates.of("""
          workloads:
            orders: {writes: 10/s, payload: 1KB}
          storage: {retention: 1y}
          """).capacity();
      assertThat(c.isEmpty()).isTrue();
      assertThat(c.shards()).isEmpty();
      assertThat(c.boundBy()).isEmpty();
      assertThat(c.nodes()).isEmpty();
    }

    @Test
    void countsAreImmuneToFloatingPointNoise() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 0.1/s}
            b: {writes: 0.1/s}
            c: {writes: 0.1/s}
          traffic: {peak_factor: 1}
          capacity:
            server_qps: 0.3
            shard_write_qps: 0.3
            utilization: 100%
          """);
      // Peak writes 0.1 + 0.1 + 0.1 = 0.30000000000000004 in binary, against 0.3 a node: one.
      assertThat(e.writes().orElseThrow().peakPerSecond()).isGreaterThan(0.3);
      assertThat(e.capacity().servers()).hasValue(1);
      assertThat(e.capacity().shardsByWrites()).hasValue(1);
    }
  }
}
