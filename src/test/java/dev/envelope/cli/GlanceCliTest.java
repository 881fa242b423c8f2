package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import dev.envelope.Main;
import dev.envelope.render.Fit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-screen views: {@code estimate --summary}, {@code init --minimal}, and standard error fitted to a width. */
class GlanceCliTest {

  /** One in-process run at {@code columns} (0: none given). */
  static CliRun at(int columns, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context context = new Context(new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Map.of(), false, columns);
    int code = Main.run(context, args);
    return new CliRun(args, code, out.toString(), err.toString());
  }

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void theSummaryOfEveryExampleFitsOneScreen() throws IOException {
    for (Path example : examples()) {
      for (int columns : new int[] {0, 80, 60}) {
        CliRun run = at(columns, "estimate", example.toString(), "--summary");
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out().lines()).as("%s", run).hasSizeLessThanOrEqualTo(24);
        if (columns > 0) {
          assertThat(run.out().lines()).as("%s", run).allSatisfy(line ->
              assertThat(Fit.width(line)).isLessThanOrEqualTo(columns));
        }
      }
    }
  }

  @Test
  void theSummaryShowsTheHeadlineFiguresWithTheirPaths() {
    CliRun run = at(0, "estimate", "examples/twitter.yaml", "--summary");
    // 150 M DAU: tweets 2/day (3.47 K/s) with 10 reads each and 75 timeline writes each, media
    // 0.2/day with 10 reads: 302 K/s on average, twice that at peak: 605 K/s. Servers at 5 K/s,
    // 70% busy: ceil(604,861 / 3,500) = ceil(172.8) = 173.
    assertThat(run.out())
        .containsPattern("peak requests a second +605 K/s +traffic\\.total\\.peak_per_second")
        .containsPattern("servers +173 +capacity\\.servers")
        .containsPattern("availability target +99\\.99% +availability\\.target")
        .contains("no warnings");
  }

  @Test
  void theSummaryNamesTheWarningsAndTheTargetMissed() {
    // The search example's chain of components misses its 99.95% target (it accepts the warning
    // about its single point of failure, so there is none).
    assertThat(at(80, "estimate", "examples/search-service.yaml", "--summary").out())
        .contains("the chain misses the target by ").contains("no warnings");
    CliRun run = at(80, "estimate", "examples/twitter.yaml", "--set", "capacity.utilization=95%", "--summary");
    assertThat(run.out()).contains("1 warning (on standard error):").contains("    capacity.utilization");
    assertThat(run.err()).contains("capacity.utilization");
  }

  @Test
  void theSummaryIsTheHeadlineFiguresAlone() {
    CliRun run = at(0, "estimate", "examples/twitter.yaml", "--summary", "--explain");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--summary and --explain");
    // Data formats are the whole estimate.
    assertThat(at(0, "estimate", "examples/twitter.yaml", "--summary", "-o", "json").out())
        .isEqualTo(at(0, "estimate", "examples/twitter.yaml", "-o", "json").out());
  }

  @Test
  void theMinimalStarterFileValidatesAndEstimates(@TempDir Path dir) {
    String file = dir.resolve("req.yaml").toString();
    CliRun init = at(0, "init", "--minimal", file);
    assertThat(init.exitCode()).as("%s", init).isZero();
    assertThat(at(0, "init", "--minimal").out().lines()).hasSizeLessThanOrEqualTo(25);
    assertThat(at(0, "validate", file).exitCode()).isZero();
    CliRun estimate = at(0, "estimate", file);
    assertThat(estimate.exitCode()).as("%s", estimate).isZero();
    assertThat(estimate.err()).isEmpty();
    assertThat(at(0, "init", "--minimal", "--example", "twitter").exitCode()).isEqualTo(2);
  }

  @Test
  void standardErrorWrapsAtWordsToTheWidth() {
    CliRun run = at(60, "sensitivity", "examples/twitter.yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSizeGreaterThan(1)
        .allSatisfy(line -> assertThat(Fit.width(line)).isLessThanOrEqualTo(60));
    assertThat(run.err().replaceAll("\n +", " ")).isEqualTo(at(0, "sensitivity", "examples/twitter.yaml").err());
  }

  @Test
  void withoutAWidthEveryCommandPrintsWhatItAlwaysDid() {
    // The goldens pin the layout without a width; a width wider than every line changes nothing.
    for (String[] args : List.of(new String[] {"estimate", "examples/twitter.yaml"},
        new String[] {"explain", "examples/url-shortener.yaml"}, new String[] {"sla", "99.9%", "4"})) {
      assertThat(at(400, args).out()).isEqualTo(at(0, args).out());
    }
  }
}
