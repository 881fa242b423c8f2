package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.estimate.Derivation.Operand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/method.md and docs/json-reference.md against the catalog. Each page holds a part generated
 * from {@link Catalog#patterns()} (every figure with its formula; every path with its unit), and
 * the test fails when that part is not what the catalog gives now:
 * {@code ./mvnw test -Dtest=CatalogDocsTest -Ddocs.update=true} rewrites it. The hand-written
 * tables of json-reference.md may name only paths the catalog has.
 */
class CatalogDocsTest {
  static final String BEGIN = "<!-- generated from the figure catalog by CatalogDocsTest: do not edit -->";
  static final String END = "<!-- end of the generated part -->";

  /** The method's appendix: each figure's formula in symbols and in words, and its source. */
  static String methodTable() {
    StringBuilder b = new StringBuilder();
    b.append("| figure | formula | in words | source |\n|---|---|---|---|\n");
    for (Catalog.Pattern p : Catalog.patterns()) {
      if (p.step() == null) {
        continue;
      }
      Derivation.Step s = p.step();
      boolean given = s.term() instanceof Operand o && o.from().kind() != Derivation.Source.Kind.DERIVED;
      String formula = given ? "given: `" + o(s).from().path().map(CatalogDocsTest::pattern).orElse("") + "`"
          : s.symbol() + " = " + Derivation.render(s.term(), Operand::symbol);
      String words = given ? s.words() : s.words() + " = " + Derivation.render(s.term(), Operand::words);
      b.append("| `").append(p.path()).append("` | ").append(cell(formula)).append(" | ").append(cell(words))
          .append(" | ").append(cell(p.source() == null ? "" : p.source())).append(" |\n");
    }
    return b.toString();
  }

  private static Operand o(Derivation.Step s) {
    return (Operand) s.term();
  }

  /** The JSON reference's appendix: every path with its unit. */
  static String pathTable() {
    StringBuilder b = new StringBuilder();
    b.append("| path | unit | part |\n|---|---|---|\n");
    for (Catalog.Pattern p : Catalog.patterns()) {
      b.append("| `").append(p.path()).append("` | ").append(p.unit() == null ? "text, flag or list"
          : p.unit().measure().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(" | ").append(p.section().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" |\n");
    }
    return b.toString();
  }

  private static String pattern(String inputPath) {
    return inputPath.replaceAll("^workloads\\.[^.]+\\.", "workloads.*.")
        .replaceAll("^availability\\.components\\.\\d+\\.", "availability.components.*.");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("*", "\\*");
  }

  private static void check(Path page, String generated) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as(page + " holds the generated part's markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String now = text.substring(begin + BEGIN.length(), end).strip();
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(page, text.substring(0, begin + BEGIN.length()) + "\n\n" + generated.strip() + "\n\n"
          + text.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertThat(now).as(page + " is out of date: ./mvnw test -Dtest=CatalogDocsTest -Ddocs.update=true")
        .isEqualTo(generated.strip());
  }

  @Test
  void methodListsEveryFigureWithItsFormula() throws IOException {
    check(Path.of("docs/method.md"), methodTable());
  }

  @Test
  void jsonReferenceListsEveryPath() throws IOException {
    check(Path.of("docs/json-reference.md"), pathTable());
  }

  private static final Pattern CODE = Pattern.compile("`([a-z_<>\\[\\].0-9]+)`");
  private static final List<String> ROOTS = List.of("users.", "workloads.", "traffic.", "bandwidth.", "storage.",
      "cache.", "capacity.", "availability.");

  /** Every full path the hand-written tables of the estimate's section name is one the catalog has. */
  @Test
  void theHandWrittenTablesNameOnlyPathsTheCatalogHas() throws IOException {
    String text = Files.readString(Path.of("docs/json-reference.md"), StandardCharsets.UTF_8);
    String section = text.substring(text.indexOf("## `envelope.estimate/v1`"), text.indexOf("### `assumptions`"));
    List<String> known = Catalog.patterns().stream().map(Catalog.Pattern::path).toList();
    List<String> unknown = new ArrayList<>();
    int checked = 0;
    for (String line : section.split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      Matcher m = CODE.matcher(line.substring(0, line.indexOf('|', 2)));
      if (!m.find()) {
        continue;
      }
      String path = m.group(1).replace("<name>", "*").replace("[]", ".*");
      if (ROOTS.stream().noneMatch(path::startsWith)) {
        continue;
      }
      checked++;
      if (known.stream().noneMatch(k -> k.equals(path) || k.startsWith(path + "."))) {
        unknown.add(path);
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(unknown).as("paths in docs/json-reference.md the catalog does not give").isEmpty();
  }
}
