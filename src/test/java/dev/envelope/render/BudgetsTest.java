package dev.envelope.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.envelope.estimate.Catalog;
import dev.envelope.estimate.Section;
import dev.envelope.model.Budget;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetsTest {
  // 1M writes a day of 1 KB for a year, 3 copies: 1e6 x 1e3 x 365 x 3 = 1.095e12 B replicated.
  // Peak = 2 x 1e6 / 86,400 = 23.148/s; servers at 10/s and 70%: ceil(23.148 / 7) = 4.
  static final String FILE = """
      workloads:
        post: {writes: 1M/day, payload: 1KB}
      storage: {retention: 1y}
      capacity: {server_qps: 10}
      budgets:
        storage.bytes_replicated: "< 1.2TB"
        traffic.total.peak_per_second: "<= 2M/day"
        capacity.servers: ">= 5"
        bandwidth.ingress.avg_bytes_per_second: "< 1GB/day"
        storage.bytes_per_day: "== 1GB"
      """;

  static List<Budgets.Result> check(String yaml, List<Diagnostic> problems) {
    Document doc = Document.parse("req.yaml", yaml.getBytes(UTF_8));
    Requirements req = doc.bind(Need.ESTIMATE, Optional.empty(), List.of());
    Tree tree = EstimateReport.build(Catalog.estimate(req, doc.locations(Optional.empty(), List.of())), Section.all())
        .tree();
    List<Budgets.Result> results = new ArrayList<>();
    for (Budget b : doc.budgets()) {
      Budgets.Result r = Budgets.evaluate("base", b, tree, req, problems);
      if (r != null) {
        results.add(r);
      }
    }
    return results;
  }

  @Test
  void limitsAreReadInTheUnitOfTheFigureTheyBound() {
    List<Diagnostic> problems = new ArrayList<>();
    List<Budgets.Result> r = check(FILE, problems);
    assertThat(problems).isEmpty();
    // Bytes: 1.2 TB = 1.2e12 B; margin 1.2e12 - 1.095e12 = 1.05e11 B, 8.75% of the limit.
    assertThat(r.get(0).limit()).isEqualTo(1.2e12);
    assertThat(r.get(0).margin()).isCloseTo(1.05e11, within(1.0));
    assertThat(r.get(0).marginFraction()).isCloseTo(0.0875, within(1e-12));
    assertThat(r.get(0).passed()).isTrue();
    // A rate: 2M/day = 23.148/s, the peak exactly: holds at <=.
    assertThat(r.get(1).limit()).isCloseTo(2e6 / 86_400, within(1e-9));
    assertThat(r.get(1).passed()).isTrue();
    // A lower bound: 4 servers against >= 5 fails by one.
    assertThat(r.get(2).margin()).isEqualTo(-1);
    assertThat(r.get(2).passed()).isFalse();
    // A byte rate per day: 1 GB/day = 11,574 B/s; ingress is 1e6 x 1e3 / 86,400 = 11,574 B/s: not below.
    assertThat(r.get(3).passed()).isFalse();
    // == within binary rounding: 1M x 1 KB a day is 1 GB.
    assertThat(r.get(4).passed()).isTrue();
  }

  @Test
  void aBudgetOnAnAbsentFigureOrInTheWrongUnitIsAProblemAtItsLine() {
    List<Diagnostic> problems = new ArrayList<>();
    check("""
        workloads:
          post: {writes: 5/s}
        budgets:
          cache.bytes: "< 1GB"
          traffic.total.peak_per_second: "< 1GB"
        """, problems);
    assertThat(problems).extracting(d -> d.location().line() + " " + d.path())
        .containsExactly("4 budgets.cache.bytes", "5 budgets.traffic.total.peak_per_second");
  }

  @Test
  void aLatencyLimitIsAClockTimeOrADuration() {
    // 1 call in 100 slow at a fan-out of 10 leaves p50 5 ms, p99 50 ms calls; the request p99 is a
    // time in seconds, bounded in milliseconds as latencies are written.
    String yaml = """
        workloads:
          search: {reads: 10/s, fanout: 10, call_latency: {p50: 5ms, p99: 50ms}, latency: 20ms}
        budgets:
          workloads.search.tail_latency.request_p99_seconds: "< 250ms"
          workloads.search.queueing.latency_seconds: "== 0.02"
          workloads.search.tail_latency.slow_over_seconds: "<= 1m"
        """;
    List<Diagnostic> problems = new ArrayList<>();
    List<Budgets.Result> r = check(yaml, problems);
    assertThat(problems).isEmpty();
    assertThat(r.get(0).limit()).isCloseTo(0.25, within(1e-15));
    assertThat(r.get(1).passed()).isTrue();
    // "m" alone is no duration unit (minute or month?), but is a minute as a clock time
    assertThat(r.get(2).limit()).isEqualTo(60);
  }

  @Test
  void aBudgetOnAYesOrNoOrOnAListIsAProblem() {
    List<Diagnostic> problems = new ArrayList<>();
    check("""
        workloads:
          post: {writes: 5/s}
        availability:
          target: 99.9%
          components: [{name: db, availability: 99.99%, replicas: 2}]
        budgets:
          availability.meets_target: "== 1"
          availability.components: "< 3"
        """, problems);
    assertThat(problems).extracting(Diagnostic::message).containsExactly(
        "names a yes or no (true or false), not a number; expected a figure path as printed by envelope estimate"
            + " FILE -o json",
        "names a group of figures, not one; expected a figure path as printed by envelope estimate FILE -o json");
  }
}
