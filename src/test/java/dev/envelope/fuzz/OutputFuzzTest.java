package dev.envelope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.envelope.OutputSafety;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Location;
import dev.envelope.diagnostic.Warning;
import dev.envelope.render.CsvRenderer;
import dev.envelope.render.JsonRenderer;
import dev.envelope.render.MarkdownRenderer;
import dev.envelope.render.Sketch;
import dev.envelope.render.SketchRenderer;
import dev.envelope.render.Report;
import dev.envelope.render.TableRenderer;
import dev.envelope.render.Tree;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.render.YamlRenderer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Any text where a report holds names (its title and header, a table's title, columns, cells and
 * notes, the tree's keys and texts) and where a message quotes them (file, path, message): every
 * renderer, and every message on standard error, shows it without a raw control, bidi or separator
 * character or a tab; CSV without a formula; Markdown without HTML, a link or an extra column; JSON
 * and YAML read back the same text. The whole command line is checked on chosen and seeded names
 * by {@code HostileTextCliTest} and {@code HostileNamesPropertiesTest}; this target sees the
 * renderers alone, thousands of times a second. Regression inputs:
 * {@code src/test/resources/dev/envelope/fuzz/OutputFuzzTestInputs/}.
 */
class OutputFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  @FuzzTest(maxDuration = "30s")
  @DictionaryFile(resourcePath = "/dev/envelope/fuzz/edges.dict")
  void anyTextInEveryFormat(FuzzedDataProvider data) throws IOException {
    String a = whole(data.consumeString(40));
    String b = whole(data.consumeString(40));
    String c = whole(data.consumeRemainingAsString());
    Tree tree = new Tree().put("schema", "envelope.test/v1").put("name", a);
    tree.child("workloads").child(b).put("writes", 12.5, Kind.RATE).put("margin", -12.5, Kind.NUMBER).put("text", c);
    tree.put("k" + c, a);
    List<List<String>> rows = List.of(List.of(a, b, c), List.of(b, "-12.5", c), List.of(c, a, "-"));
    Report report = new Report(a, List.of(b, c), List.of(new Report.Block(c, List.of(a, b, c), rows, List.of(a, b)),
        new Report.Block(b, List.of(), rows, List.of(c), -1)), tree);
    String what = List.of(a, b, c).toString();

    String table = TableRenderer.render(report, false);
    String markdown = MarkdownRenderer.render(report);
    String csv = CsvRenderer.render(tree);
    String json = JsonRenderer.render(tree);
    String yaml = YamlRenderer.render(tree);
    List<String> messages = new ArrayList<>();
    messages.add(new Diagnostic(new Location(a, 1, 2), b, c).toString());
    messages.add(new Diagnostic(Location.argument(a), "", c).toString());
    messages.add(new Warning(new Location(a, 3, 4), b, c, dev.envelope.diagnostic.WarningId.ZERO_RATES).toString());
    messages.addAll(new EnvelopeException(EnvelopeException.USAGE, c).lines());
    for (String text : List.of(table, markdown, csv, json, yaml, String.join("\n", messages))) {
      OutputSafety.assertNoRawControls(text, what + "\n" + text);
    }
    for (String message : messages) {
      assertThat(message).as(what).doesNotContain("\n");
    }
    OutputSafety.assertSafeMarkdown(markdown, what + "\n" + markdown);
    OutputSafety.assertNoFormula(csv, what + "\n" + csv);
    assertThat(OutputSafety.csv(csv)).as(what + "\n" + csv).allSatisfy(r -> assertThat(r).hasSize(5));
    sketches(a, b, c, what);
    for (JsonNode read : List.of(JSON.readTree(json), YAML.readTree(yaml))) {
      assertThat(read.get("name").asText()).as(what).isEqualTo(a);
      assertThat(read.get("workloads").fieldNames()).toIterable().as(what).containsExactly(b);
      assertThat(read.get("workloads").get(b).get("text").asText()).as(what).isEqualTo(c);
    }
  }

  /**
   * {@code s} with each half of a surrogate pair that lacks the other replaced: text read from a
   * UTF-8 file or argument never holds one.
   */
  private static String whole(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '?' : c);
      }
    }
    return sb.toString();
  }

  /**
   * The sketch renderers with the texts as node, edge and group labels: no raw control character,
   * and every label stays one token: a Mermaid label holds no quote, bracket, brace, pipe, backtick
   * or angle bracket but its own line breaks, and a DOT line holds its quotes in pairs, so that no
   * text ends a label, adds a node or ends a Markdown fence.
   */
  private static void sketches(String a, String b, String c, String what) {
    Sketch sketch = new Sketch(List.of(new Sketch.Node("n1", List.of(a, b), false),
        new Sketch.Node("n2", List.of(c), true)), List.of(new Sketch.Edge("n1", "n2", List.of(c, a))),
        java.util.Optional.of(new Sketch.Group("g", List.of(b), List.of(new Sketch.Node("n3", List.of(a), true)))));
    String mermaid = SketchRenderer.mermaid(sketch);
    String dot = SketchRenderer.dot(sketch);
    OutputSafety.assertNoRawControls(mermaid, what + "\n" + mermaid);
    OutputSafety.assertNoRawControls(dot, what + "\n" + dot);
    List<String> lines = mermaid.lines().toList();
    assertThat(lines).as(what + "\n" + mermaid).hasSize(9);
    for (String line : lines.subList(1, lines.size())) {
      String label = line.replaceAll("^\\s*(subgraph g\\[\"|n\\d\\[\"|n1 -->\\|\")", "").replaceAll("(\"\\]|\"\\| n2)$", "")
          .replace("<br/>", "");
      if (line.contains("[\"") || line.contains("|\"")) {
        assertThat(label).as(what + "\n" + line).doesNotContainPattern("[\"\\[\\]{}|`<>]");
      }
    }
    assertThat(dot.lines().toList()).as(what + "\n" + dot).hasSize(15).allSatisfy(line ->
        assertThat(line.replace("\\\\", "").replace("\\\"", "").chars().filter(ch -> ch == '"').count() % 2)
            .as(what + "\n" + line).isZero());
  }
}
