package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every output must be whatever the requirements file and the command line hold: no character
 * that a terminal obeys (the list is written out here again, from the Unicode charts, rather than
 * taken from the code under test), no line or cell that text from the input started, and, in CSV and
 * Markdown, no formula, HTML or link.
 */
public final class OutputSafety {
  /**
   * C0 controls but tab and line feed (which the layout writes), DEL, C1 controls, the bidi controls
   * (ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) and the line and paragraph separators.
   */
  private static final Pattern RAW = Pattern.compile(
      "[\\x{0}-\\x{8}\\x{b}-\\x{1f}\\x{7f}-\\x{9f}\\x{61c}\\x{200e}\\x{200f}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}"
          + "\\x{2028}\\x{2029}]");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final List<String> FORMATS = List.of("table", "json", "yaml", "markdown", "csv");

  private OutputSafety() {}

  /**
   * A file (written as JSON, which escapes anything) whose workload, component and scenario have
   * the given names, estimated in every format, with and without its scenarios, and explained: each
   * run is safe ({@link #assertNoRawControls}; CSV without formulas; Markdown without HTML, links or
   * extra columns), and JSON and YAML read back the workload's name as it was.
   */
  public static void assertSafeWithNames(Path dir, String workload, String component, String scenario)
      throws IOException {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("name", workload);
    file.put("users", Map.of("dau", "1M"));
    file.put("workloads", Map.of(workload, Map.of("writes_per_user", "2/day", "payload", "1KB",
        "read_write_ratio", "10:1")));
    file.put("availability", Map.of("target", "99.9%",
        "components", List.of(Map.of("name", component, "replicas", 1, "availability", "99.9%"))));
    file.put("scenarios", Map.of(scenario, Map.of("users.dau", "2M")));
    Path path = dir.resolve("names.json");
    Files.writeString(path, JSON.writeValueAsString(file), StandardCharsets.UTF_8);
    String f = path.toString();
    List<List<String>> commands = new ArrayList<>();
    for (String format : FORMATS) {
      commands.add(List.of("estimate", f, "-o", format));
      commands.add(List.of("estimate", f, "--scenarios", "-o", format));
    }
    commands.add(List.of("explain", f, "-o", "table"));
    commands.add(List.of("explain", f, "-o", "markdown"));
    commands.add(List.of("explain", f, "-o", "csv"));
    for (List<String> args : commands) {
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertNoRawControls(run);
      String format = args.get(args.size() - 1);
      if (format.equals("csv")) {
        assertNoFormula(run);
      } else if (format.equals("markdown")) {
        assertSafeMarkdown(run);
      } else if (run.exitCode() == 0 && args.size() == 4 && args.get(0).equals("estimate")
          && (format.equals("json") || format.equals("yaml"))) {
        JsonNode tree = (format.equals("json") ? JSON : YAML).readTree(run.out());
        assertThat(tree.get("workloads").fieldNames()).as(run.toString()).toIterable().containsExactly(workload);
      }
    }
  }

  /** Stdout and stderr of {@code run} hold no raw control, bidi or separator character, and no tab. */
  public static void assertNoRawControls(CliRun run) {
    assertNoRawControls(run.out(), "stdout\n" + run);
    assertNoRawControls(run.err(), "stderr\n" + run);
  }

  /** {@code text} holds no raw control, bidi or separator character, and no tab: only line feeds. */
  public static void assertNoRawControls(String text, String what) {
    Matcher m = RAW.matcher(text);
    if (m.find()) {
      int at = m.start();
      throw new AssertionError(String.format("raw U+%04X at %d: ...%s...%nin %s", (int) text.charAt(at), at,
          text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 20)), what));
    }
    assertThat(text.indexOf('\t')).as("a tab in " + what).isEqualTo(-1);
  }

  /**
   * Every {@code marker} in the output comes right after an escaped line break, carriage return or
   * tab (backslash-u000a, backslash-n in JSON and YAML, ...): a line feed in a name never starts a line.
   */
  public static void assertMarkerEscaped(CliRun run, String marker) {
    Pattern unescaped = Pattern.compile("(?<!u000a|u000d|u0009|u2028|\\\\n|\\\\r|\\\\t)" + Pattern.quote(marker));
    for (String text : List.of(run.out(), run.err())) {
      Matcher m = unescaped.matcher(text);
      if (m.find()) {
        throw new AssertionError("'" + marker + "' not after an escape: ..."
            + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 10)) + "...\n" + run);
      }
    }
  }

  /** The fields of a CSV output, record by record (RFC 4180: quotes around fields, doubled inside). */
  public static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    for (String line : text.split("\n")) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      assertThat(quoted).as("a quote left open in the line " + line).isFalse();
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }

  /**
   * No field of a CSV output is a spreadsheet formula: none starts with =, + or @, and one starting
   * with - is a number.
   */
  public static void assertNoFormula(CliRun run) {
    assertNoFormula(run.out(), run.toString());
  }

  /** Like {@link #assertNoFormula(CliRun)}, for the CSV {@code text}. */
  public static void assertNoFormula(String text, String what) {
    for (List<String> record : csv(text)) {
      for (String f : record) {
        boolean formula = f.length() > 1 && "=+@-".indexOf(f.charAt(0)) >= 0
            && !f.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
        assertThat(formula).as("a formula: " + f + "\n" + what).isFalse();
      }
    }
  }

  /**
   * A Markdown output has no raw HTML, no link and no extra table column: outside code blocks,
   * no {@code <}, no unescaped {@code ](}, and every row of a table has as many unescaped pipes as
   * its header.
   */
  public static void assertSafeMarkdown(CliRun run) {
    assertSafeMarkdown(run.out(), run.toString());
  }

  /** Like {@link #assertSafeMarkdown(CliRun)}, for the Markdown {@code text}. */
  public static void assertSafeMarkdown(String text, String what) {
    boolean code = false;
    int pipes = -1;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("```")) {
        code = !code;
        continue;
      }
      if (code) {
        continue;
      }
      assertThat(line).as(what).doesNotContain("<");
      for (int i : unescaped(line, ']')) {
        assertThat(i + 1 < line.length() && line.charAt(i + 1) == '(').as("a link: " + line + "\n" + what).isFalse();
      }
      if (line.startsWith("|")) {
        int n = unescaped(line, '|').size();
        if (pipes < 0) {
          pipes = n;
        }
        assertThat(n).as("the columns of " + line + "\n" + what).isEqualTo(pipes);
      } else {
        pipes = -1;
      }
    }
  }

  /** Where {@code c} stands in {@code line} without a backslash escaping it (an even number of backslashes before). */
  private static List<Integer> unescaped(String line, char c) {
    List<Integer> at = new ArrayList<>();
    int backslashes = 0;
    for (int i = 0; i < line.length(); i++) {
      char x = line.charAt(i);
      if (x == c && backslashes % 2 == 0) {
        at.add(i);
      }
      backslashes = x == '\\' ? backslashes + 1 : 0;
    }
    return at;
  }
}
