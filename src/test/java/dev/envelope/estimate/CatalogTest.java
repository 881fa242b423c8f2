package dev.envelope.estimate;

import static dev.envelope.estimate.Estimates.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-checked figures of whole files; the arithmetic is in each test's comments. */
class CatalogTest {

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
      assertThat(e.value("traffic.writes.per_day")).isCloseTo(864_000, withinPercentage(EXACT));
      assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(10, withinPercentage(EXACT));
      assertThat(e.value("traffic.writes.peak_per_second")).isCloseTo(30, withinPercentage(EXACT));
      assertThat(e.value("workloads.orders.peak_factor")).isEqualTo(3);
    }

    @Test
    void perUserRatesAreMultipliedByDailyUsers() {
      Estimate e = Estimates.of("""
          users: {dau: 1M}
          workloads:
            post: {writes_per_user: 0.864/day}
          """);
      // 1M x 0.864 = 864,000 a day = 10/s.
      assertThat(e.value("users.dau")).isEqualTo(1e6);
      assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(10, withinPercentage(EXACT));
    }

    @Test
    void dauWinsOverMauTimesDailyActive() {
      Estimate e = Estimates.of("""
          users: {dau: 1M, mau: 100M, daily_active: 50%}
          workloads:
            post: {writes_per_user: 0.864/day}
          """);
      // With 1M users 10/s, as above; with 50M it would be 500/s.
      assertThat(e.value("users.dau")).isEqualTo(1e6);
      assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(10, withinPercentage(EXACT));
    }

    @Test
    void readsFollowTheRatio() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 10/s, read_write_ratio: 10:1}
            b: {writes: 10/s, read_write_ratio: 1:10}
          """);
      assertThat(e.value("workloads.a.reads.avg_per_second")).isCloseTo(100, withinPercentage(EXACT));
      assertThat(e.value("workloads.b.reads.avg_per_second")).isCloseTo(1, withinPercentage(EXACT));
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
      assertThat(e.value("traffic.reads.avg_per_second")).isCloseTo(50, withinPercentage(EXACT));
    }

    @Test
    void workloadWithoutReadsHasNoReadFiguresAndTotalsCountItZero() {
      Estimate e = Estimates.of("""
          workloads:
            ingest: {writes: 5/s, payload: 100B}
          """);
      assertThat(under(e, "workloads.ingest.reads")).isEmpty();
      assertThat(under(e, "workloads.ingest.egress")).isEmpty();
      assertThat(under(e, "traffic.reads")).as("no reading workload, no read totals").isEmpty();
      assertThat(under(e, "bandwidth.egress")).isEmpty();
      assertThat(under(e, "cache")).isEmpty();
      // Total = writes only: 5/s, peak 10/s with the default factor of 2.
      assertThat(e.value("traffic.total.avg_per_second")).isCloseTo(5, withinPercentage(EXACT));
      assertThat(e.value("traffic.total.peak_per_second")).isCloseTo(10, withinPercentage(EXACT));
    }

    @Test
    void readOnlyWorkloadHasNoWriteFigures() {
      Estimate e = Estimates.of("""
          workloads:
            view: {reads: 100/s, read_size: 10KB}
          """);
      assertThat(under(e, "workloads.view.writes")).isEmpty();
      assertThat(under(e, "workloads.view.ingress")).isEmpty();
      assertThat(under(e, "workloads.view.storage")).isEmpty();
      assertThat(under(e, "traffic.writes")).as("no writing workload, no write totals").isEmpty();
      // 100 x 10,000 B = 1 MB/s.
      assertThat(e.value("workloads.view.egress.avg_bytes_per_second")).isCloseTo(1e6, withinPercentage(EXACT));
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
      assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(12, withinPercentage(EXACT));
      assertThat(e.value("traffic.writes.peak_per_second")).isCloseTo(40, withinPercentage(EXACT));
      assertThat(e.value("traffic.writes.per_day")).isCloseTo(1_036_800, withinPercentage(EXACT));
      // reads: 50 + 100 = 150/s, peaks 150 + 300 = 450/s.
      assertThat(e.value("traffic.reads.avg_per_second")).isCloseTo(150, withinPercentage(EXACT));
      assertThat(e.value("traffic.reads.peak_per_second")).isCloseTo(450, withinPercentage(EXACT));
      // total: 162/s, peak 490/s (not 162 x 3 = 486: each workload keeps its own factor).
      assertThat(e.value("traffic.total.avg_per_second")).isCloseTo(162, withinPercentage(EXACT));
      assertThat(e.value("traffic.total.peak_per_second")).isCloseTo(490, withinPercentage(EXACT));
    }

    @Test
    void totalsEqualTheSumOfTheWorkloadFigures() {
      Estimate e = Estimates.of(MIX);
      for (String[] total : new String[][] {
          {"traffic.writes.per_day", "writes.per_day"},
          {"traffic.writes.peak_per_second", "writes.peak_per_second"},
          {"traffic.reads.avg_per_second", "reads.avg_per_second"},
          {"bandwidth.ingress.avg_bytes_per_second", "ingress.avg_bytes_per_second"},
          {"bandwidth.egress.peak_bytes_per_second", "egress.peak_bytes_per_second"},
          {"storage.bytes_per_day", "storage.bytes_per_day"}}) {
        double sum = 0;
        for (String w : new String[] {"post", "like", "view"}) {
          sum += e.optional("workloads." + w + "." + total[1]).orElse(0);
        }
        assertThat(e.value(total[0])).as(total[0]).isCloseTo(sum, withinPercentage(EXACT));
      }
    }

    @Test
    void bandwidthIsRateTimesSize() {
      Estimate e = Estimates.of(MIX);
      // ingress: post 10 x 2,000 = 20,000 B/s (peak 60,000), like 2 x 100 = 200 (peak 1,000).
      assertThat(e.value("bandwidth.ingress.avg_bytes_per_second")).isCloseTo(20_200, withinPercentage(EXACT));
      assertThat(e.value("bandwidth.ingress.peak_bytes_per_second")).isCloseTo(61_000, withinPercentage(EXACT));
      // egress: post 50 x 2,000 = 100,000 B/s (peak 300,000), view 100 x 10,000 = 1,000,000 (peak 3,000,000).
      assertThat(e.value("bandwidth.egress.avg_bytes_per_second")).isCloseTo(1_100_000, withinPercentage(EXACT));
      assertThat(e.value("bandwidth.egress.peak_bytes_per_second")).isCloseTo(3_300_000, withinPercentage(EXACT));
    }

    @Test
    void storageAndCacheAddTheWorkloads() {
      Estimate e = Estimates.of(MIX);
      // per day: post 20,000 B/s x 86,400 = 1.728 GB, like 200 x 86,400 = 17.28 MB: 1.74528 GB.
      assertThat(e.value("storage.bytes_per_day")).isCloseTo(1.74528e9, withinPercentage(EXACT));
      // cache: 20% x (post 50 x 86,400 x 2,000 = 8.64 GB + view 100 x 86,400 x 10,000 = 86.4 GB)
      //      = 20% x 95.04 GB = 19.008 GB.
      assertThat(e.value("cache.bytes")).isCloseTo(19.008e9, withinPercentage(EXACT));
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
      // 1/s x 1,000 B x 1.1 = 1,100 B/s: a day 95.04 MB, a 30-day month 2.8512 GB, a 365-day year 34.6896 GB.
      assertThat(e.value("storage.bytes_per_day")).isCloseTo(95.04e6, withinPercentage(EXACT));
      assertThat(e.value("storage.bytes_per_month")).isCloseTo(2.8512e9, withinPercentage(EXACT));
      assertThat(e.value("storage.bytes_per_year")).isCloseTo(34.6896e9, withinPercentage(EXACT));
      assertThat(e.value("storage.bytes_retained")).isCloseTo(95.04e6, withinPercentage(EXACT));
      // Objects are not inflated: 86,400 of them. Two copies: 190.08 MB.
      assertThat(e.value("storage.objects_retained")).isCloseTo(86_400, withinPercentage(EXACT));
      assertThat(e.value("storage.bytes_replicated")).isCloseTo(190.08e6, withinPercentage(EXACT));
      assertThat(e.value("workloads.logs.storage.bytes_per_day")).isCloseTo(95.04e6, withinPercentage(EXACT));
      // On the wire: 1,000 B/s.
      assertThat(e.value("bandwidth.ingress.avg_bytes_per_second")).isCloseTo(1000, withinPercentage(EXACT));
    }

    @Test
    void withoutPayloadThereIsNoStorageAndNoIngress() {
      Estimate e = Estimates.of("""
          workloads:
            ping: {writes: 10/s, read_write_ratio: 2:1}
          storage: {retention: 5y}
          capacity: {shard_storage: 1TB}
          """);
      assertThat(under(e, "storage")).isEmpty();
      assertThat(under(e, "bandwidth.ingress")).isEmpty();
      assertThat(under(e, "bandwidth.egress")).as("without read_size or payload").isEmpty();
      assertThat(under(e, "cache")).isEmpty();
      assertThat(under(e, "workloads.ping.storage")).isEmpty();
      assertThat(e.has("capacity.shards_by_storage")).isFalse();
      assertThat(e.has("capacity.shards")).isFalse();
    }

    @Test
    void withoutRetentionThereIsNothingRetainedOrReplicated() {
      Estimate e = Estimates.of("""
          workloads:
            logs: {writes: 1/s, payload: 1000B}
          capacity: {shard_storage: 1TB}
          """);
      assertThat(e.value("storage.bytes_per_day")).isCloseTo(86.4e6, withinPercentage(EXACT));
      assertThat(under(e, "storage")).doesNotContain("storage.retention_seconds", "storage.bytes_retained",
          "storage.objects_retained", "storage.replication", "storage.bytes_replicated");
      assertThat(e.has("workloads.logs.storage.bytes_retained")).isFalse();
      assertThat(e.has("workloads.logs.storage.objects_retained")).isFalse();
      assertThat(e.has("capacity.shards_by_storage")).isFalse();
    }

    @Test
    void withoutAnAvailabilityTargetThereIsNoAvailability() {
      Estimate e = Estimates.of("""
          workloads:
            logs: {writes: 1/s}
          """);
      assertThat(under(e, "availability")).isEmpty();
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
      assertThat(e.value("workloads.a.writes.avg_per_second")).isCloseTo(1, withinPercentage(EXACT));
      assertThat(e.value("workloads.b.writes.avg_per_second")).isCloseTo(1e-5, withinPercentage(EXACT));
      assertThat(e.value("workloads.c.writes.avg_per_second")).isCloseTo(1, withinPercentage(EXACT));
      assertThat(e.value("workloads.d.writes.avg_per_second")).isCloseTo(1, withinPercentage(EXACT));
      // A day of traffic is 100,000 s of it.
      assertThat(e.value("workloads.a.writes.per_day")).isCloseTo(100_000, withinPercentage(EXACT));
      // SLA periods keep the 86,400 s day: 0.1% of it is 86.4 s, of a 30-day month 2,592 s.
      assertThat(e.value("availability.downtime_seconds.day")).isCloseTo(86.4, withinPercentage(1e-6));
      assertThat(e.value("availability.downtime_seconds.month")).isCloseTo(2_592, withinPercentage(1e-6));
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
      assertThat(e.value("workloads.paste.writes.avg_per_second")).isCloseTo(4, withinPercentage(EXACT));
      assertThat(e.value("workloads.ping.writes.avg_per_second")).isCloseTo(1, withinPercentage(EXACT));
      assertThat(e.value("storage.retention_seconds")).isCloseTo(90e6, withinPercentage(EXACT));
      // A month of storage is 4,000 B/s x 2.5M s = 10 GB; a year keeps 365 days: 4,000 x 31,536,000.
      assertThat(e.value("storage.bytes_per_month")).isCloseTo(10e9, withinPercentage(EXACT));
      assertThat(e.value("storage.bytes_per_year")).isCloseTo(126.144e9, withinPercentage(EXACT));
      // The SLA month is still the calendar's 30 days: 0.1% is 2,592 s, not 2,500.
      assertThat(e.value("availability.period_seconds.month")).isEqualTo(2_592_000);
      assertThat(e.value("availability.downtime_seconds.month")).isCloseTo(2_592, withinPercentage(1e-6));
    }

    @Test
    void gregorianCalendarLengthensTheMonthForRatesToo() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 2629746/month}
          conventions: {calendar: gregorian}
          """);
      // The Gregorian month: 365.2425 / 12 x 86,400 = 2,629,746 s.
      assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(1, withinPercentage(EXACT));
    }

    @Test
    void availabilityUsesTheTargetAndTheCalendar() {
      Estimate e = Estimates.of("""
          workloads:
            a: {writes: 1/s}
          availability: {target: 3.5 nines}
          """);
      // 0.05% of a 30-day month (2,592,000 s) = 1,296 s; -log10(0.0005) = 3.30103.
      assertThat(e.value("availability.target")).isEqualTo(0.9995);
      assertThat(e.value("availability.downtime_seconds.month")).isCloseTo(1_296, withinPercentage(1e-6));
      assertThat(e.value("availability.nines")).isCloseTo(3.30103, withinPercentage(1e-3));
    }
  }

  @Nested
  class Capacity {
    /*
     * 10 writes/s and 90 reads/s on average; peak factor 2: 20 writes/s, 180 reads/s, 200 in all.
     * Retained: 10 x 1,000 B x 100 days of 86,400 s = 86.4 GB. Utilization 50%.
     * Cache: 20% x 90 x 86,400 x 1,000 B = 1.5552 GB.
     */
    private static Estimate orders(String shardWriteQps, String shardReadQps) {
      return Estimates.of("""
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
          """.formatted(shardWriteQps, shardReadQps));
    }

    @Test
    void serversAreTheCeilingOfPeakOverUsableCapacity() {
      // 200 / (30 x 50%) = 13.3: 14 servers.
      assertThat(orders("4", "100").optional("capacity.servers")).hasValue(14);
    }

    @Test
    void shardsAreTheLargestOfStorageWritesAndReads() {
      Estimate e = orders("4", "100");
      // storage 86.4 GB / (10 GB x 50%) = 17.28: 18; writes 20 / (4 x 50%) = 10; reads 180 / (100 x 50%) = 3.6: 4.
      assertThat(e.optional("capacity.shards_by_storage")).hasValue(18);
      assertThat(e.optional("capacity.shards_by_writes")).hasValue(10);
      assertThat(e.optional("capacity.shards_by_reads")).hasValue(4);
      assertThat(e.optional("capacity.shards")).hasValue(18);
      assertThat(e.text("capacity.bound_by")).isEqualTo("storage");
      // 18 shards x 3 copies.
      assertThat(e.optional("capacity.nodes")).hasValue(54);
    }

    @Test
    void writesBindWhenTheyNeedTheMostShards() {
      Estimate e = orders("1", "100");
      // writes 20 / (1 x 50%) = 40 > 18 > 4; nodes 40 x 3 = 120.
      assertThat(e.optional("capacity.shards_by_writes")).hasValue(40);
      assertThat(e.optional("capacity.shards")).hasValue(40);
      assertThat(e.text("capacity.bound_by")).isEqualTo("writes");
      assertThat(e.optional("capacity.nodes")).hasValue(120);
    }

    @Test
    void readsBindWhenTheyNeedTheMostShards() {
      Estimate e = orders("4", "5");
      // reads 180 / (5 x 50%) = 72 > 18 > 10; nodes 72 x 3 = 216.
      assertThat(e.optional("capacity.shards_by_reads")).hasValue(72);
      assertThat(e.optional("capacity.shards")).hasValue(72);
      assertThat(e.text("capacity.bound_by")).isEqualTo("reads");
      assertThat(e.optional("capacity.nodes")).hasValue(216);
    }

    @Test
    void aTieBindsTheFirstOfStorageWritesAndReads() {
      // writes 20 / (2.25 x 50%) = 17.8: 18, as many as storage: storage comes first.
      Estimate e = orders("2.25", "100");
      assertThat(e.optional("capacity.shards_by_writes")).hasValue(18);
      assertThat(e.text("capacity.bound_by")).isEqualTo("storage");
    }

    @Test
    void cacheNodesAreTheCeilingOfCacheOverUsableMemory() {
      Estimate e = orders("4", "100");
      // 1.5552 GB / (1 GB x 50%) = 3.11: 4 nodes.
      assertThat(e.value("cache.bytes")).isCloseTo(1.5552e9, withinPercentage(EXACT));
      assertThat(e.optional("cache.nodes")).hasValue(4);
    }

    @Test
    void countsWithoutTheirLimitAreLeftOut() {
      Estimate e = Estimates.of("""
          workloads:
            orders: {writes: 864000/day, read_write_ratio: 9:1, payload: 1KB}
          storage: {retention: 100d}
          capacity: {shard_write_qps: 4}
          """);
      assertThat(e.has("capacity.servers")).isFalse();
      assertThat(e.has("capacity.shards_by_storage")).isFalse();
      assertThat(e.has("capacity.shards_by_reads")).isFalse();
      // writes 20 peak / (4 x 70% default) = 7.14: 8; alone, they bind.
      assertThat(e.optional("capacity.shards_by_writes")).hasValue(8);
      assertThat(e.text("capacity.bound_by")).isEqualTo("writes");
      assertThat(e.has("cache.nodes")).isFalse();
    }

    @Test
    void withNoLimitsThereAreNoCounts() {
      Estimate e = Estimates.of("""
          workloads:
            orders: {writes: 10/s, payload: 1KB}
          storage: {retention: 1y}
          """);
      assertThat(under(e, "capacity")).isEmpty();
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
      assertThat(e.value("traffic.writes.peak_per_second")).isGreaterThan(0.3);
      assertThat(e.optional("capacity.servers")).hasValue(1);
      assertThat(e.optional("capacity.shards_by_writes")).hasValue(1);
    }
  }
}
