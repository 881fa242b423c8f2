package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The worked session of docs/interview-mode.md is checked as README.md's examples are (see
 * {@link ReadmeTest}): each {@code $ ./envelope ...} line must print exactly the lines under it.
 */
class InterviewModeDocTest {
  @TestFactory
  Stream<DynamicTest> interviewModeSessionPrintsWhatTheDocShows() throws IOException {
    List<ReadmeTest.Example> examples =
        ReadmeTest.examples(Files.readAllLines(Path.of("docs/interview-mode.md"), StandardCharsets.UTF_8));
    assertThat(examples).as("console examples in docs/interview-mode.md").hasSizeGreaterThan(5);
    return examples.stream().map(e -> DynamicTest.dynamicTest(e.command(), () -> {
      CliRun run = CliRun.run(ReadmeTest.split(e.command()));
      assertThat(run.out() + run.err()).as(run.toString()).isEqualTo(e.expected());
    }));
  }
}
