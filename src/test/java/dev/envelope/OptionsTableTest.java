package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of options across commands in docs/commands.md, cell by cell: a {@code yes} is an option
 * the command takes (whatever it then says of the value), a {@code no} one it refuses as unknown.
 */
class OptionsTableTest {
  private static final String FILE = "examples/photo-launch.yaml";

  /** The command line of each row's commands, before the option. */
  private static final Map<String, List<String[]>> ROWS = Map.of(
      "`estimate`", List.<String[]>of(new String[] {"estimate", FILE}),
      "`qps`, `bandwidth`, `storage`, `shards`", List.of(new String[] {"qps", FILE},
          new String[] {"bandwidth", FILE}, new String[] {"storage", FILE}, new String[] {"shards", FILE}),
      "`explain`", List.<String[]>of(new String[] {"explain", FILE}),
      "`check`", List.<String[]>of(new String[] {"check", FILE}),
      "`validate`", List.<String[]>of(new String[] {"validate", FILE}),
      "`sweep`", List.<String[]>of(new String[] {"sweep", FILE, "--vary", "users.dau=1M,2M"}),
      "`diff`", List.<String[]>of(new String[] {"diff", FILE, FILE}),
      "`sensitivity`", List.<String[]>of(new String[] {"sensitivity", FILE}),
      "`sla` (with a file)", List.<String[]>of(new String[] {"sla", FILE}));

  /** Each column's option with a value where it takes one. */
  private static final Map<String, String[]> OPTIONS = Map.of(
      "`--explain`", new String[] {"--explain"},
      "`--napkin`", new String[] {"--napkin"},
      "`--strict`", new String[] {"--strict"},
      "`--samples`", new String[] {"--samples", "1000"},
      "`--get`", new String[] {"--get", "schema"},
      "`--set`", new String[] {"--set", "users.dau=1M"},
      "`--scenario`", new String[] {"--scenario", "busy"});

  @TestFactory
  Stream<DynamicTest> eachCellIsWhatTheCommandDoes() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/commands.md"), StandardCharsets.UTF_8);
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("| command |")).findFirst().orElseThrow());
    List<String> columns = cells(lines.get(header));
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> cells = cells(lines.get(i));
      List<String[]> commands = ROWS.get(cells.get(0));
      assertThat(commands).as("a row the test knows: " + cells.get(0)).isNotNull();
      for (int c = 1; c < cells.size(); c++) {
        String[] option = OPTIONS.get(columns.get(c));
        boolean takes = cells.get(c).equals("yes");
        for (String[] command : commands) {
          String[] args = Stream.concat(Arrays.stream(command), Arrays.stream(option)).toArray(String[]::new);
          tests.add(DynamicTest.dynamicTest(String.join(" ", args) + ": " + cells.get(c), () -> {
            CliRun run = CliRun.run(args);
            if (takes) {
              assertThat(run.err()).as(run.toString()).doesNotContain("Unknown option");
            } else {
              assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
              assertThat(run.err()).as(run.toString()).contains("Unknown option");
            }
          }));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(60);
    return tests.stream();
  }

  private static List<String> cells(String row) {
    String[] parts = row.split("\\|");
    List<String> out = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      out.add(parts[i].strip());
    }
    return out;
  }
}
