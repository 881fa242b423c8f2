package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.estimate.Catalog;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Napkin;
import dev.envelope.estimate.Section;
import dev.envelope.model.Document;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** How derivations and napkin figures read: formulas, substituted values, powers of ten. */
class ExplainReportTest {

  private static Estimate estimate(Path file, Optional<String> scenario) throws IOException {
    Document doc = Document.parse(file.toString(), Files.readAllBytes(file));
    Requirements req = doc.bind(Need.ESTIMATE, scenario, List.of());
    return Catalog.estimate(req, doc.locations(scenario, List.of()));
  }

  private static Step step(Estimate e, String path) {
    Step s = e.step(path);
    assertThat(s).as("step " + path).isNotNull();
    return s;
  }

  /**
   * What {@code explain} can show is what {@code estimate -o json} prints: a step for every number
   * of the output but the conventions (values, not worked-out figures), and an output number for
   * every step. Scenarios included: each binds its own file.
   */
  @TestFactory
  Stream<DynamicTest> everyNumberOfTheOutputHasAStepAndEveryStepANumber() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("examples", "docs/examples")) {
      try (Stream<Path> list = Files.list(Path.of(dir))) {
        list.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      Document doc = Document.parse(f.toString(), Files.readAllBytes(f));
      List<Optional<String>> scenarios = new ArrayList<>();
      scenarios.add(Optional.empty());
      doc.scenarioNames().forEach(n -> scenarios.add(Optional.of(n)));
      for (Optional<String> scenario : scenarios) {
        Estimate e = estimate(f, scenario);
        List<String> numbers = Flat.rows(EstimateReport.build(e, Section.all()).tree()).stream()
            .filter(r -> r.value() instanceof Tree.Quantity)
            .map(Flat.Row::path)
            .filter(p -> !p.startsWith("conventions."))
            .toList();
        List<String> explained = e.steps().stream().map(Step::path).toList();
        assertThat(explained).as(f + " " + scenario.orElse("")).containsExactlyInAnyOrderElementsOf(numbers);
      }
    }));
  }

  @Test
  void writesPowersOfTenWithSmallNumbersPlain() {
    assertThat(ExplainReport.powers(3000)).isEqualTo("3 x 10^3");
    assertThat(ExplainReport.powers(1.5e8)).isEqualTo("1.5 x 10^8");
    assertThat(ExplainReport.powers(1e5)).isEqualTo("1 x 10^5");
    assertThat(ExplainReport.powers(1e-4)).isEqualTo("1 x 10^-4");
    assertThat(ExplainReport.powers(2)).isEqualTo("2");
    assertThat(ExplainReport.powers(0.7)).isEqualTo("0.7");
    assertThat(ExplainReport.powers(20)).isEqualTo("20");
    assertThat(ExplainReport.powers(0)).isEqualTo("0");
  }

  /**
   * Alex Xu's Twitter (System Design Interview vol. 1, ch. 2), as examples/twitter.yaml states it:
   * 150M DAU x 2 tweets / 86,400 s = 3,472/s (~3,500); on a napkin 150M x 2 = 3 x 10^8, / 10^5 =
   * 3 x 10^3.
   */
  @Test
  void theTweetRateReadsAsTheBookWritesIt() throws IOException {
    Estimate e = estimate(Path.of("examples/twitter.yaml"), Optional.empty());
    Step qps = step(e, "workloads.tweet.writes.avg_per_second");
    assertThat(ExplainReport.formula(qps))
        .isEqualTo("writes a second = daily active users x writes per user a day / seconds in a day");
    assertThat(ExplainReport.symbols(qps)).isEqualTo("writes/s = DAU x writes_per_user / D");
    Map<String, Napkin.Working> napkin = Napkin.of(e.steps());
    Tree json = ExplainReport.of(e.requirements(), List.of(qps), Optional.of(napkin)).stepTrees().get(0);
    assertThat(json.at("substituted")).isEqualTo("150 M x 2 /day / 86,400 s");
    assertThat(json.at("result.display")).isEqualTo("3.47 K/s");
    assertThat(json.at("napkin.display")).isEqualTo("~3 x 10^3 /s");
    assertThat(json.at("napkin.working")).isEqualTo("(1.5 x 10^8) x 2 = 3 x 10^8, / 10^5 = ~3 x 10^3 /s");
    assertThat(json.at("inputs.1.from.line")).isEqualTo(new Tree.Quantity(13, Tree.Quantity.Kind.INTEGER));
  }

  @Test
  void aDivisorThatIsAProductIsBracketedAndAGivenValueSaysHow() throws IOException {
    Estimate e = estimate(Path.of("examples/twitter.yaml"), Optional.empty());
    assertThat(ExplainReport.symbols(step(e, "capacity.servers")))
        .isEqualTo("servers = ceil(peak requests/s / (server_qps x utilization))");
    assertThat(ExplainReport.formula(step(e, "cache.hot_fraction")))
        .isEqualTo("share of a day's reads cached, by default");
    assertThat(ExplainReport.symbols(step(e, "availability.downtime_seconds.month")))
        .isEqualTo("downtime/month = (1 - target) x month");
  }

  /** A pair under correlations is named where each of its inputs is used, in the table and the JSON. */
  @Test
  void anInputThatMovesWithAnotherSaysSo() throws IOException {
    Path file = Files.createTempFile("correlated", ".yaml");
    try {
      Files.writeString(file, """
          users:
            dau: 8M to 12M
          workloads:
            upload:
              writes_per_user: 0.5/day to 2/day
          correlations:
            - {inputs: [users.dau, workloads.upload.writes_per_user], rank: 0.6}
          """);
      Estimate e = estimate(file, Optional.empty());
      Step qps = step(e, "workloads.upload.writes.avg_per_second");
      ExplainReport report = ExplainReport.of(e.requirements(), List.of(step(e, "users.dau"), qps), Optional.empty());
      assertThat(report.table(false))
          .contains("moves with workloads.upload.writes_per_user in the Monte Carlo: rank correlation 0.6")
          .contains(":2:8; moves with workloads.upload.writes_per_user (rank 0.6)")
          .contains(":5:22; moves with users.dau (rank 0.6)");
      List<Tree> json = report.stepTrees();
      assertThat(json.get(0).at("correlated_with.input")).isEqualTo("workloads.upload.writes_per_user");
      // users.dau: its line and its row; the rate: its two rows.
      assertThat(report.table(false).lines().filter(l -> l.contains("moves with")).count()).isEqualTo(4);
      // Without the pair, nothing is said.
      Files.writeString(file, Files.readString(file).replaceAll("(?s)correlations:.*", ""));
      Estimate alone = estimate(file, Optional.empty());
      assertThat(ExplainReport.of(alone.requirements(), List.of(step(alone, "users.dau"),
          step(alone, "workloads.upload.writes.avg_per_second")), Optional.empty()).table(false))
          .doesNotContain("moves with");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
