package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help that helps: every example of every command's --help runs as printed from the repository
 * root, every --get example names a path the command's output has, and no command lists an option
 * or a format it refuses.
 */
class HelpExamplesTest {
  @TempDir static Path bin;

  private static List<String> commands() {
    return EnvelopeCommand.SUBCOMMANDS.stream().map(EnvelopeCommand.Subcommand::name)
        .filter(n -> !n.equals("help")).toList();
  }

  /** The examples of a command's help, each continued line ({@code \}) joined, without the leading spaces. */
  static List<String> examples(String command) {
    String help = CliRun.run(command, "--help").out();
    int at = help.indexOf("\nExamples:\n");
    List<String> out = new ArrayList<>();
    if (at < 0) {
      return out;
    }
    StringBuilder line = new StringBuilder();
    for (String l : help.substring(at + "\nExamples:\n".length()).split("\n")) {
      line.append(line.length() == 0 ? l.strip() : " " + l.strip());
      if (line.toString().endsWith("\\")) {
        line.setLength(line.length() - 1);
        line = new StringBuilder(line.toString().strip());
        continue;
      }
      if (!line.isEmpty()) {
        out.add(line.toString());
      }
      line.setLength(0);
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyHelpExampleRunsAsPrinted() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String command : commands()) {
      List<String> examples = examples(command);
      if (!command.equals("paths") && !command.equals("schema") && !command.equals("init")
          && !command.equals("validate")) {
        assertThat(examples).as(command + " --help has examples").isNotEmpty();
      }
      for (String example : examples) {
        tests.add(DynamicTest.dynamicTest(example, () -> {
          // Exit 0, or 1 where the example is a check that fails by design (a budget, --fail-over).
          Result r = run(example);
          assertThat(r.exit()).as(example + "\n" + r.output()).isIn(0, 1);
          assertThat(r.output()).as(example).doesNotContain("Unknown option", "Invalid value", "no such file",
              "Missing required");
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyGetExampleNamesAPathTheCommandHas() throws Exception {
    for (var e : Cli.GET_EXAMPLES.entrySet()) {
      String first = examples(e.getKey()).get(0);
      assertThat(CliRun.run(e.getKey(), "--help").out()).contains("--get " + e.getValue());
      Result r = run(first + " --get " + e.getValue());
      assertThat(r.exit()).as(first + " --get " + e.getValue() + "\n" + r.output()).isIn(0, 1);
      assertThat(r.output()).as(first).doesNotContain("--get " + e.getValue() + ":");
    }
  }

  @Test
  void noCommandListsAnOptionOrAFormatItRefuses() {
    for (String command : commands()) {
      String help = CliRun.run(command, "--help").out();
      boolean sketches = List.of("estimate", "qps", "storage", "bandwidth", "shards").contains(command);
      assertThat(help.contains("mermaid")).as(command + " lists -o mermaid").isEqualTo(sketches);
      if (List.of("sla", "check", "sweep", "sensitivity", "diff").contains(command)) {
        assertThat(help).as(command).doesNotContain("--scenarios");
      }
    }
    // Hidden, --scenarios is still read, and refused with the command's own message.
    assertThat(CliRun.run("check", "examples/photo-launch.yaml", "--scenarios").err())
        .contains("budgets are checked in the base and every scenario");
  }

  @Test
  void theRootHelpListsCommandsInTheOrderANewcomerUsesThem() {
    String help = CliRun.run("--help").out();
    assertThat(help.indexOf("\n  init ")).isLessThan(help.indexOf("\n  estimate "));
    assertThat(help.indexOf("\n  estimate ")).isLessThan(help.indexOf("\n  explain "));
    assertThat(help.indexOf("\n  explain ")).isLessThan(help.indexOf("\n  check "));
  }

  record Result(int exit, String output) {}

  /** An example in-process when it is envelope and plain words, else in bash with envelope on PATH. */
  private static Result run(String example) throws IOException, InterruptedException {
    if (example.startsWith("envelope ") && !example.matches(".*[|#'<>;$].*") || example.equals("envelope")) {
      CliRun r = CliRun.run(dev.envelope.ReadmeTest.split(example.substring("envelope".length()).strip()));
      return new Result(r.exitCode(), r.out() + r.err());
    }
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", example).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("PATH", wrapper() + File.pathSeparator + builder.environment().getOrDefault("PATH", ""));
    Process bash = builder.start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!bash.waitFor(120, TimeUnit.SECONDS)) {
      bash.destroyForcibly();
      throw new AssertionError("bash did not finish in 120 s: " + example);
    }
    return new Result(bash.exitValue(), out);
  }

  private static synchronized Path wrapper() throws IOException {
    Path envelope = bin.resolve("envelope");
    if (!Files.exists(envelope)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Files.writeString(envelope, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
          + System.getProperty("java.class.path") + "' dev.envelope.Main \"$@\"\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(envelope, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }
}
