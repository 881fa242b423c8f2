package dev.envelope.estimate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.model.Assignment;
import dev.envelope.model.Document;
import dev.envelope.model.InputLocations;
import dev.envelope.model.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.units.CalendarUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The derivations state the estimator's formulas with the file's values: recomputed from the
 * values they substitute, every step gives the estimate's own figure, for every bundled example,
 * so an explanation cannot drift from the estimator it explains.
 */
class ExplanationTest {

  @TestFactory
  Stream<DynamicTest> everyStepRecomputesToTheEstimatesFigureInEveryBundledExample() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("examples", "docs/examples")) {
      try (Stream<Path> list = Files.list(Path.of(dir))) {
        list.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(5);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      Document doc = Document.parse(f.toString(), Files.readAllBytes(f));
      for (Map.Entry<String, Requirements> e : doc.bindAll(Need.ESTIMATE, List.of()).entrySet()) {
        Optional<String> scenario = e.getKey().equals(Document.BASE) ? Optional.empty() : Optional.of(e.getKey());
        checkSteps(Explanation.steps(Estimator.estimate(e.getValue()),
            InputLocations.of(doc.tree(scenario, List.of()))));
      }
    }));
  }

  @Test
  void stepsOfAFileWithScenariosOverheadIecUnitsAndAbsoluteRatesRecomputeToo() {
    Document doc = Document.parse("mixed.yaml", """
        users: {dau: 2M}
        workloads:
          upload: {writes: 500K/h, reads_per_user: 3/week, payload: 2MiB, peak_factor: 3}
          comment: {writes: 40/s, read_write_ratio: 1:4, payload: 1KB, read_size: 2KB}
        storage: {retention: P1Y6M, overhead: 15%, replication: 2}
        cache: {hot_fraction: 10%, node_memory: 128GiB}
        capacity: {server_qps: 3K/s, shard_storage: 4TB, shard_write_qps: 100, shard_read_qps: 1000, utilization: 60%}
        availability: {target: "3.5 nines"}
        conventions: {calendar: {year: 360, month: 30}, seconds_per_month: 2.5M, units: iec}
        scenarios:
          busy: {users.dau: 5M, traffic.peak_factor: 4}
        """.getBytes(UTF_8));
    for (Map.Entry<String, Requirements> e : doc.bindAll(Need.ESTIMATE, List.of()).entrySet()) {
      Optional<String> scenario = e.getKey().equals(Document.BASE) ? Optional.empty() : Optional.of(e.getKey());
      checkSteps(Explanation.steps(Estimator.estimate(e.getValue()), InputLocations.of(doc.tree(scenario, List.of()))));
    }
  }

  /** Each step's arithmetic, and each value it takes from another step, against the estimate. */
  private static void checkSteps(List<Step> steps) {
    assertThat(steps).isNotEmpty();
    Map<String, Step> byPath = steps.stream().collect(Collectors.toMap(Step::path, s -> s));
    assertThat(byPath).as("one step per figure").hasSameSizeAs(steps);
    List<String> seen = new ArrayList<>();
    for (Step s : steps) {
      double recomputed = s.term().evaluate();
      if (s.result() == 0) {
        assertThat(recomputed).as(s.path()).isCloseTo(0, offset(1e-12));
      } else {
        assertThat(recomputed).as(s.path()).isCloseTo(s.result(), withinPercentage(1e-7));
      }
      for (Operand o : s.inputs()) {
        if (o.from().kind() == Source.Kind.DERIVED) {
          String used = o.from().path().orElseThrow();
          assertThat(seen).as(s.path() + " uses " + used + " after its step").contains(used);
          assertThat(o.value()).as(s.path() + " uses " + used).isEqualTo(byPath.get(used).result());
        }
      }
      seen.add(s.path());
    }
  }

  private static final String TWITTER = "examples/twitter.yaml";

  private static List<Step> twitter(List<Assignment> sets) throws IOException {
    Document doc = Document.parse(TWITTER, Files.readAllBytes(Path.of(TWITTER)));
    Requirements req = doc.bind(Need.ESTIMATE, Optional.empty(), sets);
    return Explanation.steps(Estimator.estimate(req), InputLocations.of(doc.tree(Optional.empty(), sets)));
  }

  private static Step step(List<Step> steps, String path) {
    return steps.stream().filter(s -> s.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no step " + path));
  }

  /**
   * Alex Xu, System Design Interview vol. 1, ch. 2 (shared/reference/worked-examples.md, example 2):
   * DAU = 300M x 50% = 150M; tweets QPS = 150M x 2 / 24 / 3600 = ~3,500 (exact 3,472.2); peak QPS
   * = 2 x QPS = ~7,000 (exact 6,944.4). examples/twitter.yaml states the same inputs.
   */
  @Test
  void twitterTweetRateIsDauTimesTwoTweetsOverADayAsXuDerivesIt() throws IOException {
    List<Step> steps = twitter(List.of());

    Step dau = step(steps, "users.dau");
    assertThat(dau.inputs()).extracting(Operand::value).containsExactly(300e6, 0.5);
    assertThat(dau.result()).isEqualTo(150e6);

    Step qps = step(steps, "workloads.tweet.writes.avg_per_second");
    List<Operand> in = qps.inputs();
    assertThat(in).extracting(Operand::symbol).containsExactly("DAU", "writes_per_user", "D");
    assertThat(in.get(0).value()).isEqualTo(150e6);
    assertThat(in.get(0).from()).isEqualTo(Source.derived("users.dau"));
    assertThat(in.get(1).value()).isEqualTo(2);
    assertThat(in.get(1).unit()).isEqualTo(Derivation.Unit.per(CalendarUnit.DAY));
    // examples/twitter.yaml line 13: "    writes_per_user: 2/day", the value at column 22.
    assertThat(in.get(1).from()).isEqualTo(
        Source.input("workloads.tweet.writes_per_user", new Location(TWITTER, 13, 22)));
    assertThat(in.get(2).value()).isEqualTo(86_400);
    assertThat(in.get(2).from().kind()).isEqualTo(Source.Kind.CONVENTION);
    assertThat(in.get(2).from().path()).hasValue("conventions.seconds_per_day");
    // 150,000,000 x 2 / 86,400 = 3,472.2, the published ~3,500.
    assertThat(qps.result()).isCloseTo(3_472.2, withinPercentage(0.01));

    Step peak = step(steps, "workloads.tweet.writes.peak_per_second");
    assertThat(peak.inputs()).extracting(Operand::symbol).containsExactly("writes/s", "peak_factor");
    assertThat(peak.inputs().get(0).from()).isEqualTo(Source.derived("workloads.tweet.writes.avg_per_second"));
    // examples/twitter.yaml line 21: "  peak_factor: 2".
    assertThat(peak.inputs().get(1).from()).isEqualTo(Source.input("traffic.peak_factor", new Location(TWITTER, 21, 16)));
    // 2 x 3,472.2 = 6,944.4, the published ~7,000.
    assertThat(peak.result()).isCloseTo(6_944.4, withinPercentage(0.01));
  }

  @Test
  void anOverrideIsLocatedAtItsArgumentAndADefaultNamesItsSource() throws IOException {
    List<Step> steps = twitter(List.of(Assignment.parse("--set", "users.dau=300M")));
    Operand dau = step(steps, "workloads.tweet.writes.avg_per_second").inputs().get(0);
    assertThat(dau.from()).isEqualTo(Source.input("users.dau", Location.argument("--set users.dau=300M")));
    assertThat(dau.value()).isEqualTo(300e6);

    Operand hot = step(steps, "cache.bytes").inputs().get(0);
    assertThat(hot.from().kind()).isEqualTo(Source.Kind.DEFAULT);
    assertThat(hot.from().path()).hasValue("cache.hot_fraction");
    assertThat(hot.from().note().orElseThrow()).contains("80/20");
  }

  @Test
  void aScenarioValueIsLocatedAtItsLineInTheScenarios() {
    String yaml = """
        users: {dau: 1M}
        workloads:
          post: {writes_per_user: 1/day}
        scenarios:
          big:
            users.dau: 9M
        """;
    Document doc = Document.parse("s.yaml", yaml.getBytes(UTF_8));
    Requirements req = doc.bind(Need.ESTIMATE, Optional.of("big"), List.of());
    List<Step> steps = Explanation.steps(Estimator.estimate(req), InputLocations.of(doc.tree(Optional.of("big"), List.of())));
    Operand dau = step(steps, "workloads.post.writes.avg_per_second").inputs().get(0);
    // Line 6, "    users.dau: 9M": the value at column 16.
    assertThat(dau.from()).isEqualTo(Source.input("users.dau", new Location("s.yaml", 6, 16)));
    // The default peak factor, since neither the workload nor traffic gives one.
    Operand peak = step(steps, "workloads.post.writes.peak_per_second").inputs().get(1);
    assertThat(peak.from().kind()).isEqualTo(Source.Kind.DEFAULT);
    assertThat(peak.from().path()).hasValue("traffic.peak_factor");
  }

  @Test
  void selectingAFigureBringsTheStepsItBuildsOnInWorkingOrder() throws IOException {
    List<Step> all = twitter(List.of());
    List<String> paths = Explanation.select(all, List.of("workloads.tweet.writes.peak_per_second")).stream()
        .map(Step::path).toList();
    assertThat(paths).containsExactly("users.dau", "workloads.tweet.writes.avg_per_second",
        "workloads.tweet.writes.peak_per_second");

    List<String> group = Explanation.select(all, List.of("workloads.tweet.writes")).stream().map(Step::path).toList();
    assertThat(group).containsExactly("users.dau", "workloads.tweet.writes.avg_per_second",
        "workloads.tweet.writes.per_day", "workloads.tweet.writes.peak_per_second");
  }

  /**
   * examples/search-service.yaml, with its hand arithmetic in the file's header: the index, 2 of 3
   * replicas at 99.9%, is down when two or three are: 3 x 0.001^2 x 0.999 + 0.001^3 = 2.998e-6;
   * 28 days of budget spent 2% in an hour burns at 0.02 x 672 h / 1 h = 13.44; the clicks' peak of
   * 27.8 MB/s needs ceil(27.8 / 5) = 6 partitions in and ceil(27.8 / 3) = 10 out; the searches'
   * 5,556/s x 30 ms = 166.7 in flight need ceil(166.7 / 70%) = 239 servers.
   */
  @Test
  void theSearchServiceModelsReadAsItsHeaderWorksThemOut() throws IOException {
    String file = "examples/search-service.yaml";
    Document doc = Document.parse(file, Files.readAllBytes(Path.of(file)));
    List<Step> steps = Explanation.steps(Estimator.estimate(doc.bind(Need.ESTIMATE, Optional.empty(), List.of())),
        InputLocations.of(doc.tree(Optional.empty(), List.of())));

    Step index = step(steps, "availability.components.2.availability");
    assertThat(index.term()).isInstanceOf(Derivation.OneMinus.class);
    assertThat(index.inputs()).extracting(Operand::symbol).containsExactly("k", "n", "a");
    assertThat(1 - index.result()).isCloseTo(2.998e-6, withinPercentage(1e-6));
    // Line 52: "    - {name: index, availability: 99.9%, replicas: 3, required: 2}", the 2 at column 65.
    assertThat(index.inputs().get(0).from())
        .isEqualTo(Source.input("availability.components.2.required", new Location(file, 52, 65)));

    Step burn = step(steps, "availability.burn_rate_alerts.0.burn_rate");
    assertThat(burn.result()).isCloseTo(13.44, withinPercentage(1e-9));
    assertThat(burn.uses()).containsExactly("availability.error_budget.window_seconds");

    Step partitions = step(steps, "workloads.click.stream.partitions");
    assertThat(partitions.inputs()).extracting(Operand::value).containsExactly(6.0, 10.0);
    assertThat(partitions.result()).isEqualTo(10);

    Step servers = step(steps, "workloads.search.queueing.servers_by_rate");
    assertThat(servers.uses()).containsExactly("workloads.search.queueing.in_flight");
    assertThat(servers.inputs().get(0).value()).isCloseTo(166.67, withinPercentage(0.01));
    assertThat(servers.result()).isEqualTo(239);

    // The factor is 10% x 24 = 2.4, a step of its own that the peaks build on.
    assertThat(step(steps, "workloads.search.peak_factor").result()).isCloseTo(2.4, withinPercentage(1e-9));
    assertThat(step(steps, "workloads.search.reads.peak_per_second").uses())
        .contains("workloads.search.peak_factor");
  }

  @Test
  void aPoissonPeakFactorIsTheQuantileOverTheRate() {
    // 100 reads a second at random: 99.9% of seconds hold at most 132 (PeakModel's Javadoc), 1.32.
    Document doc = Document.parse("p.yaml", """
        workloads:
          get: {reads: 100/s}
        traffic:
          peak: {model: poisson, percentile: 99.9}
        """.getBytes(UTF_8));
    List<Step> steps = Explanation.steps(Estimator.estimate(doc.bind(Need.ESTIMATE, Optional.empty(), List.of())),
        InputLocations.of(doc.tree(Optional.empty(), List.of())));
    checkSteps(steps);
    Step factor = step(steps, "workloads.get.peak_factor");
    assertThat(factor.result()).isCloseTo(1.32, withinPercentage(1e-9));
    assertThat(((Derivation.Quotient) factor.term()).dividend().evaluate()).isEqualTo(132);
  }
}
