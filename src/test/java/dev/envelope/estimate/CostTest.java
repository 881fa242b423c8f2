package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.CliRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What an estimate costs at the file's unit prices (docs/models/cost.md): each part a month and a
 * year, the total, the calendar's month, the file's GB, and the percentiles and budgets of ranged
 * prices. The arithmetic is in each comment; the published anchor is Alex Xu's YouTube.
 */
class CostTest {
  /**
   * Alex Xu, System Design Interview vol. 1, ch. 14 "Design YouTube": "5 million * 5 videos *
   * 0.3GB * $0.02 = $150,000 per day" of CDN cost (CloudFront, United States). Every byte watched
   * leaves the CDN's edge, whatever its hit ratio.
   */
  private static final String XU_YOUTUBE = """
      users: {dau: 5M}
      workloads:
        video: {reads_per_user: 5/day, read_size: 300MB, cdn: {hit_ratio: 95%}}
      cost: {currency: USD, cdn_egress_per_gb: 0.02}
      """;

  @Test
  void xusYouTubeCdnCostsAHundredAndFiftyThousandDollarsADay() {
    Estimate e = Estimates.of(XU_YOUTUBE);
    // $150,000 a day x the sre calendar's 30-day month = $4.5M; x 12 = $54M a year.
    assertThat(e.value("cost.cdn_egress.per_month") / 30).isCloseTo(150_000, withinPercentage(1e-9));
    assertThat(e.value("cost.cdn_egress.per_month")).isCloseTo(4.5e6, withinPercentage(1e-9));
    assertThat(e.value("cost.cdn_egress.per_year")).isCloseTo(54e6, withinPercentage(1e-9));
    assertThat(e.value("cost.total.per_month")).isCloseTo(4.5e6, withinPercentage(1e-9));
    assertThat(e.text("cost.currency")).isEqualTo("USD");
  }

  @Test
  void theYouTubeExampleHoldsXusFigure() {
    Estimate e = Estimates.file("examples/youtube.yaml", Optional.empty(), List.of());
    assertThat(e.value("cost.cdn_egress.per_month")).isCloseTo(4.5e6, withinPercentage(1e-9));
    // Xu's 150 TB stored a day: 5M x 10% x 300 MB.
    assertThat(e.value("storage.bytes_per_day")).isCloseTo(150e12, withinPercentage(1e-9));
  }

  /**
   * One workload of 1,000 writes/s of 1 KB kept 1 year in 3 copies, and 10,000 reads/s of 10 KB,
   * a tenth of them from the origin behind a CDN; 7 servers (ceil(22K/s / (5K x 70%)) = 7: peak
   * 2 x 11K/s) and cache nodes.
   */
  private static final String PRICED = """
      workloads:
        api: {writes: 1K/s, payload: 1KB, reads: 10K/s, read_size: 10KB, cdn: {hit_ratio: 90%}}
      storage: {retention: 1y, replication: 3}
      capacity: {server_qps: 5K}
      cost:
        server_per_month: 70
        storage_per_gb_month: 0.023
        egress_per_gb: 0.09
        cdn_egress_per_gb: 0.02
        per_million_requests: 1
      """;

  @Test
  void eachPartIsItsQuantityAtItsPrice() {
    Estimate e = Estimates.of(PRICED);
    assertThat(e.value("capacity.servers")).isEqualTo(7);
    // 7 servers x 70 = 490 a month.
    assertThat(e.value("cost.servers.per_month")).isCloseTo(490, withinPercentage(1e-9));
    // Retained: 1K/s x 1 KB x 31,536,000 s = 31.536 TB; x 3 = 94.608 TB = 94,608 GB; x 0.023 = 2,175.984.
    assertThat(e.value("cost.storage.per_month")).isCloseTo(2_175.984, withinPercentage(1e-9));
    // Origin egress: 10K/s x 10 KB x 10% = 10 MB/s; x 2,592,000 s = 25,920 GB; x 0.09 = 2,332.8.
    assertThat(e.value("cost.egress.per_month")).isCloseTo(2_332.8, withinPercentage(1e-9));
    // Edge egress: 100 MB/s x 2,592,000 s = 259,200 GB; x 0.02 = 5,184.
    assertThat(e.value("cost.cdn_egress.per_month")).isCloseTo(5_184, withinPercentage(1e-9));
    // Requests: 11K/s x 2,592,000 s = 28,512 M; x 1 = 28,512.
    assertThat(e.value("cost.requests.per_month")).isCloseTo(28_512, withinPercentage(1e-9));
    // 490 + 2,175.984 + 2,332.8 + 5,184 + 28,512 = 38,694.784; a year 12 times that.
    assertThat(e.value("cost.total.per_month")).isCloseTo(38_694.784, withinPercentage(1e-9));
    assertThat(e.value("cost.total.per_year")).isCloseTo(464_337.408, withinPercentage(1e-9));
    assertThat(e.value("cost.storage.per_year")).isCloseTo(12 * 2_175.984, withinPercentage(1e-9));
    assertThat(e.has("cost.cache.per_month")).as("no cache node count to price").isFalse();
    assertThat(e.has("cost.currency")).as("no currency given").isFalse();
  }

  @Test
  void withoutACdnTheOriginServesEveryByte() {
    Estimate e = Estimates.of(PRICED.replace(", cdn: {hit_ratio: 90%}", ""));
    // 100 MB/s x 2,592,000 s = 259,200 GB; x 0.09 = 23,328. No edge to price.
    assertThat(e.value("cost.egress.per_month")).isCloseTo(23_328, withinPercentage(1e-9));
    assertThat(e.has("cost.cdn_egress.per_month")).isFalse();
  }

  @Test
  void aMonthIsTheCalendarsNotTheRatesShortcut() {
    // seconds_per_month: 2.5M changes the rates' month, not the bill's: still 30 days of egress.
    Estimate shortcut = Estimates.of(PRICED + "conventions: {seconds_per_month: 2.5M}\n");
    assertThat(shortcut.value("cost.egress.per_month")).isCloseTo(2_332.8, withinPercentage(1e-9));
    // The Gregorian month, 365.2425 / 12 = 30.436875 days: 2,332.8 x 30.436875 / 30 = 2,366.7714.
    Estimate gregorian = Estimates.of(PRICED + "conventions: {calendar: gregorian}\n");
    assertThat(gregorian.value("cost.egress.per_month")).isCloseTo(2_366.7714, withinPercentage(1e-9));
  }

  @Test
  void aGbFollowsTheFilesUnits() {
    // In iec units the payload's 1 KB is 1,024 B and a GB 2^30 B: retained 1K/s x 1,024 B x
    // 31,536,000 s x 3 = 96,878,592,000,000 B = 90,225.22 GiB; x 0.023 = 2,075.18.
    Estimate e = Estimates.of(PRICED + "conventions: {units: iec}\n");
    assertThat(e.value("cost.storage.per_month"))
        .isCloseTo(96_878_592_000_000d / (1L << 30) * 0.023, withinPercentage(1e-9));
    assertThat(e.value("cost.storage.per_month")).isCloseTo(2_075.18, withinPercentage(0.001));
  }

  @Test
  void serversAreTheApplicationsAndTheConnectionsAndCacheNodesTheLargerCount() {
    Estimate e = Estimates.of("""
        users: {dau: 10M}
        workloads:
          chat:
            reads_per_user: 100/day
            read_size: 1KB
            connections: {concurrent: 1M, per_server: 50K}
        cache: {node_memory: 10GB, hot_objects: 100M, object_size: 1KB}
        capacity: {server_qps: 10K, utilization: 50%}
        cost: {server_per_month: 100, cache_node_per_month: 200}
        """);
    // Reads 10M x 100 / 86,400 = 11,574/s, peak 23,148/s: ceil(23,148 / 5K) = 5 application servers;
    // ceil(1M / 25K) = 40 connection servers; 45 x 100 = 4,500.
    assertThat(e.value("capacity.servers")).isEqualTo(5);
    assertThat(e.value("workloads.chat.connections.servers")).isEqualTo(40);
    assertThat(e.value("cost.servers.per_month")).isCloseTo(4_500, withinPercentage(1e-9));
    // 80/20: 20% x 1B reads x 1 KB = 200 GB, ceil(200 / 5) = 40 nodes; working set 100 GB, 20
    // nodes: the larger, 40 x 200 = 8,000.
    assertThat(e.value("cache.nodes")).isEqualTo(40);
    assertThat(e.value("cache.working_set_nodes")).isEqualTo(20);
    assertThat(e.value("cost.cache.per_month")).isCloseTo(8_000, withinPercentage(1e-9));
  }

  @Test
  void aPriceWithNothingToPriceGivesNoCost() {
    Estimate e = Estimates.of("""
        workloads: {api: {writes: 1K/s, payload: 1KB}}
        cost: {currency: USD, storage_per_gb_month: 0.023, server_per_month: 70}
        """);
    // No retention, no server limit: nothing to price, so no parts and no total; the currency stays.
    assertThat(e.has("cost.storage.per_month")).isFalse();
    assertThat(e.has("cost.servers.per_month")).isFalse();
    assertThat(e.has("cost.total.per_month")).isFalse();
  }

  @Test
  void aPriceWithNothingToPriceIsWarnedAbout() {
    CliRun r = CliRun.run("""
        workloads: {api: {writes: 1K/s, payload: 1KB}}
        cost: {storage_per_gb_month: 0.023, cdn_egress_per_gb: 0.02}
        """, Map.of(), false, "estimate", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("<stdin>:2:30: warning: cost.storage_per_gb_month: ignored: storage is priced on"
        + " the replicated bytes retained, and there are none; give storage.retention and a workload that stores data"
        + " (a write rate with a payload), or drop storage_per_gb_month",
        "<stdin>:2:56: warning: cost.cdn_egress_per_gb: ignored: no CDN serves any bytes; give a workload that reads"
        + " a cdn: {hit_ratio: 90%}, or drop cdn_egress_per_gb");
    assertThat(CliRun.run("""
        workloads: {api: {writes: 1K/s, payload: 1KB}}
        cost: {storage_per_gb_month: 0.023, cdn_egress_per_gb: 0.02}
        """, Map.of(), false, "estimate", "-", "--strict").exitCode()).isNotZero();
  }

  @Test
  void theCostStepsAreExplainedWithTheirPrices() {
    CliRun r = CliRun.run(XU_YOUTUBE, Map.of(), false, "explain", "-", "cost.cdn_egress.per_month");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("cdn_egress/month = (edge egress x month / GB) x cdn_egress_per_gb",
        "= (86.8 GB/s x 2,592,000 s / 1 GB) x 0.02", "= 4.5 M",
        "cdn_egress_per_gb          0.02   input        cost.cdn_egress_per_gb at <stdin>:4:42",
        "conventions.calendar_days.month: calendar month (sre): 30 days of 86,400 s");
    CliRun napkin = CliRun.run(XU_YOUTUBE, Map.of(), false, "estimate", "-", "--napkin");
    assertThat(napkin.out()).contains("Cost", "CDN egress a month   ~6 x 10^6   4.5 M");
  }

  @Test
  void theTableNamesTheCurrencyOnce() {
    CliRun r = CliRun.run(XU_YOUTUBE, Map.of(), false, "estimate", "-");
    assertThat(r.out()).contains("Cost (USD)\n").containsPattern("\n  CDN egress +4\\.5 M +54 M\n");
    assertThat(r.out().split("USD", -1)).hasSize(2);
  }

  /**
   * A price as a range: 0.01 to 0.04 a GB (its p5 and p95) over Xu's 225 PB a month gives a p95
   * near 225M GB x 0.04 = 9M, over a budget of 6M at the p95 and under it at the point (4.5M).
   */
  @Test
  void aBudgetOnTheTotalHoldsAtAPercentile() {
    String ranged = XU_YOUTUBE.replace("cdn_egress_per_gb: 0.02", "cdn_egress_per_gb: 0.01 to 0.04");
    CliRun over = CliRun.run(ranged + "budgets: {cost.total.per_month: \"p95 <= 6M\"}\n", Map.of(), false,
        "check", "-");
    assertThat(over.exitCode()).as(over.toString()).isEqualTo(1);
    assertThat(over.out()).contains("FAIL", "cost.total.per_month", "p95 <= 6M");
    CliRun under = CliRun.run(ranged + "budgets: {cost.total.per_month: \"p95 <= 50M\"}\n", Map.of(), false,
        "check", "-");
    assertThat(under.exitCode()).as(under.toString()).isZero();
    CliRun point = CliRun.run(ranged + "budgets: {cost.total.per_month: \"<= 6M\"}\n", Map.of(), false,
        "check", "-");
    assertThat(point.exitCode()).as(point.toString()).isZero();
  }

  @Test
  void aLimitThatIsNotAnAmountIsRefused() {
    CliRun r = CliRun.run(XU_YOUTUBE + "budgets: {cost.total.per_month: \"<= 5TB\"}\n", Map.of(), false,
        "check", "-");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("budgets.cost.total.per_month: the figure is an amount of money and the limit is"
        + " not one (got '5TB'); expected an amount in the file's currency such as 50000 or 50K");
  }
}
