package dev.envelope.estimate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.estimate.Derivation.Apply;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.model.Assignment;
import dev.envelope.model.Document;
import dev.envelope.diagnostic.Location;
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
 * The steps of an estimate read as a whiteboard would: each figure's formula, as displayed at the
 * point, recomputed by hand from the values it displays, gives the figure; the values it takes
 * from other figures are theirs, worked out before it; and each value says where it came from.
 */
class DerivationTest {

  /** How close a displayed formula recomputed in double precision must come to its figure. */
  private static final double RELATIVE = 1e-9;

  @TestFactory
  Stream<DynamicTest> everyDisplayedFormulaRecomputesToItsFigureInEveryBundledExample() throws IOException {
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
        checkSteps(Catalog.estimate(e.getValue(), doc.locations(scenario, List.of())));
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
      checkSteps(Catalog.estimate(e.getValue(), doc.locations(scenario, List.of())));
    }
  }

  /**
   * Nine nines and a chain of high-availability replicas: the misses are 10^-9 and below, where
   * {@code 1 - x} in double precision keeps only a few digits, so those steps are held to the
   * digits the displayed formula can carry (see {@link #cancellation}).
   */
  @Test
  void stepsOfAChainOfManyNinesRecomputeToTheDigitsTheirComplementsKeep() {
    Estimate e = Estimates.of("""
        workloads:
          api: {writes: 1K/s, fanout: 20, call_latency: {p50: 5ms, p99: 40ms}, hedge_after: p95, latency: 3ms}
        availability:
          target: 99.9999999%
          components:
            - {name: lb, availability: 99.9999%, replicas: 2}
            - {name: db, mtbf: 10000h, mttr: 10m, replicas: 5, required: 3}
        capacity: {max_wait_p99: 1ms}
        """);
    checkSteps(e);
    // The target's miss is 10^-9 exactly, as written: nine nines.
    assertThat(e.value("availability.nines")).isEqualTo(9);
    assertThat(e.complement("availability.target")).isCloseTo(1e-9, withinPercentage(1e-9));
  }

  /**
   * Each step against the estimate: one step per figure; its displayed formula, evaluated from
   * the values it displays, gives its result; every value it takes from another figure is that
   * figure's, whose step comes first (the order the lanes of a Monte Carlo are worked in).
   */
  static void checkSteps(Estimate estimate) {
    List<Step> steps = estimate.steps();
    assertThat(steps).isNotEmpty();
    Map<String, Step> byPath = steps.stream().collect(Collectors.toMap(Step::path, s -> s));
    assertThat(byPath).as("one step per figure").hasSameSizeAs(steps);
    List<String> seen = new ArrayList<>();
    for (Step s : steps) {
      Term shown = s.term().shown();
      double recomputed = shown.evaluate();
      double tolerance = Math.max(RELATIVE, 10 * cancellation(shown));
      String what = s.path() + " = " + Derivation.render(shown, o -> o.symbol() + " " + o.value());
      if (s.result() == 0) {
        assertThat(recomputed).as(what).isZero();
      } else {
        assertThat(Math.abs(recomputed / s.result() - 1)).as(what + " recomputed to " + recomputed)
            .isLessThanOrEqualTo(tolerance);
      }
      for (Operand o : s.operands()) {
        if (o.from().kind() == Source.Kind.DERIVED) {
          String used = o.from().path().orElseThrow();
          assertThat(seen).as(s.path() + " uses " + used + " after its step").contains(used);
          assertThat(o.value()).as(s.path() + " uses " + used).isEqualTo(byPath.get(used).result());
        }
      }
      seen.add(s.path());
    }
  }

  /**
   * The relative error that {@code 1 - x} in double precision leaves in the formula, where x is
   * near 1: the estimate takes such complements exactly ({@link Estimate#complement}), while the
   * displayed formula, worked as a reader would in double precision, is off by up to
   * {@code ulp(1) / (1 - x)} of each. 0 where no complement is within 10^-3 of 1.
   */
  static double cancellation(Term term) {
    if (!(term instanceof Apply a)) {
      return 0;
    }
    double worst = 0;
    for (int i = 0; i < a.args().size(); i++) {
      Term arg = a.args().get(i);
      worst = Math.max(worst, cancellation(arg));
      if (a.op() == Op.ONE_MINUS || i == a.op().complemented()) {
        double miss = 1 - arg.evaluate();
        if (miss > 0 && miss < 1e-3) {
          worst = Math.max(worst, Math.ulp(1.0) / miss);
        }
      }
    }
    return worst;
  }

  private static final String TWITTER = "examples/twitter.yaml";

  private static Estimate twitter(List<Assignment> sets) {
    return Estimates.file(TWITTER, Optional.empty(), sets);
  }

  private static Step step(Estimate e, String path) {
    Step s = e.step(path);
    assertThat(s).as("step " + path).isNotNull();
    return s;
  }

  /**
   * Alex Xu, System Design Interview vol. 1, ch. 2, the Twitter estimate: DAU = 300M x 50% = 150M;
   * tweets QPS = 150M x 2 / 24 / 3600 = ~3,500 (exact 3,472.2); peak QPS = 2 x QPS = ~7,000 (exact
   * 6,944.4). examples/twitter.yaml states the same inputs.
   */
  @Test
  void twitterTweetRateIsDauTimesTwoTweetsOverADayAsXuDerivesIt() {
    Estimate e = twitter(List.of());

    Step dau = step(e, "users.dau");
    assertThat(dau.inputs()).extracting(Operand::value).containsExactly(300e6, 0.5);
    assertThat(dau.result()).isEqualTo(150e6);

    Step qps = step(e, "workloads.tweet.writes.avg_per_second");
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

    Step peak = step(e, "workloads.tweet.writes.peak_per_second");
    assertThat(peak.inputs()).extracting(Operand::symbol).containsExactly("writes/s", "peak_factor");
    assertThat(peak.inputs().get(0).from()).isEqualTo(Source.derived("workloads.tweet.writes.avg_per_second"));
    // examples/twitter.yaml line 24: "  peak_factor: 2".
    assertThat(peak.inputs().get(1).from()).isEqualTo(Source.input("traffic.peak_factor", new Location(TWITTER, 24, 16)));
    // 2 x 3,472.2 = 6,944.4, the published ~7,000.
    assertThat(peak.result()).isCloseTo(6_944.4, withinPercentage(0.01));
  }

  @Test
  void anOverrideIsLocatedAtItsArgumentAndADefaultNamesItsSource() {
    Estimate e = twitter(List.of(Assignment.parse("--set", "users.dau=300M")));
    Operand dau = step(e, "workloads.tweet.writes.avg_per_second").inputs().get(0);
    assertThat(dau.from()).isEqualTo(Source.input("users.dau", Location.argument("--set users.dau=300M")));
    assertThat(dau.value()).isEqualTo(300e6);

    Operand hot = step(e, "cache.bytes").inputs().get(0);
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
    Estimate e = Estimates.of("s.yaml", yaml.getBytes(UTF_8), Optional.of("big"), List.of());
    Operand dau = step(e, "workloads.post.writes.avg_per_second").inputs().get(0);
    // Line 6, "    users.dau: 9M": the value at column 16.
    assertThat(dau.from()).isEqualTo(Source.input("users.dau", new Location("s.yaml", 6, 16)));
    assertThat(dau.value()).isEqualTo(9e6);
    // The default peak factor, since neither the workload nor traffic gives one.
    Operand peak = step(e, "workloads.post.writes.peak_per_second").inputs().get(1);
    assertThat(peak.from().kind()).isEqualTo(Source.Kind.DEFAULT);
    assertThat(peak.from().path()).hasValue("traffic.peak_factor");
  }

  @Test
  void selectingAFigureBringsTheStepsItBuildsOnInWorkingOrder() {
    List<Step> all = twitter(List.of()).steps();
    List<String> paths = Estimate.select(all, List.of("workloads.tweet.writes.peak_per_second")).stream()
        .map(Step::path).toList();
    assertThat(paths).containsExactly("users.dau", "workloads.tweet.writes.avg_per_second",
        "workloads.tweet.writes.peak_per_second");

    List<String> group = Estimate.select(all, List.of("workloads.tweet.writes")).stream().map(Step::path).toList();
    assertThat(group).containsExactlyInAnyOrder("users.dau", "workloads.tweet.writes.avg_per_second",
        "workloads.tweet.writes.per_day", "workloads.tweet.writes.peak_per_second");
    assertThat(group.indexOf("users.dau")).isLessThan(group.indexOf("workloads.tweet.writes.avg_per_second"));
    assertThat(group.indexOf("workloads.tweet.writes.avg_per_second"))
        .isLessThan(group.indexOf("workloads.tweet.writes.per_day"))
        .isLessThan(group.indexOf("workloads.tweet.writes.peak_per_second"));
  }

  /**
   * examples/search-service.yaml, with its hand arithmetic in the file's header: the index, 2 of 3
   * replicas at 99.9%, is down when two or three are: 3 x 0.001^2 x 0.999 + 0.001^3 = 2.998e-6;
   * 28 days of budget spent 2% in an hour burns at 0.02 x 672 h / 1 h = 13.44; the clicks' peak of
   * 27.8 MB/s needs ceil(27.8 / 5) = 6 partitions in and ceil(27.8 / 3) = 10 out; the searches'
   * 5,556/s x 30 ms = 166.7 in flight need ceil(166.7 / 70%) = 239 servers.
   */
  @Test
  void theSearchServiceModelsReadAsItsHeaderWorksThemOut() {
    String file = "examples/search-service.yaml";
    Estimate e = Estimates.file(file);

    Step index = step(e, "availability.components.2.availability");
    assertThat(((Apply) index.term()).op()).isEqualTo(Op.ONE_MINUS);
    assertThat(index.inputs()).extracting(Operand::symbol).containsExactly("k", "n", "a");
    assertThat(e.complement("availability.components.2.availability")).isCloseTo(2.998e-6, withinPercentage(1e-6));
    assertThat(1 - index.result()).isCloseTo(2.998e-6, withinPercentage(1e-6));
    // Line 52: "    - {name: index, availability: 99.9%, replicas: 3, required: 2}", the 2 at column 65.
    assertThat(index.inputs().get(0).from())
        .isEqualTo(Source.input("availability.components.2.required", new Location(file, 52, 65)));

    Step burn = step(e, "availability.burn_rate_alerts.0.burn_rate");
    assertThat(burn.result()).isCloseTo(13.44, withinPercentage(1e-9));
    assertThat(burn.uses()).containsExactly("availability.error_budget.window_seconds");

    Step partitions = step(e, "workloads.click.stream.partitions");
    assertThat(partitions.inputs()).extracting(Operand::value).containsExactly(6.0, 10.0);
    assertThat(partitions.result()).isEqualTo(10);

    Step servers = step(e, "workloads.search.queueing.servers_by_rate");
    assertThat(servers.uses()).containsExactly("workloads.search.queueing.in_flight");
    assertThat(servers.inputs().get(0).value()).isCloseTo(166.67, withinPercentage(0.01));
    assertThat(servers.result()).isEqualTo(239);

    // The factor is 10% x 24 = 2.4, a step of its own that the peaks build on.
    assertThat(step(e, "workloads.search.peak_factor").result()).isCloseTo(2.4, withinPercentage(1e-9));
    assertThat(step(e, "workloads.search.reads.peak_per_second").uses())
        .contains("workloads.search.peak_factor");
  }

  @Test
  void aPoissonPeakFactorIsTheQuantileOverTheRate() {
    // 100 reads a second at random: 99.9% of seconds hold at most 132 (PeakModel's Javadoc), 1.32.
    Estimate e = Estimates.of("""
        workloads:
          get: {reads: 100/s}
        traffic:
          peak: {model: poisson, percentile: 99.9}
        """);
    checkSteps(e);
    Step factor = step(e, "workloads.get.peak_factor");
    assertThat(factor.result()).isCloseTo(1.32, withinPercentage(1e-9));
    // At the point the floor of 1 does not bind and the rate is not zero: the quotient alone shows.
    Apply shown = (Apply) factor.term().shown();
    assertThat(shown.op()).isEqualTo(Op.QUOTIENT);
    assertThat(shown.args().get(0).evaluate()).isEqualTo(132);
    assertThat(shown.args().get(1).evaluate()).isEqualTo(100);
  }

  @Test
  void aFloorThatBindsIsShownAndOneThatDoesNotIsLeftOut() {
    // 0.1 requests in flight at 70% need ceil(0.14) = 1 server anyway; with no requests the floor of
    // one server is what gives 1, and the displayed formula says so.
    Estimate busy = Estimates.of("workloads: {api: {writes: 10/s, latency: 10ms}}\ntraffic: {peak_factor: 1}\n");
    Estimate idle = Estimates.of("workloads: {api: {writes: 0/s, latency: 10ms}}\n");
    Step some = step(busy, "workloads.api.queueing.servers_by_rate");
    Step none = step(idle, "workloads.api.queueing.servers_by_rate");
    assertThat(some.result()).isEqualTo(1);
    assertThat(((Apply) some.term().shown()).op()).isEqualTo(Op.CEIL);
    assertThat(none.result()).isEqualTo(1);
    assertThat(((Apply) none.term().shown()).op()).isEqualTo(Op.MAX);
    assertThat(none.term().shown().evaluate()).isEqualTo(1);
  }
}
