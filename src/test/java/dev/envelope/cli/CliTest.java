package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {
  static final String FILE = "examples/twitter.yaml";
  static final String ESC = "\u001b[";

  @Test
  void fileAloneIsShortForEstimate() {
    CliRun shorthand = CliRun.run(FILE);
    CliRun full = CliRun.run("estimate", FILE);
    assertThat(shorthand.exitCode()).as(shorthand.toString()).isZero();
    assertThat(shorthand.out()).isEqualTo(full.out());
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    assertThat(CliRun.run("", Map.of(), true, FILE).out()).contains(ESC);
    assertThat(CliRun.run("", Map.of("NO_COLOR", "1"), true, FILE).out()).doesNotContain(ESC);
    assertThat(CliRun.run("", Map.of("TERM", "dumb"), true, FILE).out()).doesNotContain(ESC);
    assertThat(CliRun.run("", Map.of(), false, FILE).out()).doesNotContain(ESC);
    assertThat(CliRun.run("", Map.of(), false, FILE, "--color", "always").out()).contains(ESC);
    assertThat(CliRun.run("", Map.of(), true, FILE, "--color", "never").out()).doesNotContain(ESC);
  }

  @Test
  void jsonIsNeverColoured() {
    assertThat(CliRun.run("", Map.of(), true, FILE, "-o", "json").out()).doesNotContain(ESC);
  }

  @Test
  void yamlAndJsonOnStdinGiveTheSameEstimate() {
    String yaml = "users: {dau: 10M}\nworkloads:\n  post: {writes_per_user: 2/day, read_write_ratio: '5:1', payload: 1KB}\n";
    String json = "{\"users\": {\"dau\": \"10M\"}, \"workloads\": {\"post\": "
        + "{\"writes_per_user\": \"2/day\", \"read_write_ratio\": \"5:1\", \"payload\": \"1KB\"}}}";
    CliRun fromYaml = CliRun.run(yaml, Map.of(), false, "estimate", "-", "-o", "json");
    CliRun fromJson = CliRun.run(json, Map.of(), false, "estimate", "-", "-o", "json");
    assertThat(fromYaml.exitCode()).as(fromYaml.toString()).isZero();
    assertThat(fromJson.out()).isEqualTo(fromYaml.out());
  }

  @Test
  void sameInputGivesTheSameBytesUnderAnyDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      String reference = CliRun.run(FILE).out();
      for (String tag : new String[] {"tr-TR", "de-DE", "ar-EG", "hi-IN"}) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        assertThat(CliRun.run(FILE).out()).as(tag).isEqualTo(reference);
        assertThat(CliRun.run(FILE, "-o", "json").out()).as(tag)
            .isEqualTo(CliRun.run(FILE, "-o", "json").out());
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void nothingGoesToStdoutOnFailure() {
    CliRun run = CliRun.run("estimate", "no/such/file.yaml");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("no/such/file.yaml: no such file");
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun run = CliRun.run("--help");
    assertThat(run.out()).contains("Exit codes:").containsPattern("\\n  3 +invalid requirements file")
        .containsPattern("\\n  4 +input unreadable").containsPattern("\\n  70 +internal error");
    // 1 means only that a check failed, so that a script can tell it from a failed run.
    assertThat(run.out()).containsPattern("\\n  1 +a check failed \\(check: a budget; diff: --fail-over\\)\\n  2 ");
  }

  @Test
  void everyCommandListsTheInternalErrorAs70() {
    for (String command : List.of("estimate", "check", "diff", "init", "sla", "validate")) {
      CliRun run = CliRun.run(command, "--help");
      assertThat(run.out()).as(command).containsPattern("\\n  70 +internal error \\(a bug; --debug shows the stack trace\\)");
    }
  }

  @Test
  void slaReadsAFileWithOnlyATarget() {
    CliRun run = CliRun.run("availability: {target: 3.5 nines}\n", Map.of(), false, "sla", "-", "-o", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"target\": 0.9995", "\"nines\": 3.30102999566");
  }
}
