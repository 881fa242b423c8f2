package dev.envelope.cli;

import dev.envelope.app.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code -o FORMAT}, {@code --get PATH} and {@code --color WHEN}, shared by every report command. */
final class OutputOptions {
  enum When {
    auto,
    always,
    never
  }

  static final String COLOR = "Colour in tables: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a"
      + " terminal, never with NO_COLOR).";

  OutputFormat format;

  List<String> gets = new ArrayList<>();

  When color;

  /** Adds the options to {@code spec}. */
  static void declare(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("FORMAT").type(OutputFormat.class)
        .defaultValue("table").description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        .build());
    spec.addOption(Specs.repeated("--get", "PATH",
        "Print one raw value (the JSON path); repeatable: one value a line, in the order given.").build());
    spec.addOption(color());
  }

  /** {@code --color WHEN}. */
  static OptionSpec color() {
    return OptionSpec.builder("--color").paramLabel("WHEN").type(When.class).defaultValue("auto")
        .description(COLOR).build();
  }

  /** The options as parsed into {@code spec}. */
  static OutputOptions of(CommandSpec spec) {
    OutputOptions o = new OutputOptions();
    o.format = Specs.value(spec, "--output");
    o.gets = Specs.values(spec, "--get");
    o.color = Specs.value(spec, "--color");
    return o;
  }

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
    return colour(color, context);
  }

  /** Whether tables are coloured when {@code --color} is {@code color}. */
  static boolean colour(When color, Context context) {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> context.colourAllowed();
    };
  }
}
