package dev.envelope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A figure of every model, and one of the file's own, is uncertain like any other: the Monte Carlo,
 * {@code sensitivity}, {@code --histogram} and a percentile budget all work on its draws.
 *
 * <p>Each case ranges one input, and the figure rises with it. A range's ends are its p5 and p95,
 * so the figure's p5 and p95 are the figure worked at those ends, which the test computes
 * independently: a point estimate of the same file with the input set to the end (no draws at
 * all). The Monte Carlo's percentiles must agree with those to within the sampling error of
 * 100,000 draws (1% here, about six standard errors), and the sensitivity's swing must be exactly
 * them.
 */
class EveryModelUncertainTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Case(String model, String file, String input, String low, String high, String figure) {
    @Override
    public String toString() {
      return model + ": " + figure;
    }
  }

  static Stream<Arguments> cases() {
    String users = "users: {dau: 20M}\n";
    return Stream.of(
        new Case("peak (diurnal)", users + """
            traffic: {peak: {model: diurnal, peak_hour_share: 8% to 12%}}
            workloads: {api: {reads_per_user: 10/day}}
            """, "traffic.peak.peak_hour_share", "8%", "12%", "workloads.api.peak_factor"),
        new Case("queueing", users + """
            workloads: {api: {reads_per_user: 10/day, latency: 20ms to 45ms}}
            """, "workloads.api.latency", "20ms", "45ms", "workloads.api.queueing.in_flight"),
        new Case("tail latency", users + """
            workloads:
              api: {reads_per_user: 10/day, fanout: 10, call_latency: {p50: 5ms, p99: 30ms to 60ms}}
            """, "workloads.api.call_latency.p99", "30ms", "60ms",
            "workloads.api.tail_latency.request_p99_seconds"),
        new Case("streams", users + """
            workloads:
              events: {writes_per_user: 100/day, payload: 1KB to 4KB,
                       stream: {partition_produce: 5MB/s, partition_consume: 3MB/s}}
            storage: {retention: 7d}
            """, "workloads.events.payload", "1KB", "4KB", "workloads.events.stream.bytes_retained"),
        new Case("availability", users + """
            workloads: {api: {reads_per_user: 10/day}}
            availability:
              target: 99.9%
              components:
                - {name: db, availability: 99% to 99.9%, replicas: 3, required: 2}
                - {name: lb, availability: 99.99%, replicas: 2}
            """, "availability.components.0.availability", "99%", "99.9%", "availability.composite_nines"),
        new Case("error budget", users + """
            workloads: {api: {reads_per_user: 5/day to 20/day}}
            availability: {target: 99.9%, window: 30d}
            """, "workloads.api.reads_per_user", "5/day", "20/day", "availability.error_budget.requests"),
        new Case("connections", users + """
            workloads:
              chat: {reads_per_user: 10/day, connections: {online_share: 5% to 15%, memory_per_connection: 10KB}}
            """, "workloads.chat.connections.online_share", "5%", "15%", "workloads.chat.connections.memory_bytes"),
        new Case("heartbeats", users + """
            workloads:
              chat: {reads_per_user: 10/day, connections: {online_share: 5% to 15%, heartbeat: 30s}}
            """, "workloads.chat.connections.online_share", "5%", "15%", "traffic.total.peak_per_second"),
        new Case("fan-out on write", users + """
            workloads:
              post: {writes_per_user: 1/day, fanout_on_write: {followers: 50 to 200, entry_size: 16B}}
            """, "workloads.post.fanout_on_write.followers", "50", "200", "storage.bytes_per_day"),
        new Case("cdn", users + """
            workloads:
              video: {reads_per_user: 5/day, read_size: 100KB to 1MB, cdn: {hit_ratio: 90%}}
            """, "workloads.video.read_size", "100KB", "1MB", "bandwidth.origin_egress.peak_bytes_per_second"),
        new Case("working set", users + """
            workloads: {api: {reads_per_user: 10/day}}
            cache: {hot_objects: 5M to 20M, object_size: 2KB}
            """, "cache.hot_objects", "5M", "20M", "cache.working_set_bytes"),
        new Case("record", users + """
            workloads:
              post: {writes_per_user: 1/day, payload: {fields: {id: 8B, text: 100B to 400B}}}
            """, "workloads.post.payload.fields.text", "100B", "400B", "workloads.post.payload_bytes"),
        new Case("cost (a price)", users + """
            workloads:
              video: {reads_per_user: 5/day, read_size: 300MB, cdn: {hit_ratio: 90%}}
            cost: {currency: USD, cdn_egress_per_gb: 0.01 to 0.04, egress_per_gb: 0.09}
            """, "cost.cdn_egress_per_gb", "0.01", "0.04", "cost.total.per_month"),
        new Case("cost (a quantity)", users + """
            workloads: {api: {writes_per_user: 1/day, payload: 1KB to 4KB}}
            storage: {retention: 1y}
            cost: {storage_per_gb_month: 0.023}
            """, "workloads.api.payload", "1KB", "4KB", "cost.storage.per_year"),
        new Case("the file's own", users + """
            workloads: {chat: {writes_per_user: 40/day}}
            inputs: {online_share: 5% to 15%, memory_per_connection: 10KB}
            figures:
              connections: {formula: users.dau * inputs.online_share, unit: count}
              connection_memory: {formula: figures.connections * inputs.memory_per_connection, unit: bytes}
            """, "inputs.online_share", "5%", "15%", "figures.connection_memory"))
        .map(Arguments::of);
  }

  private static CliRun run(Case c, String... args) {
    return CliRun.run(c.file(), Map.of(), false, args);
  }

  /**
   * The figure at the point of the file with the range written as the one value {@code value}: no
   * draws, and no --set (which cannot reach into a list of components).
   */
  private static double pointAt(Case c, String value) {
    String range = c.low() + " to " + c.high();
    assertThat(c.file()).contains(range);
    CliRun r = CliRun.run(c.file().replace(range, value), Map.of(), false, "estimate", "-", "--get", c.figure());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return Double.parseDouble(r.out().strip());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theMonteCarloPercentilesAreTheFigureAtTheRangesEnds(Case c) throws Exception {
    double low = pointAt(c, c.low());
    double high = pointAt(c, c.high());
    assertThat(high).as("the figure rises with the input").isGreaterThan(low);
    CliRun r = run(c, "estimate", "-", "--samples", "100000", "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode u = JSON.readTree(r.out()).get("uncertainty").get(c.figure());
    assertThat(u).as("percentiles of " + c.figure()).isNotNull();
    assertThat(u.get("p5").asDouble()).isCloseTo(low, withinPercentage(1));
    assertThat(u.get("p95").asDouble()).isCloseTo(high, withinPercentage(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sensitivitySwingsTheFigureBetweenThoseEnds(Case c) throws Exception {
    CliRun r = run(c, "sensitivity", "-", "--figure", c.figure(), "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode first = JSON.readTree(r.out()).get("inputs").get(0);
    assertThat(first.get("input").asText()).isEqualTo(c.input().replace(".0.", "[0]."));
    assertThat(first.get("figure_at_low").asDouble()).isCloseTo(pointAt(c, c.low()), withinPercentage(1e-9));
    assertThat(first.get("figure_at_high").asDouble()).isCloseTo(pointAt(c, c.high()), withinPercentage(1e-9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theHistogramSpreadsOverTheRange(Case c) throws Exception {
    CliRun r = run(c, "estimate", "-", "--histogram", c.figure(), "-o", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode bins = JSON.readTree(r.out()).get("bins");
    assertThat(bins.size()).as("not one bin at 100%").isGreaterThan(5);
    long most = 0;
    long all = 0;
    for (JsonNode bin : bins) {
      most = Math.max(most, bin.get("count").asLong());
      all += bin.get("count").asLong();
    }
    assertThat(most).isLessThan(all / 2);
  }

  /** A bound between the point and the p95 passes on the point and fails on the p95, as it should. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aPercentileBudgetIsJudgedOnTheDraws(Case c) throws Exception {
    double high = pointAt(c, c.high());
    double point = Double.parseDouble(run(c, "estimate", "-", "--get", c.figure()).out().strip());
    double bound = (point + high) / 2;
    CliRun r = CliRun.run(c.file() + "budgets:\n  " + c.figure() + ": \"p95 <= " + bound + "\"\n", Map.of(),
        false, "check", "-", "--samples", "20000");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL");
    CliRun pointOnly = CliRun.run(c.file() + "budgets:\n  " + c.figure() + ": \"<= " + bound + "\"\n", Map.of(),
        false, "check", "-");
    assertThat(pointOnly.exitCode()).as(pointOnly.toString()).isZero();
  }
}
