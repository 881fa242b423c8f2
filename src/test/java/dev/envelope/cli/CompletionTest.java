package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script, run in bash as the shell runs it: file names for file parameters, the
 * enumerated values, and the paths of the file on the command line after --get, --set and --vary.
 */
class CompletionTest {
  @TempDir static Path dir;
  private static Path script;

  @BeforeAll
  static void writeScript() throws Exception {
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    script = dir.resolve("envelope.bash");
    Files.writeString(script, Completion.bash(Cli.commandLine(
        new Context(discard, discard, InputStream.nullInputStream(), Map.of(), false))), StandardCharsets.UTF_8);
    Path envelope = dir.resolve("envelope");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(envelope, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
        + System.getProperty("java.class.path") + "' dev.envelope.Main \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(envelope, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The completions of the last word of {@code line}, one a line, as bash computes them from the repository root. */
  private static String complete(String line) throws Exception {
    String words = line.endsWith(" ") ? line + "''" : line;
    // compopt works only inside a completion the shell started: a no-op here.
    String bash = "source '" + script + "'\ncompopt() { :; }\nCOMP_WORDS=(" + words + ")\nCOMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "_envelope_with_paths envelope\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("PATH", dir + File.pathSeparator + builder.environment().getOrDefault("PATH", ""));
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void fileParametersCompleteFileNames() throws Exception {
    assertThat(complete("envelope estimate examples/twi")).isEqualTo("examples/twitter.yaml\n");
    assertThat(complete("envelope examples/url-")).isEqualTo("examples/url-shortener.yaml\n");
    assertThat(complete("envelope diff docs/examples/photos-v1.yaml docs/examples/photos-v")).contains(
        "docs/examples/photos-v2.yaml");
    // An option's value is not a file name.
    assertThat(complete("envelope estimate examples/twitter.yaml --samples ex")).isEqualTo("\n");
  }

  @Test
  void enumeratedValuesComplete() throws Exception {
    assertThat(complete("envelope sla --calendar g")).isEqualTo("gregorian\n");
    assertThat(complete("envelope sla --downtime 4h --per q")).isEqualTo("quarter\n");
    assertThat(complete("envelope reference thr")).isEqualTo("throughput\n");
    assertThat(complete("envelope keyspace --alphabet base6")).isEqualTo("base62\nbase64\nbase64url\n");
    assertThat(complete("envelope sla -o m")).isEqualTo("markdown\n");
    assertThat(complete("envelope estimate examples/twitter.yaml -o me")).isEqualTo("mermaid\n");
  }

  @Test
  void figurePathsCompleteAfterGetSetAndVary() throws Exception {
    assertThat(complete("envelope estimate examples/twitter.yaml --get capacity.s"))
        .isEqualTo("capacity.servers\ncapacity.shards\ncapacity.shards_by_storage\ncapacity.shards_by_writes\n"
            + "capacity.shards_by_reads\n");
    assertThat(complete("envelope sweep examples/twitter.yaml --vary users.d")).isEqualTo("users.daily_active=\nusers.dau=\n");
  }
}
