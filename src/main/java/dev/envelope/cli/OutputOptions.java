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
      description = "Print one raw value, e.g. --get traffic.total.peak_per_second (the JSON path).")
  String get;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in tables: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a terminal, never with NO_COLOR).")
  When color;

  boolean colour(Context context) {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> context.colourAllowed();
    };
  }
}
