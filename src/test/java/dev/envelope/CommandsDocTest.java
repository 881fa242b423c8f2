package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code console} blocks of every page under docs/ are checked as README.md's are (see
 * {@link ReadmeTest}): each {@code $ ./envelope ...} line must print exactly the lines under it.
 */
class CommandsDocTest {
  @TestFactory
  Stream<DynamicTest> docExamplesPrintWhatTheDocsShow() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(Path.of("docs"))) {
      pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      for (ReadmeTest.Example e : ReadmeTest.examples(Files.readAllLines(page, StandardCharsets.UTF_8))) {
        tests.add(DynamicTest.dynamicTest(page + ": " + e.command(), () -> {
          CliRun run = CliRun.run(ReadmeTest.split(e.command()));
          assertThat(run.out() + run.err()).as(run.toString()).isEqualTo(e.expected());
        }));
      }
    }
    assertThat(tests).as("console examples in docs/commands.md and docs/ranges.md").hasSizeGreaterThan(5);
    return tests.stream();
  }
}
