package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden CLI cases: each folder under src/test/resources/golden holds {@code args} (one argument
 * per line; {@code {case}} stands for the folder), optionally {@code stdin}, and the expected
 * {@code stdout}, {@code stderr} and {@code exit}. A missing expected file fails the case. Run
 * with {@code -Dgolden.update=true} to rewrite the expected files, then review them with git diff.
 */
class GoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(ROOT)) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("golden cases").isNotEmpty();
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    String caseDir = ROOT.resolve(dir.getFileName()).toString();
    String[] args = Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isEmpty())
        .map(line -> line.replace("{case}", caseDir))
        .toArray(String[]::new);
    Path stdinFile = dir.resolve("stdin");
    String stdin = Files.exists(stdinFile) ? Files.readString(stdinFile, StandardCharsets.UTF_8) : "";
    CliRun run = CliRun.run(stdin, Map.of(), false, args);
    Map<String, String> actual = Map.of(
        "stdout", run.out(), "stderr", run.err(), "exit", run.exitCode() + "\n");
    for (String name : List.of("stdout", "stderr", "exit")) {
      Path expected = dir.resolve(name);
      if (UPDATE) {
        Files.writeString(expected, actual.get(name), StandardCharsets.UTF_8);
        continue;
      }
      if (!Files.exists(expected)) {
        fail("missing " + expected + " (run with -Dgolden.update=true and review the diff)\n" + run);
      }
      assertThat(actual.get(name)).as(name + " of " + dir.getFileName() + "\n" + run)
          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
  }
}
