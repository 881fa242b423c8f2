package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import static dev.envelope.model.RequirementsReaderTest.problems;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.envelope.model.RequirementsReader.Need;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written to break the reader: other encodings, keys that are not text, numbers at the edges
 * of a double, calendars that do not nest. Each is a located problem (exit code 3), never an
 * exception or a silent misreading.
 */
class HostileInputTest {
  private static final String VALID = "workloads: {a: {writes: 1/s}}\n";

  /** The lines printed for {@code bytes}, which must be refused with exit code 3. */
  static List<String> refused(byte[] bytes) {
    try {
      Document.parse("f.yaml", bytes).bindAll(Need.ESTIMATE, List.of());
    } catch (EnvelopeException e) {
      assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(3);
      return e.lines();
    }
    throw new AssertionError("expected the file to be refused");
  }

  static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Nested
  class Encodings {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
      // With a byte-order mark, as Java's UTF-16 and Notepad write it: iconv reads the mark.
      "UTF-16BE, FEFF, 'UTF-16 (big-endian)', UTF-16",
      "UTF-16LE, FFFE, 'UTF-16 (little-endian)', UTF-16",
      "UTF-32BE, 0000FEFF, 'UTF-32 (big-endian)', UTF-32",
      "UTF-32LE, FFFE0000, 'UTF-32 (little-endian)', UTF-32",
      // Without one, the zero bytes of the ASCII text tell the encoding, and iconv needs the order.
      "UTF-16BE, '', 'UTF-16 (big-endian, without a byte-order mark)', UTF-16BE",
      "UTF-16LE, '', 'UTF-16 (little-endian, without a byte-order mark)', UTF-16LE",
      "UTF-32BE, '', 'UTF-32 (big-endian, without a byte-order mark)', UTF-32BE",
      "UTF-32LE, '', 'UTF-32 (little-endian, without a byte-order mark)', UTF-32LE"
    })
    void aFileInUtf16OrUtf32IsRefusedNamingItsEncoding(String charset, String mark, String named, String iconv) {
      // Was: "syntax error: special characters are not allowed".
      byte[] bom = java.util.HexFormat.of().parseHex(mark);
      byte[] bytes = concat(bom, VALID.getBytes(Charset.forName(charset)));
      assertThat(refused(bytes)).containsExactly("f.yaml:1:1: the file is " + named + "; expected UTF-8: convert it"
          + " with iconv -f " + iconv + " -t UTF-8");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtItsFirstBadByte() {
      // "café" in Latin-1: é is the byte E9, on line 2 at column 10 ("name: caf" is 9 characters),
      // at byte offset 30 + 9 = 39. Was decoded silently as U+FFFD.
      byte[] bytes = (VALID + "name: caf\u00e9\n").getBytes(Charset.forName("ISO-8859-1"));
      assertThat(refused(bytes)).containsExactly("f.yaml:2:10: the file is not valid UTF-8: byte 0xE9 (byte offset 39)"
          + " does not start or continue a character; expected UTF-8 text (convert it with iconv, e.g. iconv -f"
          + " LATIN1 -t UTF-8 for Latin-1)");
    }

    @Test
    void columnsCountCharactersBeforeTheBadByte() {
      // "é" in UTF-8 is 2 bytes but 1 character: the lone byte FF after "é: " is at column 4.
      byte[] bytes = concat("\u00e9: ".getBytes(UTF_8), new byte[] {(byte) 0xFF});
      assertThat(refused(bytes)).singleElement().asString().startsWith("f.yaml:1:4: the file is not valid UTF-8:"
          + " byte 0xFF (byte offset 4)");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsRead() {
      byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, VALID.getBytes(UTF_8));
      assertThatCode(() -> RequirementsReader.read("f.yaml", bytes, Need.ESTIMATE)).doesNotThrowAnyException();
    }
  }

  @Nested
  class Keys {
    @Test
    void aKeyThatIsAListIsAPlainProblemAtTheKey() {
      // Was: "syntax error: Expected a field name (Scalar value in YAML), got this instead:
      // <org.yaml.snakeyaml.events.SequenceStartEvent(...)>". The key [x, y] starts at line 3, column 5.
      String file = "workloads:\n  a: {writes: 1/s}\n  ? [x, y]\n  : 1\n";
      assertThat(refused(file.getBytes(UTF_8))).containsExactly(
          "f.yaml:3:5: workloads: a key must be plain text (got a list); expected a name such as users or tweet");
    }

    @Test
    void aKeyThatIsAMappingIsAPlainProblemToo() {
      assertThat(refused("{{a: 1}: 2}\n".getBytes(UTF_8))).containsExactly(
          "f.yaml:1:2: a key must be plain text (got a mapping); expected a name such as users or tweet");
    }

    @Test
    void anAliasAsAKeyIsAPlainProblemAtTheAlias() {
      // *a is at line 2, column 1.
      String file = "x: &a k\n*a : 1\n" + VALID;
      assertThat(refused(file.getBytes(UTF_8))).containsExactly(
          "f.yaml:2:1: a key must be plain text (got the alias *a); expected a name such as users or tweet");
    }

    @Test
    void noMessageNamesSnakeYamlsClasses() {
      for (String file : List.of("? [a, b] : 1\n", "x: &a k\ny: {*a : 1}\n", "? !!set {a}\n: 1\n", "? - a\n  - b\n: 1\n")) {
        assertThat(refused(file.getBytes(UTF_8))).as(file).singleElement().asString()
            .doesNotContain("snakeyaml").doesNotContain("Event").contains("a key must be plain text");
      }
    }
  }

  @Nested
  class Numbers {
    @ParameterizedTest
    @ValueSource(strings = {
      "users: {daily_active: 1e-2147483647%, mau: 1M}",
      "availability: {target: 1e-2147483647%}",
      "traffic: {peak: {model: poisson, percentile: 1e-2147483647}}",
      "traffic: {peak: {model: poisson, percentile: 1e-999999999}}",
      "storage: {overhead: 9e999999999%}",
      "availability: {target: 99.99999999999999999999%}",
      "users: {daily_active: 1e-400, mau: 1M}",
      "traffic: {peak_factor: 1e+2147483648}",
      "conventions: {seconds_per_day: 1e-2147483648}",
      "scenarios: {s: {cache.hot_fraction: 1e-2147483647%}}",
      "users: {dau: 1e-2147483647 to 1}"
    })
    void numbersAtTheEdgeOfADoubleAreLocatedProblems(String line) {
      String file = VALID + line + "\n";
      // Each names the value and what is expected, at the value (line 2).
      assertThat(refused(file.getBytes(UTF_8))).singleElement().asString().startsWith("f.yaml:2:")
          .contains("(got '").contains("; expected").hasSizeLessThan(400);
    }

    @Test
    void aTinyHedgeAfterGivesAShortMessage() {
      // The hint once wrote 1e-999999 out in full: a message of 2 MB.
      String file = "workloads: {a: {writes: 1/s, hedge_after: 1e-999999, call_latency: {p50: 5ms, p99: 50ms},"
          + " fanout: 10}}\n";
      assertThat(refused(file.getBytes(UTF_8))).containsExactly("f.yaml:1:43: workloads.a.hedge_after: number is too"
          + " close to zero for a double (under 1e-307, other than 0) (got '1e-999999'); expected a percentile"
          + " strictly between 0 and 100: p99.9, 99.9 or 99.9%");
    }

    @Test
    void aHugeNegativeExponentInAPercentileIsShortAndNamed() {
      // The 78-byte file of the finding: 10^9 characters, then OutOfMemoryError.
      String file = "traffic: {peak: {model: poisson, percentile: 1e-999999999}}\nworkloads: {a: {writes: 1/s}}\n";
      assertThat(refused(file.getBytes(UTF_8))).containsExactly("f.yaml:1:46: traffic.peak.percentile: number is"
          + " too close to zero for a double (under 1e-307, other than 0) (got '1e-999999999'); expected a percentile"
          + " strictly between 0 and 100: p99.9, 99.9 or 99.9%");
    }
  }

  @Nested
  class Calendars {
    @Test
    void aMonthLongerThanTheYearIsRefusedAtTheMonth() {
      // Was read: a 31-day month in a 30-day year. The month's value is at line 2, column 43.
      String file = VALID + "conventions: {calendar: {year: 30, month: 31}}\n";
      assertThat(problems(file)).extracting(Diagnostic::toString).containsExactly("req.yaml:2:43:"
          + " conventions.calendar.month: a month longer than the year (got '31'); expected a month of at most"
          + " 30 days (the year)");
    }

    @Test
    void aQuarterLongerThanTheYearIsRefusedAtTheQuarter() {
      String file = VALID + "conventions: {calendar: {year: 365, quarter: 400, month: 30}}\n";
      assertThat(problems(file)).extracting(Diagnostic::toString).containsExactly("req.yaml:2:46:"
          + " conventions.calendar.quarter: a quarter longer than the year (got '400'); expected a quarter of at"
          + " most 365 days (the year)");
    }

    @Test
    void aMonthLongerThanTheQuarterIsRefused() {
      String given = VALID + "conventions: {calendar: {year: 365, quarter: 90, month: 100}}\n";
      assertThat(problems(given)).extracting(Diagnostic::toString).containsExactly("req.yaml:2:57:"
          + " conventions.calendar.month: a month longer than the quarter (got '100'); expected a month of at most"
          + " 90 days (the quarter)");
      // The quarter by default is year / 4 = 91.25 days.
      String defaulted = VALID + "conventions: {calendar: {year: 365, month: 100}}\n";
      assertThat(problems(defaulted)).extracting(Diagnostic::toString).containsExactly("req.yaml:2:44:"
          + " conventions.calendar.month: a month longer than the quarter (got '100'); expected a month of at most"
          + " 91.25 days (the quarter: year / 4), or a longer quarter beside it");
    }

    @Test
    void aQuarterShorterThanTheDefaultMonthIsRefusedAtTheQuarter() {
      // The month by default is year / 12 = 30.42 days, longer than a 10-day quarter.
      String file = VALID + "conventions: {calendar: {year: 365, quarter: 10}}\n";
      assertThat(problems(file)).extracting(Diagnostic::toString).containsExactly("req.yaml:2:46:"
          + " conventions.calendar.quarter: a quarter shorter than the month (got '10'); expected a quarter of at"
          + " least the month (year / 12: about 30.4 days), or a shorter month beside it");
    }

    @Test
    void periodsThatNestAreRead() {
      for (String calendar : List.of("{year: 365, month: 30}", "{year: 360, quarter: 90, month: 30}",
          "{year: 30, quarter: 30, month: 30}", "{year: 12}")) {
        String file = VALID + "conventions: {calendar: " + calendar + "}\n";
        assertThatCode(() -> RequirementsReader.read("f.yaml", file.getBytes(UTF_8), Need.ESTIMATE))
            .as(calendar).doesNotThrowAnyException();
      }
    }
  }
}
