package dev.envelope.cli;

import picocli.CommandLine.Option;

/** {@code -o FORMAT} and {@code --color WHEN}, shared by every command that prints a report. */
final class OutputOptions {
  enum When {
    auto,
    always,
    never
  }

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

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
