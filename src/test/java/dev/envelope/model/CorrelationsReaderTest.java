package dev.envelope.model;

import static dev.envelope.model.RequirementsReaderTest.problems;
import static dev.envelope.model.RequirementsReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.envelope.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code correlations}: pairs of ranged inputs, and every way to write one wrong. */
class CorrelationsReaderTest {
  private static final String HEAD = """
      users: {dau: 8M to 12M, mau: 40M}
      workloads:
        post: {writes_per_user: 1/day to 5/day, payload: 1KB to 3KB}
      inputs: {share: 5% to 15%, flat: 10%}
      correlations:
      """;

  private static List<Diagnostic> refused(String items) {
    return problems(HEAD + items);
  }

  @Test
  void readsPairsInFileOrder() {
    Requirements r = read(HEAD + """
          - {inputs: [users.dau, workloads.post.writes_per_user], rank: 0.6}
          - {inputs: [inputs.share, workloads.post.payload], rank: -0.25}
        """);
    assertThat(r.uncertainty().correlations())
        .extracting(Requirements.Correlation::first, Requirements.Correlation::second, Requirements.Correlation::rank)
        .containsExactly(tuple("users.dau", "workloads.post.writes_per_user", 0.6),
            tuple("inputs.share", "workloads.post.payload", -0.25));
  }

  @Test
  void noneIsIndependence() {
    assertThat(read(HEAD.replace("correlations:\n", "")).uncertainty().correlations()).isEmpty();
    assertThat(read(HEAD).uncertainty().correlations()).isEmpty();
  }

  @Test
  void anUnknownInputIsRefusedWhereItIsWritten() {
    assertThat(refused("  - {inputs: [users.dau, workloads.nope.payload], rank: 0.5}\n"))
        .extracting(d -> d.location().line(), d -> d.location().column(), Diagnostic::path)
        .containsExactly(tuple(6, 26, "correlations[0].inputs"));
    assertThat(refused("  - {inputs: [users.dau, workloads.nope.payload], rank: 0.5}\n").get(0).message())
        .startsWith("no input 'workloads.nope.payload' in this file")
        .contains("the ranges here: inputs.share, users.dau, workloads.post.payload, workloads.post.writes_per_user");
  }

  @Test
  void anInputWrittenAsOneValueIsRefused() {
    for (String single : List.of("users.mau", "inputs.flat")) {
      List<Diagnostic> p = refused("  - {inputs: [users.dau, " + single + "], rank: 0.5}\n");
      assertThat(p).extracting(d -> d.location().line(), d -> d.location().column())
          .containsExactly(tuple(6, 26));
      assertThat(p.get(0).message()).startsWith("'" + single + "' is not written as a range");
    }
  }

  @Test
  void aRankOutsideMinusOneToOneIsRefused() {
    for (String rank : List.of("1.5", "-1.01", "x", "60%", "[1]")) {
      List<Diagnostic> p = refused("  - {inputs: [users.dau, inputs.share], rank: " + rank + "}\n");
      assertThat(p).as(rank).extracting(d -> d.location().line(), d -> d.location().column(), Diagnostic::path)
          .containsExactly(tuple(6, 47, "correlations[0].rank"));
      assertThat(p.get(0).message()).contains("expected a rank correlation from -1 to 1");
    }
    assertThat(read(HEAD + "  - {inputs: [users.dau, inputs.share], rank: -1}\n").uncertainty().correlations())
        .hasSize(1);
  }

  @Test
  void theSameInputTwiceIsRefused() {
    assertThat(refused("  - {inputs: [users.dau, users.dau], rank: 0.5}\n"))
        .extracting(d -> d.location().column(), Diagnostic::message)
        .containsExactly(tuple(26, "the same input twice ('users.dau'); expected two different inputs"));
    List<Diagnostic> p = refused("""
          - {inputs: [users.dau, inputs.share], rank: 0.5}
          - {inputs: [workloads.post.payload, users.dau], rank: 0.5}
        """);
    assertThat(p).extracting(d -> d.location().line(), d -> d.location().column(), Diagnostic::message)
        .containsExactly(tuple(7, 39, "'users.dau' is already in a correlation (line 6); expected each input in"
            + " one pair at most"));
  }

  @Test
  void aMalformedPairIsRefused() {
    assertThat(refused("  - {inputs: users.dau, rank: 0.5, with: 1}\n"))
        .extracting(Diagnostic::path)
        .containsExactly("correlations[0].inputs", "correlations[0].with");
    assertThat(refused("  - {rank: 0.5}\n")).extracting(Diagnostic::path).containsExactly("correlations[0].inputs");
    assertThat(refused("  - 3\n")).extracting(Diagnostic::path).containsExactly("correlations[0]");
    assertThat(problems(HEAD + "  {a: 1}\n")).extracting(Diagnostic::path).containsExactly("correlations");
  }
}
