package dev.envelope.estimate;

import static dev.envelope.estimate.Estimates.under;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.estimate.Derivation.Operand;
import org.junit.jupiter.api.Test;

/**
 * How a workload reaches its users, through the estimate: connections and their heartbeats,
 * fan-out on write, a CDN, the cache's working set and what it leaves out, a record payload. The
 * published anchors are in {@link WorkedExamplesTest}; the arithmetic here is in each comment.
 */
class DeliveryTest {

  // Connections.

  /**
   * 20M daily users, 5% online at the busiest moment, 2 connections each: 2M connections. Each
   * heartbeats every 20 s: 100K/s at the busiest moment, 50K/s on average under a peak factor of 2.
   */
  private static final String PRESENCE = """
      users: {dau: 20M}
      workloads:
        presence:
          connections: {online_share: 5%, per_user: 2, per_server: 100K, memory_per_connection: 20KB,
                        heartbeat: 20s}
      capacity: {server_qps: 10K, utilization: 50%}
      """;

  @Test
  void connectionsAreTheOnlineUsersTimesTheirConnections() {
    Estimate e = Estimates.of(PRESENCE);
    String c = "workloads.presence.connections.";
    assertThat(e.value(c + "online_users")).isCloseTo(1e6, withinPercentage(1e-9));
    assertThat(e.value(c + "concurrent")).isCloseTo(2e6, withinPercentage(1e-9));
    // ceil(2M / (100K x 50%)) = 40.
    assertThat(e.value(c + "servers")).isEqualTo(40);
    // 2M x 20 KB = 40 GB.
    assertThat(e.value(c + "memory_bytes")).isCloseTo(40e9, withinPercentage(1e-9));
  }

  @Test
  void heartbeatsAreReadsThatReachTheTotalAndTheServers() {
    Estimate e = Estimates.of(PRESENCE);
    String h = "workloads.presence.connections.heartbeats.";
    // 2M / 20 s = 100K/s at the busiest moment; / 2 = 50K/s on average; x 86,400 s = 4.32B a day.
    assertThat(e.value(h + "peak_per_second")).isCloseTo(100_000, withinPercentage(1e-9));
    assertThat(e.value(h + "avg_per_second")).isCloseTo(50_000, withinPercentage(1e-9));
    assertThat(e.value(h + "per_day")).isCloseTo(4.32e9, withinPercentage(1e-9));
    // A workload of connections alone: its reads are its heartbeats, and its peak is theirs.
    assertThat(e.value("workloads.presence.reads.avg_per_second")).isCloseTo(50_000, withinPercentage(1e-9));
    assertThat(e.value("workloads.presence.reads.peak_per_second")).isCloseTo(100_000, withinPercentage(1e-9));
    assertThat(e.value("traffic.total.peak_per_second")).isCloseTo(100_000, withinPercentage(1e-9));
    // ceil(100K / (10K x 50%)) = 20 servers.
    assertThat(e.value("capacity.servers")).isEqualTo(20);
  }

  @Test
  void heartbeatsAddToTheReadsAWorkloadsRatesGive() {
    Estimate e = Estimates.of("""
        workloads:
          chat:
            writes: 1K/s
            read_write_ratio: 2
            connections: {concurrent: 300K, heartbeat: 30s}
        traffic: {peak_factor: 3}
        """);
    // 1K x 2 = 2K/s of reads, and 300K / 30 s = 10K/s of heartbeats at peak, 10K / 3 on average.
    assertThat(e.value("workloads.chat.reads.avg_per_second")).isCloseTo(2_000 + 10_000 / 3.0,
        withinPercentage(1e-9));
    // The peak: 2K x 3 + 10K.
    assertThat(e.value("workloads.chat.reads.peak_per_second")).isCloseTo(16_000, withinPercentage(1e-9));
  }

  @Test
  void aPoissonPeakIsTheRequestsAloneAndTheHeartbeatsAverageFollowsIt() {
    Estimate e = Estimates.of("""
        workloads:
          chat:
            reads: 100/s
            connections: {concurrent: 1M, heartbeat: 10s}
        traffic:
          peak: {model: poisson, percentile: 99.9}
        """);
    // The busiest second at p99.9 of 100/s is 132 (scipy.stats.poisson.ppf(0.999, 100)): 1.32,
    // whatever the 100K/s of heartbeats; their average is 100K / 1.32.
    assertThat(e.value("workloads.chat.peak_factor")).isCloseTo(1.32, withinPercentage(1e-9));
    assertThat(e.value("workloads.chat.connections.heartbeats.avg_per_second"))
        .isCloseTo(100_000 / 1.32, withinPercentage(1e-9));
    assertThat(e.value("workloads.chat.reads.peak_per_second")).isCloseTo(132 + 100_000, withinPercentage(1e-9));
  }

  @Test
  void withoutAHeartbeatConnectionsAddNoRequests() {
    Estimate e = Estimates.of("""
        workloads:
          chat:
            writes: 1K/s
            connections: {concurrent: 1M}
        """);
    assertThat(under(e, "workloads.chat.reads")).isEmpty();
    assertThat(under(e, "workloads.chat.connections")).containsExactly("workloads.chat.connections.online_users",
        "workloads.chat.connections.per_user", "workloads.chat.connections.concurrent");
    assertThat(e.value("traffic.total.avg_per_second")).isCloseTo(1_000, withinPercentage(1e-9));
  }

  // Fan-out on write.

  /**
   * 10M users posting once a day (115.74/s), each post copied to 200 followers at 20 B an entry,
   * kept 30 days; timelines read 50 times a day per user.
   */
  private static final String FEED = """
      users: {dau: 10M}
      workloads:
        post:
          writes_per_user: 1/day
          reads_per_user: 50/day
          payload: 1KB
          fanout_on_write: {followers: 200, entry_size: 20B}
      storage: {retention: 30d, replication: 3}
      capacity: {shard_write_qps: 10K, utilization: 100%}
      """;

  @Test
  void timelineWritesAreWritesOfTheEntrysSize() {
    Estimate e = Estimates.of(FEED);
    String f = "workloads.post.fanout_on_write.";
    // 10M x 200 = 2B timeline writes a day, 23,148/s, peak 46,296/s.
    assertThat(e.value(f + "timeline_writes.per_day")).isCloseTo(2e9, withinPercentage(1e-9));
    assertThat(e.value(f + "timeline_writes.avg_per_second")).isCloseTo(2e9 / 86_400, withinPercentage(1e-9));
    assertThat(e.value(f + "timeline_writes.peak_per_second")).isCloseTo(4e9 / 86_400, withinPercentage(1e-9));
    // In the writes: 10M + 2B a day.
    assertThat(e.value("traffic.writes.per_day")).isCloseTo(2.01e9, withinPercentage(1e-9));
    // And in the shards by writes: ceil(2.01B x 2 / 86,400 / 10K) = ceil(4.65) = 5.
    assertThat(e.value("capacity.shards_by_writes")).isEqualTo(5);
    // 2B x 20 B = 40 GB of entries a day, 1.2 TB over 30 days; the posts' 10 GB a day, 300 GB.
    assertThat(e.value(f + "storage.bytes_per_day")).isCloseTo(40e9, withinPercentage(1e-9));
    assertThat(e.value(f + "storage.bytes_retained")).isCloseTo(1.2e12, withinPercentage(1e-9));
    assertThat(e.value("storage.bytes_per_day")).isCloseTo(50e9, withinPercentage(1e-9));
    assertThat(e.value("storage.bytes_retained")).isCloseTo(1.5e12, withinPercentage(1e-9));
    // Objects stay the posts: 10M x 30.
    assertThat(e.value("storage.objects_retained")).isCloseTo(300e6, withinPercentage(1e-9));
    // Ingress stays the posts' bytes: 115.74/s x 1 KB.
    assertThat(e.value("bandwidth.ingress.avg_bytes_per_second")).isCloseTo(1e10 / 86_400, withinPercentage(1e-9));
  }

  @Test
  void fanOutOnWriteReplacesAFetchPerFolloweeForEachTimelineRead() {
    Estimate e = Estimates.of(FEED);
    // 10M x 50 = 500M timeline reads a day, 5,787/s; x 200 followees = 1.157M fetches a second.
    assertThat(e.value("workloads.post.fanout_on_write.reads_replaced.avg_per_second"))
        .isCloseTo(500e6 * 200 / 86_400, withinPercentage(1e-9));
  }

  @Test
  void followersWrittenAsARangeSitAtTheirMedianAndExplainSaysSo() {
    Estimate e = Estimates.of(FEED.replace("followers: 200", "followers: 20 to 2K"));
    // The median of the lognormal through 20 and 2,000 is sqrt(20 x 2,000) = 200.
    Derivation.Step timeline = e.step("workloads.post.fanout_on_write.timeline_writes.avg_per_second");
    Operand followers = timeline.inputs().get(1);
    assertThat(followers.value()).isCloseTo(200, withinPercentage(1e-9));
    assertThat(followers.words()).contains("the median of its range");
    assertThat(timeline.words()).endsWith("at the median followers");
    assertThat(e.step("workloads.post.fanout_on_write.followers").words())
        .contains("at the median of its range: a heavy tail's mean is higher");
  }

  // CDN and the cache.

  /** 1M reads a second of 1 MB, 95% served from a CDN's edge; 10K reads a second of 1 KB beside it. */
  private static final String VIDEO = """
      workloads:
        video:
          reads: 1K/s
          read_size: 1MB
          cdn: {hit_ratio: 95%}
        api:
          reads: 10K/s
          read_size: 1KB
      cache: {hot_fraction: 10%}
      """;

  @Test
  void theOriginServesWhatTheEdgeMisses() {
    Estimate e = Estimates.of(VIDEO);
    String c = "workloads.video.cdn.";
    // Egress keeps its meaning, all bytes served: 1K x 1 MB = 1 GB/s.
    assertThat(e.value("workloads.video.egress.avg_bytes_per_second")).isCloseTo(1e9, withinPercentage(1e-9));
    // The origin: 5% of it; the edge serves every byte read.
    assertThat(e.value(c + "origin_egress.avg_bytes_per_second")).isCloseTo(50e6, withinPercentage(1e-9));
    assertThat(e.value(c + "edge_egress.avg_bytes_per_second")).isCloseTo(1e9, withinPercentage(1e-9));
    assertThat(e.value(c + "origin_reads.avg_per_second")).isCloseTo(50, withinPercentage(1e-9));
    // Totals: the origin serves the video's misses and all of the API's 10 MB/s.
    assertThat(e.value("bandwidth.egress.avg_bytes_per_second")).isCloseTo(1.01e9, withinPercentage(1e-9));
    assertThat(e.value("bandwidth.origin_egress.avg_bytes_per_second")).isCloseTo(60e6, withinPercentage(1e-9));
    assertThat(e.value("bandwidth.edge_egress.peak_bytes_per_second")).isCloseTo(2e9, withinPercentage(1e-9));
  }

  @Test
  void theCacheHoldsTheReadsThatReachTheOrigin() {
    Estimate e = Estimates.of(VIDEO);
    // 10% x (50/s x 86,400 x 1 MB + 10K/s x 86,400 x 1 KB) = 10% x (4.32 TB + 864 GB) = 518.4 GB.
    assertThat(e.value("cache.bytes")).isCloseTo(518.4e9, withinPercentage(1e-9));
  }

  @Test
  void cacheFalseLeavesAWorkloadOutOfTheCache() {
    Estimate e = Estimates.of(VIDEO.replace("cdn: {hit_ratio: 95%}", "cache: false"));
    // 10% x 10K/s x 86,400 x 1 KB = 86.4 GB: the video's reads are not in it.
    assertThat(e.value("cache.bytes")).isCloseTo(86.4e9, withinPercentage(1e-9));
    Estimate none = Estimates.of("""
        workloads:
          media: {reads: 1K/s, read_size: 1MB, cache: false}
        """);
    assertThat(under(none, "cache")).isEmpty();
    assertThat(none.requirements().assumptions()).noneMatch(a -> a.path().equals("cache.hot_fraction"));
  }

  @Test
  void theWorkingSetIsTheHotObjectsTimesTheirSize() {
    Estimate e = Estimates.of(VIDEO.replace("cache: {hot_fraction: 10%}",
        "cache: {hot_fraction: 10%, hot_objects: 50M, object_size: 3KB, node_memory: 100GB}"));
    // Beside the 80/20 rule's 518.4 GB: 50M x 3 KB = 150 GB; ceil(150 / (100 x 70%)) = 3 nodes.
    assertThat(e.value("cache.working_set_bytes")).isCloseTo(150e9, withinPercentage(1e-9));
    assertThat(e.value("cache.working_set_nodes")).isEqualTo(3);
    // ceil(518.4 / 70) = 8 nodes for the rule of the day's reads.
    assertThat(e.value("cache.nodes")).isEqualTo(8);
  }

  // A record payload.

  @Test
  void aRecordIsItsFieldsAndItsRowOverhead() {
    Estimate e = Estimates.of("""
        workloads:
          tweet:
            writes: 1K/s
            read_write_ratio: 10
            payload:
              fields: {id: 8B, user_id: 8B, text: 140B, created: 8B}
              row_overhead: 24B
        """);
    // 8 + 8 + 140 + 8 + 24 = 188 B.
    Derivation.Step payload = e.step("workloads.tweet.payload_bytes");
    assertThat(payload.result()).isEqualTo(188);
    assertThat(payload.inputs()).extracting(Operand::symbol)
        .containsExactly("id", "user_id", "text", "created", "row_overhead");
    assertThat(payload.inputs().get(2).from().location().orElseThrow().line()).isEqualTo(6);
    // Ingress 1K x 188 B; reads return the record by default: 10K x 188 B.
    assertThat(e.value("workloads.tweet.ingress.avg_bytes_per_second")).isCloseTo(188e3, withinPercentage(1e-9));
    assertThat(e.value("workloads.tweet.egress.avg_bytes_per_second")).isCloseTo(1.88e6, withinPercentage(1e-9));
  }

  @Test
  void withoutARowOverheadTheRecordIsItsFieldsAlone() {
    Estimate e = Estimates.of("""
        workloads:
          paste: {writes: 1/s, payload: {fields: {content: 1KB, shortlink: 7B}}}
        """);
    assertThat(e.value("workloads.paste.payload_bytes")).isEqualTo(1007);
    assertThat(e.step("workloads.paste.payload_bytes").inputs()).extracting(Operand::symbol)
        .containsExactly("content", "shortlink");
    assertThat(e.requirements().assumptions()).anyMatch(a -> a.path().equals("workloads.paste.payload.row_overhead"));
  }

  @Test
  void aPayloadGivenAsASizeHasNoRecordFigure() {
    Estimate e = Estimates.of("workloads: {paste: {writes: 1/s, payload: 1KB}}");
    assertThat(e.has("workloads.paste.payload_bytes")).isFalse();
  }
}
