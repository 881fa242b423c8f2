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
 * Every {@code console} block of README.md is a golden case: each {@code $ ./envelope ...} line is
 * run in-process and must print exactly the lines under it (stdout, then stderr), so the README
 * cannot drift from the program.
 */
public class ReadmeTest {
  record Example(String command, String expected) {}

  @TestFactory
  Stream<DynamicTest> readmeExamplesPrintWhatTheReadmeShows() throws IOException {
    List<Example> examples = examples(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
    assertThat(examples).as("console examples in README.md").isNotEmpty();
    return examples.stream().map(e -> DynamicTest.dynamicTest(e.command(), () -> {
      CliRun run = CliRun.run(split(e.command()));
      assertThat(run.out() + run.err()).as(run.toString()).isEqualTo(e.expected());
    }));
  }

  static List<Example> examples(List<String> lines) {
    List<Example> examples = new ArrayList<>();
    boolean inConsole = false;
    String command = null;
    StringBuilder expected = new StringBuilder();
    for (String line : lines) {
      if (!inConsole) {
        inConsole = line.strip().equals("```console");
        continue;
      }
      boolean end = line.strip().equals("```");
      if ((end || line.startsWith("$ ")) && command != null) {
        examples.add(new Example(command, expected.toString()));
        command = null;
      }
      if (end) {
        inConsole = false;
      } else if (line.startsWith("$ ./envelope")) {
        command = line.substring("$ ./envelope".length()).strip();
        expected.setLength(0);
      } else if (command != null) {
        expected.append(line).append('\n');
      }
    }
    return examples;
  }

  /** Splits a command line on spaces, keeping double-quoted words together. */
  public static String[] split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }
}
