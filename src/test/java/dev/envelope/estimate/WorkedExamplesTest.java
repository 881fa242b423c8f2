package dev.envelope.estimate;

import static dev.envelope.estimate.Estimates.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * Published back-of-the-envelope estimates, reproduced from requirements files that set the
 * conventions each source used.
 */
class WorkedExamplesTest {

  /**
   * System Design Primer, solutions/system_design/pastebin/README.md. Conventions: 2.5 million
   * seconds per month, 3 years = 36 months, 1 KB = 1,000 B, no peak factor. Inputs: 10M paste
   * writes a month, 10:1 reads, 1,271 B a paste (1,000 content + 7 shortlink + 4 expiration + 5
   * created_at + 255 path).
   */
  private static final String PASTEBIN = """
      name: Pastebin
      workloads:
        paste:
          writes: 10M/month
          read_write_ratio: 10:1
          payload: 1271B
      traffic:
        peak_factor: 1
      storage:
        retention: 36mo
      conventions:
        seconds_per_month: 2.5M
        units: si
      """;

  @Test
  void pastebinHasFourWritesAndFortyReadsPerSecond() {
    Estimate e = Estimates.of(PASTEBIN);
    // Published: 4 writes/s (10M / 2.5M s), 40 reads/s; no peak factor, so peak = average.
    assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(4, withinPercentage(1e-9));
    assertThat(e.value("traffic.writes.peak_per_second")).isCloseTo(4, withinPercentage(1e-9));
    assertThat(e.value("traffic.reads.avg_per_second")).isCloseTo(40, withinPercentage(1e-9));
    assertThat(e.value("traffic.reads.peak_per_second")).isCloseTo(40, withinPercentage(1e-9));
  }

  @Test
  void pastebinStoresTwelvePointSevenGigabytesAMonth() {
    Estimate e = Estimates.of(PASTEBIN);
    // Published: 12.7 GB a month. By hand: 10M x 1,271 B = 12.71 GB.
    assertThat(e.value("storage.bytes_per_month")).isCloseTo(12.71e9, withinPercentage(1e-9));
  }

  @Test
  void pastebinKeepsFourHundredFiftySevenGigabytesAndThreeHundredSixtyMillionPastesInThreeYears() {
    Estimate e = Estimates.of(PASTEBIN);
    // 36 months of 2.5M s = 90M s.
    assertThat(e.value("storage.retention_seconds")).isCloseTo(90e6, withinPercentage(1e-9));
    // Published ~450 GB; exact with 1,271 B: 12.71 GB x 36 = 457.56 GB.
    assertThat(e.value("storage.bytes_retained")).isCloseTo(457.56e9, withinPercentage(1e-9));
    // Published: 360 million shortlinks (10M x 36).
    assertThat(e.value("storage.objects_retained")).isCloseTo(360e6, withinPercentage(1e-9));
    // Not published: three copies by default, 3 x 457.56 GB = 1,372.68 GB.
    assertThat(e.value("storage.bytes_replicated")).isCloseTo(1372.68e9, withinPercentage(1e-9));
  }

  /**
   * Alex Xu, System Design Interview vol. 1, ch. 2 "Back-of-the-envelope Estimation". Conventions:
   * 86,400 s a day, 365-day year, decimal bytes, peak = 2 x average. Inputs: 300M MAU, 50% daily,
   * 2 tweets per user per day, 10% of tweets carry 1 MB of media, 5 years; the storage figure
   * counts media only. Here the media is spread over every tweet: 10% x 1 MB = 100 KB a tweet.
   */
  private static final String TWITTER_AVERAGE_MEDIA = """
      name: Twitter
      users:
        mau: 300M
        daily_active: 50%
      workloads:
        tweet:
          writes_per_user: 2/day
          payload: 100KB
      traffic:
        peak_factor: 2
      storage:
        retention: 5y
      conventions:
        calendar: sre
        seconds_per_day: 86400
        units: si
      """;

  @Test
  void twitterHasOneHundredFiftyMillionDailyUsers() {
    // Published: DAU 150M (300M x 50%).
    assertThat(Estimates.of(TWITTER_AVERAGE_MEDIA).value("users.dau")).isEqualTo(150e6);
  }

  @Test
  void twitterPeakIsTwiceItsThirtyFiveHundredTweetsPerSecond() {
    Estimate e = Estimates.of(TWITTER_AVERAGE_MEDIA);
    // Published ~3,500 QPS, exact 150M x 2 / 86,400 = 3,472.2; peak ~7,000, exact 6,944.4.
    assertThat(e.value("workloads.tweet.writes.per_day")).isCloseTo(300e6, withinPercentage(1e-9));
    assertThat(e.value("workloads.tweet.writes.avg_per_second")).isCloseTo(3_472.2, withinPercentage(0.01));
    assertThat(e.value("workloads.tweet.writes.peak_per_second")).isCloseTo(6_944.4, withinPercentage(0.01));
  }

  @Test
  void twitterStoresThirtyTerabytesOfMediaADayAndFiftyFivePetabytesInFiveYears() {
    Estimate e = Estimates.of(TWITTER_AVERAGE_MEDIA);
    // Published: 150M x 2 x 10% x 1 MB = 30 TB a day.
    assertThat(e.value("storage.bytes_per_day")).isCloseTo(30e12, withinPercentage(1e-9));
    // Published ~55 PB; exact 30 TB x 365 x 5 = 54.75 PB.
    assertThat(e.value("storage.bytes_retained"))
        .isCloseTo(54.75e15, withinPercentage(1e-9));
  }

  /** The same source, with the media as its own workload: 10% of 2 tweets a day carry 1 MB. */
  private static final String TWITTER_MEDIA_WORKLOAD = """
      name: Twitter
      users:
        mau: 300M
        daily_active: 50%
      workloads:
        tweet:
          writes_per_user: 2/day
        media:
          writes_per_user: 0.2/day
          payload: 1MB
      traffic:
        peak_factor: 2
      storage:
        retention: 5y
      """;

  @Test
  void twitterWithAMediaWorkloadGivesTheSameTweetRateAndMediaStorage() {
    Estimate e = Estimates.of(TWITTER_MEDIA_WORKLOAD);
    assertThat(e.value("workloads.tweet.writes.avg_per_second")).isCloseTo(3_472.2, withinPercentage(0.01));
    assertThat(e.value("workloads.tweet.writes.peak_per_second")).isCloseTo(6_944.4, withinPercentage(0.01));
    // The tweet text has no payload here: Xu's storage counts media only.
    assertThat(under(e, "workloads.tweet.storage")).isEmpty();

    // 150M x 0.2 = 30M media writes a day, x 1 MB = 30 TB; x 1,825 days = 54.75 PB.
    assertThat(e.value("workloads.media.writes.per_day")).isCloseTo(30e6, withinPercentage(1e-9));
    assertThat(e.value("workloads.media.storage.bytes_per_day")).isCloseTo(30e12, withinPercentage(1e-9));
    assertThat(e.value("workloads.media.storage.bytes_retained"))
        .isCloseTo(54.75e15, withinPercentage(1e-9));
    assertThat(e.value("storage.bytes_per_day")).isCloseTo(30e12, withinPercentage(1e-9));
    assertThat(e.value("storage.bytes_retained"))
        .isCloseTo(54.75e15, withinPercentage(1e-9));
  }

  /**
   * Grokking the System Design Interview, "Designing a URL Shortening service". Conventions: a
   * 30-day month (the sre calendar's), 12 months a year (so 5 years are written as 60 months; a
   * 5y retention would be 1,825 days instead of 1,800), decimal bytes, cache = 20% of a day's
   * reads (the default hot fraction). Inputs: 500M new URLs a month, 100:1, 500 B an object.
   */
  private static final String TINYURL = """
      name: TinyURL
      workloads:
        url:
          writes: 500M/month
          read_write_ratio: 100:1
          payload: 500B
      storage:
        retention: 60mo
      cache:
        hot_fraction: 20%
      conventions:
        calendar: sre
      """;

  @Test
  void tinyUrlHasTwoHundredWritesAndTwentyThousandReadsPerSecond() {
    Estimate e = Estimates.of(TINYURL);
    // Published ~200/s, exact 500M / (30 x 86,400) = 192.9; reads 100 x that = 19,290.
    assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(192.9, withinPercentage(0.01));
    assertThat(e.value("traffic.reads.avg_per_second")).isCloseTo(19_290, withinPercentage(0.01));
  }

  @Test
  void tinyUrlKeepsThirtyBillionObjectsInFifteenTerabytes() {
    Estimate e = Estimates.of(TINYURL);
    // Published: 500M x 60 = 30 billion objects; x 500 B = 15 TB.
    assertThat(e.value("storage.objects_retained")).isCloseTo(30e9, withinPercentage(1e-9));
    assertThat(e.value("storage.bytes_retained")).isCloseTo(15e12, withinPercentage(1e-9));
  }

  @Test
  void tinyUrlMovesAHundredKilobytesInAndTenMegabytesOutPerSecond() {
    Estimate e = Estimates.of(TINYURL);
    // Published ~100 KB/s: 192.9 x 500 B = 96.45 KB/s; ~10 MB/s: 19,290 x 500 B = 9.645 MB/s.
    assertThat(e.value("bandwidth.ingress.avg_bytes_per_second")).isCloseTo(96_450, withinPercentage(0.01));
    assertThat(e.value("bandwidth.egress.avg_bytes_per_second")).isCloseTo(9_645_000, withinPercentage(0.01));
  }

  @Test
  void tinyUrlCachesTwentyPercentOfADaysReads() {
    Estimate e = Estimates.of(TINYURL);
    // Published ~1.7 billion reads a day: 19,290 x 86,400 = 50B / 30 = 1.667 B.
    assertThat(e.value("traffic.reads.per_day")).isCloseTo(1.6667e9, withinPercentage(0.01));
    // Published ~170 GB: 20% x 1.667 B x 500 B = 166.7 GB.
    assertThat(e.value("cache.bytes")).isCloseTo(166.67e9, withinPercentage(0.01));
    assertThat(e.value("cache.hot_fraction")).isEqualTo(0.2);
  }

  /**
   * Alex Xu, System Design Interview vol. 1, ch. 12 "Design a chat system": "assume 1M concurrent
   * users. Each user connection needs 10K of memory on the server (very rough figure), it only
   * needs about 10GB memory to hold all the connections on one box."
   */
  @Test
  void xusMillionConcurrentChatUsersHoldTenGigabytes() {
    Estimate e = Estimates.of("""
        workloads:
          chat:
            connections: {concurrent: 1M, memory_per_connection: 10KB}
        """);
    // 1,000,000 connections x 10,000 B = 10 GB (decimal, as Xu's 10K and 10GB).
    assertThat(e.value("workloads.chat.connections.concurrent")).isEqualTo(1e6);
    assertThat(e.value("workloads.chat.connections.memory_bytes")).isCloseTo(10e9, withinPercentage(1e-9));
  }

  /**
   * Grokking the System Design Interview, "Designing Facebook Messenger", high-level design: "Let's
   * plan for 500 million connections at any time. Assuming a modern server can handle 50K
   * concurrent connections at any time, we would need 10K such servers." Grokking fills each
   * server to its limit: utilization 100%.
   */
  @Test
  void grokkingsFiveHundredMillionConnectionsNeedTenThousandServers() {
    String messenger = """
        workloads:
          message:
            connections: {concurrent: 500M, per_server: 50K}
        capacity:
          utilization: %s
        """;
    // 500,000,000 / 50,000 = 10,000.
    assertThat(Estimates.of(messenger.formatted("100%")).value("workloads.message.connections.servers"))
        .isEqualTo(10_000);
    // At the default 70%: 500M / 35K = 14,285.7, rounded up.
    assertThat(Estimates.of(messenger.formatted("70%")).value("workloads.message.connections.servers"))
        .isEqualTo(14_286);
  }

  /**
   * Kleppmann, Designing Data-Intensive Applications, ch. 1 (Twitter, November 2012): "Post tweet:
   * 4.6k requests/sec on average"; "on average, a tweet is delivered to about 75 followers, so 4.6k
   * tweets per second become 345k writes per second to the home timeline caches."
   */
  @Test
  void kleppmannsTweetsBecomeThreeHundredFortyFiveThousandTimelineWritesASecond() {
    Estimate e = Estimates.of("""
        workloads:
          tweet:
            writes: 4.6K/s
            fanout_on_write: {followers: 75}
        traffic:
          peak_factor: 1
        """);
    // 4,600 x 75 = 345,000.
    assertThat(e.value("workloads.tweet.fanout_on_write.timeline_writes.avg_per_second"))
        .isCloseTo(345_000, withinPercentage(1e-9));
    // They are writes: 4,600 tweets + 345,000 timeline entries.
    assertThat(e.value("traffic.writes.avg_per_second")).isCloseTo(349_600, withinPercentage(1e-9));
  }

  /**
   * System Design Primer, solutions/system_design/pastebin/README.md, "Calculate usage": "Size per
   * paste: 1 KB content per paste; shortlink - 7 bytes; expiration_length_in_minutes - 4 bytes;
   * created_at - 5 bytes; paste_path - 255 bytes; total = ~1.27 KB".
   */
  @Test
  void pastebinsPasteIsTwelveHundredSeventyOneBytesFromItsFiveFields() {
    Estimate e = Estimates.of(PASTEBIN.replace("payload: 1271B", """
        payload:
              fields: {content: 1KB, shortlink: 7B, expiration_length_in_minutes: 4B, created_at: 5B,
                       paste_path: 255B}"""));
    // 1,000 + 7 + 4 + 5 + 255 = 1,271 B.
    assertThat(e.value("workloads.paste.payload_bytes")).isEqualTo(1271);
    // The month's 12.71 GB of the Primer, from the fields: 10M x 1,271 B.
    assertThat(e.value("storage.bytes_per_month")).isCloseTo(12.71e9, withinPercentage(1e-9));
    assertThat(e.step("workloads.paste.payload_bytes").inputs()).extracting(d -> d.symbol())
        .containsExactly("content", "shortlink", "expiration_length_in_minutes", "created_at", "paste_path");
  }
}
