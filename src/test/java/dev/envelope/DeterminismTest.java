package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Same input, same bytes: across runs, locales whose digits, separators and letter cases differ
 * (Turkish dotless i, German decimal comma, Arabic-Indic digits), time zones, and terminals of any
 * width. Ranges are included, so the Monte Carlo is covered too.
 */
class DeterminismTest {
  private static final String RANGES = "examples/photo-launch.yaml";
  private static final String TWITTER = "examples/twitter.yaml";

  /** Command lines that cover every renderer and the commands that draw, sweep or compare. */
  private static final List<String[]> RUNS = List.of(
      new String[] {"estimate", RANGES, "-o", "json", "--samples", "2000"},
      new String[] {"estimate", RANGES, "--samples", "2000"},
      new String[] {"estimate", RANGES, "-o", "yaml", "--samples", "2000", "--percentiles", "1,50,99.9"},
      new String[] {"estimate", RANGES, "--histogram", "capacity.servers", "--samples", "2000"},
      new String[] {"sensitivity", RANGES, "-o", "markdown"},
      new String[] {"check", RANGES, "-o", "csv", "--samples", "2000"},
      new String[] {"estimate", TWITTER, "--explain"},
      new String[] {"estimate", "examples/search-service.yaml", "-o", "json"},
      new String[] {"explain", "examples/search-service.yaml", "-o", "markdown"},
      new String[] {"estimate", TWITTER, "--napkin", "-o", "json"},
      new String[] {"explain", TWITTER},
      new String[] {"sweep", TWITTER, "--vary", "users.mau=100M,1.5B", "-o", "csv"},
      new String[] {"diff", TWITTER, "examples/url-shortener.yaml"},
      new String[] {"sla", "99.95%", "3.5 nines", "--calendar", "gregorian"},
      new String[] {"reference"},
      new String[] {"keyspace", "--alphabet", "62", "--length", "7", "--rate", "1160/s"},
      new String[] {"validate", "-o", "json", TWITTER, RANGES},
      new String[] {"schema"});

  private static List<String> outputs(Map<String, String> env, boolean terminal) {
    List<String> out = new ArrayList<>();
    for (String[] args : RUNS) {
      CliRun run = CliRun.run("", env, terminal, args);
      assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
      out.add(run.out() + "\n--- stderr\n" + run.err() + "\n--- exit " + run.exitCode());
    }
    return out;
  }

  /** The outputs in the build's own locale (en-US), zone (UTC) and a pipe: what the others must match. */
  private static List<String> expected;

  @BeforeAll
  static void baseline() {
    expected = outputs(Map.of(), false);
  }

  @Test
  void twoRunsGiveTheSameBytes() {
    assertThat(outputs(Map.of(), false)).isEqualTo(expected);
  }

  @Test
  void turkishGermanAndArabicLocalesGiveTheSameBytes() {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : List.of(Locale.forLanguageTag("tr-TR"), Locale.GERMANY,
          Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("ar-SA-u-nu-arab"))) {
        Locale.setDefault(locale);
        assertThat(outputs(Map.of(), false)).as(locale.toLanguageTag()).isEqualTo(expected);
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void anotherTimeZoneGivesTheSameBytes() {
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : List.of("Pacific/Kiritimati", "America/St_Johns")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        assertThat(outputs(Map.of(), false)).as(zone).isEqualTo(expected);
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void aTerminalOfAnyWidthGivesTheSameBytesAsAPipe() {
    assertThat(outputs(Map.of("COLUMNS", "20"), false)).isEqualTo(expected);
    assertThat(outputs(Map.of("COLUMNS", "300"), false)).isEqualTo(expected);
    // On a terminal only colour may differ; without it (NO_COLOR), nothing does.
    assertThat(outputs(Map.of("COLUMNS", "40", "NO_COLOR", "1"), true)).isEqualTo(expected);
  }

  @Test
  void aForkedJvmInTurkishAndArabicWithANarrowTerminalPrintsTheSameBytes() throws Exception {
    String[] args = RUNS.get(0);
    CliRun inProcess = CliRun.run(args);
    for (String[] locale : List.of(new String[] {"tr", "TR", "Asia/Kolkata"}, new String[] {"ar", "EG", "Asia/Tehran"})) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Duser.language=" + locale[0], "-Duser.country=" + locale[1], "-Duser.timezone=" + locale[2],
          "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().put("COLUMNS", "20");
      Process p = pb.start();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      p.getInputStream().transferTo(bytes);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      assertThat(bytes.toString(StandardCharsets.UTF_8)).as(String.join(" ", locale)).isEqualTo(inProcess.out());
    }
  }
}
