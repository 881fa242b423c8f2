package dev.envelope.cli;

import dev.envelope.app.Input;
import picocli.CommandLine.Option;

/** {@code -o FORMAT}, {@code --get PATH} and {@code --color WHEN}, shared by every report command. */
final class OutputOptions {
  enum When {
    auto,
    always,
    never
  }

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  dev.envelope.app.OutputFormat format;

  @Option(names = "--get", paramLabel = "PATH",
      description = "Print one raw value (the JSON path); repeatable: one value a line, in the order given.")
  java.util.List<String> gets = new java.util.ArrayList<>();

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in tables: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a terminal, never with NO_COLOR).")
  When color;

  /** The first --get, or null without one. */
  String get() {
    return gets.isEmpty() ? null : gets.get(0);
  }

  /** Refuses a second --get where a command prints one value in several rows or sides. */
  void oneGet(String command) {
    if (gets.size() > 1) {
      throw new dev.envelope.diagnostic.EnvelopeException(dev.envelope.diagnostic.EnvelopeException.USAGE,
          command + ": one --get at a time (got " + gets.size() + "); expected a single --get PATH");
    }
  }

  boolean colour(Context context) {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> context.colourAllowed();
    };
  }
}
