package dev.envelope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.envelope.model.Formula;
import dev.envelope.model.Formula.Binary;
import dev.envelope.model.Formula.Call;
import dev.envelope.model.Formula.Negate;
import dev.envelope.model.Formula.Node;
import dev.envelope.model.FormulaException;
import dev.envelope.units.Dimension;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The formula parser and the unit check on any text (the bytes read as UTF-8, so that the inputs
 * are formulas one can read): each returns, or throws {@link FormulaException} at an offset inside
 * the text with a message under 1,000 characters, never anything else, a stack overflow included.
 * What parses has nodes inside the text, and shows as a formula that parses to the same tree.
 * Regression inputs: {@code src/test/resources/dev/envelope/fuzz/FormulaFuzzTestInputs/}.
 */
class FormulaFuzzTest {
  private static final TimeBase SRE = new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);

  /** The units a reference may have: its path's hash picks one (and some paths are unknown). */
  private static final List<Dimension> UNITS = List.of(
      Dimension.NONE, Dimension.BYTES, Dimension.SECONDS, Dimension.PER_SECOND,
      Dimension.BYTES_PER_SECOND, Dimension.MONEY, Dimension.BYTES.pow(2));

  @FuzzTest(maxDuration = "30s")
  @DictionaryFile(resourcePath = "/dev/envelope/fuzz/edges.dict")
  @DictionaryEntries({"users.dau", "figures.x", "inputs.y", "workloads[\"a.b\"].payload", "KB", "KiB", "/s",
      "/day", "bn", "%", "ms", "mo", "1e9", "1_000", "min(", "max(", "sqrt(", "ln(", "log10(", "exp(", "ceil(",
      "abs(", "^", "^-", "(", ")", ",", " * ", " / ", " + ", " - "})
  void parseAndCheck(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    for (UnitSystem system : UnitSystem.values()) {
      Formula formula;
      try {
        formula = Formula.parse(text, system, SRE);
      } catch (FormulaException e) {
        problem(text, e);
        continue;
      }
      within(text, formula.root());
      try {
        Dimension unit = formula.unitOf(path -> path.length() % 5 == 4 ? null
            : UNITS.get(Math.floorMod(path.hashCode(), UNITS.size())));
        assertThat(unit).as(text).isNotNull();
      } catch (FormulaException e) {
        problem(text, e);
      }
      String shown = Formula.show(formula.root());
      if (shown.length() <= Formula.MAX_LENGTH) {
        Formula again = Formula.parse(shown, system, SRE);
        assertThat(Formula.show(again.root())).as(text).isEqualTo(shown);
      }
    }
  }

  /** A problem points inside the text (or just past it) and says what is wrong and what is expected. */
  private static void problem(String text, FormulaException e) {
    assertThat(e.offset()).as(text).isBetween(0, Math.min(text.length(), Formula.MAX_LENGTH));
    assertThat(e.problem()).as(text).isNotBlank();
    assertThat(e.expected()).as(text).isNotBlank();
    assertThat(e.getMessage().length()).as(text).isLessThan(UnitsFuzzTest.MAX_MESSAGE);
  }

  /** Every node lies inside the text, and inside its parent (iteratively: a tree may be 500 deep). */
  private static void within(String text, Node root) {
    java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      assertThat(n.start()).as(text).isBetween(0, n.end());
      assertThat(n.end()).as(text).isLessThanOrEqualTo(text.length());
      List<Node> children = n instanceof Binary b ? List.of(b.left(), b.right())
          : n instanceof Negate g ? List.of(g.arg())
          : n instanceof Call c ? c.args()
          : List.of();
      for (Node child : children) {
        assertThat(child.start()).as(text).isGreaterThanOrEqualTo(n.start());
        assertThat(child.end()).as(text).isLessThanOrEqualTo(n.end());
        todo.push(child);
      }
    }
  }
}
