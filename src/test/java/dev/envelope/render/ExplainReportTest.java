package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Estimator;
import dev.envelope.estimate.Explanation;
import dev.envelope.estimate.Napkin;
import dev.envelope.model.Document;
import dev.envelope.model.InputLocations;
import dev.envelope.model.RequirementsReader.Need;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** How derivations and napkin figures read: formulas, substituted values, powers of ten. */
class ExplainReportTest {

  private static List<Step> steps(Path file) throws IOException {
    Document doc = Document.parse(file.toString(), Files.readAllBytes(file));
    Estimate e = Estimator.estimate(doc.bind(Need.ESTIMATE, Optional.empty(), List.of()));
    return Explanation.steps(e, InputLocations.of(doc.tree(Optional.empty(), List.of())));
  }

  @TestFactory
  Stream<DynamicTest> everyFigureOfTheEstimateHasAStepAndEveryStepAFigure() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("examples"))) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      Document doc = Document.parse(f.toString(), Files.readAllBytes(f));
      Estimate e = Estimator.estimate(doc.bind(Need.ESTIMATE, Optional.empty(), List.of()));
      List<String> figures = Flat.rows(EstimateReport.build(e, Section.all()).tree()).stream()
          .filter(r -> r.value() instanceof Tree.Figure)
          .map(Flat.Row::path)
          .filter(p -> !p.startsWith("conventions."))
          .toList();
      List<String> explained = steps(f).stream().map(Step::path).toList();
      assertThat(explained).containsExactlyInAnyOrderElementsOf(figures);
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
    List<Step> steps = steps(Path.of("examples/twitter.yaml"));
    Step qps = steps.stream().filter(s -> s.path().equals("workloads.tweet.writes.avg_per_second")).findFirst()
        .orElseThrow();
    assertThat(ExplainReport.formula(qps))
        .isEqualTo("writes a second = daily active users x writes per user a day / seconds in a day");
    assertThat(ExplainReport.symbols(qps)).isEqualTo("writes/s = DAU x writes_per_user / D");
    Map<String, Napkin.Figure> napkin = Napkin.of(steps);
    Tree json = ExplainReport.of(dev.envelope.model.RequirementsReader.read("examples/twitter.yaml",
            Files.readAllBytes(Path.of("examples/twitter.yaml")), Need.ESTIMATE), List.of(qps), Optional.of(napkin))
        .stepTrees().get(0);
    assertThat(json.at("substituted")).isEqualTo("150 M x 2 /day / 86,400 s");
    assertThat(json.at("result.display")).isEqualTo("3.47 K/s");
    assertThat(json.at("napkin.display")).isEqualTo("~3 x 10^3 /s");
    assertThat(json.at("napkin.working")).isEqualTo("(1.5 x 10^8) x 2 = 3 x 10^8, / 10^5 = ~3 x 10^3 /s");
    assertThat(json.at("inputs.1.from.line")).isEqualTo(new Tree.Figure(13, Tree.Figure.Kind.INTEGER));
  }

  @Test
  void aDivisorThatIsAProductIsBracketedAndAGivenValueSaysHow() throws IOException {
    List<Step> steps = steps(Path.of("examples/twitter.yaml"));
    Step servers = steps.stream().filter(s -> s.path().equals("capacity.servers")).findFirst().orElseThrow();
    assertThat(ExplainReport.symbols(servers))
        .isEqualTo("servers = ceil(peak requests/s / (server_qps x utilization))");
    Step hot = steps.stream().filter(s -> s.path().equals("cache.hot_fraction")).findFirst().orElseThrow();
    assertThat(ExplainReport.formula(hot)).isEqualTo("share of a day's reads cached, by default");
    Step downtime = steps.stream().filter(s -> s.path().equals("availability.downtime_seconds.month")).findFirst()
        .orElseThrow();
    assertThat(ExplainReport.symbols(downtime)).isEqualTo("downtime/month = (1 - target) x month");
  }
}
