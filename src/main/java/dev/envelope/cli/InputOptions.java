package dev.envelope.cli;

import dev.envelope.model.Assignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --set}, {@code --scenario} and {@code --scenarios}: what is read, besides the file; and
 * {@code --strict}, how strictly.
 */
final class InputOptions {
  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override one input, read like a file value; repeatable. E.g. --set users.dau=300M")
  List<String> sets = new ArrayList<>();

  @Option(names = "--scenario", paramLabel = "NAME", description = "Apply the file's scenario NAME.")
  String scenario;

  @Option(names = "--scenarios", description = "Every scenario of the file side by side, beside the base.")
  boolean all;

  @Option(names = "--strict",
      description = "Treat warnings about the inputs (contradictory, implausible or ignored values) as errors: exit 3.")
  boolean strict;

  List<Assignment> assignments() {
    return sets.stream().map(s -> Assignment.parse("--set", s)).toList();
  }

  Optional<String> scenario() {
    return Optional.ofNullable(scenario);
  }
}
