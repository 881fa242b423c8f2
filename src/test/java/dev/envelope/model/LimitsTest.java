package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.envelope.diagnostic.Location;
import dev.envelope.model.RequirementsReader.Need;
import org.junit.jupiter.api.Test;

/** Each limit of {@link Limits}: refused with exit code 3 and a located message; just under it, read. */
class LimitsTest {
  private static final String VALID = "workloads:\n  w: {writes: 1/s}\n";

  static java.util.List<String> refused(String text) {
    return refused(text.getBytes(UTF_8));
  }

  static java.util.List<String> refused(byte[] bytes) {
    try {
      RequirementsReader.read("f.yaml", bytes, Need.ESTIMATE);
    } catch (EnvelopeException e) {
      assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(3);
      return e.lines();
    }
    throw new AssertionError("expected the file to be refused");
  }

  static void read(String text) {
    assertThatCode(() -> RequirementsReader.read("f.yaml", text.getBytes(UTF_8), Need.ESTIMATE))
        .doesNotThrowAnyException();
  }

  @Test
  void aFileOverOneMebibyteIsRefusedBeforeParsing() {
    // 1 MiB = 1,048,576 bytes; one more is too many, whatever the bytes are.
    byte[] bytes = new byte[1_048_577];
    java.util.Arrays.fill(bytes, (byte) '{');
    assertThat(refused(bytes)).containsExactly(
        "f.yaml:1:1: the file is larger than 1 MiB; expected a requirements file of at most 1,048,576 bytes");
  }

  @Test
  void aFileOfExactlyOneMebibyteIsRead() {
    String comment = "#" + "x".repeat(1_048_576 - VALID.length() - 2) + "\n";
    assertThat((comment + VALID).getBytes(UTF_8)).hasSize(1_048_576);
    read(comment + VALID);
  }

  @Test
  void aliasesAreRefusedAtEachUseSoThatABillionLaughsNeverExpands() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
    }
    java.util.List<String> lines = refused(bomb + VALID);
    // Line 2, "a1: &a1 [*a0, ...": the first alias is at column 10.
    assertThat(lines).contains("f.yaml:2:10: a1[0]: a YAML alias (*a0) is not read; expected the value written out"
        + " (aliases can make a small file expand without bound)");
    assertThat(lines).hasSizeGreaterThanOrEqualTo(90);
  }

  @Test
  void nestingDeeperThan32LevelsIsRefusedWhereItGoesTooDeep() {
    // The root mapping is level 1; the 32nd bracket opens level 33, at column 4 + 31 = 35.
    String yaml = "x: " + "[".repeat(40) + "]".repeat(40) + "\n" + VALID;
    assertThat(refused(yaml)).singleElement().asString()
        .startsWith("f.yaml:1:35: x[0]").endsWith(": nested more than 32 levels deep; expected at most 32"
            + " (a requirements file needs 4)");
    String json = "{\"x\": " + "[".repeat(40) + "]".repeat(40) + "}";
    assertThat(refused(json)).singleElement().asString().startsWith("f.yaml:1:38: x[0]");
    // 32 levels are read (and x is then an unknown key, nothing about its depth).
    assertThat(refused("x: " + "[".repeat(31) + "]".repeat(31) + "\n" + VALID))
        .singleElement().asString().contains("x: unknown key");
  }

  @Test
  void aValueOfMoreThanTenThousandCharactersIsRefused() {
    assertThat(refused("name: " + "n".repeat(10_001) + "\n" + VALID))
        .containsExactly("f.yaml:1:7: name: a value of 10,001 characters; expected at most 10,000");
    read("name: " + "n".repeat(10_000) + "\n" + VALID);
  }

  @Test
  void aKeyOfMoreThan256CharactersIsRefused() {
    String key = "k".repeat(257);
    assertThat(refused("workloads:\n  " + key + ": {writes: 1/s}\n")).first().asString()
        .isEqualTo("f.yaml:2:3: workloads: a key of 257 characters (kkkkkkkkkkkkkkkkkkkk...); expected at most 256");
  }

  @Test
  void numbersWithHundredsOfDigitsNameTheirField() {
    String digits = "9".repeat(400);
    assertThat(refused("users: {dau: " + digits + "}\n" + VALID)).containsExactly(
        "f.yaml:1:14: users.dau: number is too long (400 characters) (got '" + "9".repeat(40)
            + "... (400 characters)'); expected a number, optionally with K, M, bn (or B) or T (thousand to trillion),"
            + " e.g. 150M of at most 40 characters");
    // JSON numbers are kept as text too, so the parser's own limit (1,000 digits) does not answer first.
    String json = "{\"users\": {\"dau\": " + "9".repeat(2000) + "}, \"workloads\": {\"w\": {\"writes\": \"1/s\"}}}";
    assertThat(refused(json)).singleElement().asString().startsWith("f.yaml:1:19: users.dau: number is too long (2000 characters)");
  }

  @Test
  void duplicateKeysNameBothPlaces() {
    assertThat(refused("users: {dau: 1M}\n" + VALID + "users: {dau: 2M}\n"))
        .containsExactly("f.yaml:4:1: users: duplicate key (first at line 1, column 1); expected each key once");
    assertThat(refused("{\"workloads\": {\"w\": {\"writes\": \"1/s\", \"writes\": \"2/s\"}}}"))
        .containsExactly("f.yaml:1:39: workloads.w.writes: duplicate key (first at line 1, column 22); expected each key once");
  }

  @Test
  void readingEveryScenarioIsHeldToTheWorkBudget() {
    Location at = new Location("f.yaml", 1, 1);
    // 300 readings of 2,000 values are 600,000, the budget itself; one reading more is past it.
    assertThat(Limits.reading(300, 2_000, at)).isNull();
    assertThat(Limits.reading(301, 2_000, at)).isNotNull();
  }

  @Test
  void scenariosPastTheWorkBudgetAreNotReadAndTheFileItselfStillIs() {
    // Lines 2 to 1,001: 1,000 workloads of two values, the first of them wrong; line 1,002 the
    // scenarios, 1,000 of them, the first of an unknown path. The base and 1,000 scenarios read the
    // 2,000 values 1,001 times: 2,002,000.
    StringBuilder yaml = new StringBuilder("workloads:\n  w1: {writes: lots, payload: 1KB}\n");
    for (int i = 2; i <= 1_000; i++) {
      yaml.append("  w").append(i).append(": {writes: 1/s, payload: 1KB}\n");
    }
    yaml.append("scenarios:\n  s1: {users.dua: 1M}\n");
    for (int i = 2; i <= 1_000; i++) {
      yaml.append("  s").append(i).append(": {users.dau: ").append(i).append("M}\n");
    }
    Document doc = Document.parse("f.yaml", yaml.toString().getBytes(UTF_8));
    java.util.List<String> lines;
    try {
      doc.bindAll(Need.ESTIMATE, java.util.List.of());
      throw new AssertionError("expected the file to be refused");
    } catch (EnvelopeException e) {
      assertThat(e.exitCode()).isEqualTo(3);
      lines = e.diagnostics().stream().map(Object::toString).toList();
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("f.yaml:2:16: workloads.w1.writes: not a rate"));
    assertThat(lines).contains("f.yaml:1002:1: scenarios: 1,001 readings of the file (its own values and each"
        + " scenario's) of 2,000 values each is 2,002,000 values read, past the work budget of 600,000 (some ten"
        + " seconds); expected fewer scenarios, or fewer workloads in a file with this many scenarios");
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains("users.dua"));
  }
}
