package dev.envelope.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How a command declares its options to picocli in code, and reads their values back once parsed.
 * Declared through annotations, picocli read every command's fields and annotations by reflection
 * when it built the command line, and the JVM generated a proxy class for each annotation type it
 * met: most of the time of a short run. Declared here, each option is built directly, values stay
 * in picocli's own model (no setter, no field written by reflection), and a command reads them by
 * name when it runs. The help, the error messages and the completion script are picocli's, as
 * before.
 */
final class Specs {
  private Specs() {}

  /**
   * The factory picocli makes what it must instantiate with: its own default factory, made only
   * then (for the help command). The default factory looks up Groovy's Closure class when it is
   * first loaded, which opens and indexes every jar on the class path.
   */
  static final CommandLine.IFactory FACTORY = new CommandLine.IFactory() {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      return CommandLine.defaultFactory().create(type);
    }
  };

  /** A command line for {@code spec}, made with {@link #FACTORY}. */
  static CommandLine commandLine(CommandSpec spec) {
    return new CommandLine(spec, FACTORY);
  }

  /** The heading of every command's examples. */
  static final String EXAMPLES = "%nExamples:%n";

  /**
   * A command run by {@code command}: its name, description and (when not empty) examples under
   * {@link #EXAMPLES}, with {@code -h, --help} and {@code -V, --version}.
   */
  static CommandSpec command(Object command, String name, String[] description, String... examples) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command, FACTORY).name(name);
    spec.usageMessage().description(description);
    if (examples.length > 0) {
      spec.usageMessage().footerHeading(EXAMPLES).footer(examples);
    }
    // picocli's standard help options, as mixinStandardHelpOptions gives them, without reading the
    // annotations of its mixin.
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    return spec;
  }

  /** An option that takes no value. */
  static OptionSpec flag(String name, String description) {
    return OptionSpec.builder(name).type(boolean.class).description(description).build();
  }

  /** An option that takes one value, named {@code label} in the help. */
  static OptionSpec.Builder value(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(String.class).description(description);
  }

  /** An option that may be given more than once, each value kept in order. */
  static OptionSpec.Builder repeated(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class)
        .description(description);
  }

  /**
   * A positional parameter of one value, required. (Declared in code, a positional parameter is
   * required only when it says so; one declared by an annotation was required when its arity was.)
   */
  static PositionalParamSpec.Builder positional(String label, String description) {
    return PositionalParamSpec.builder().paramLabel(label).type(String.class).required(true).description(description);
  }

  /** An optional positional parameter of one value. */
  static PositionalParamSpec.Builder optional(String label, String description) {
    return PositionalParamSpec.builder().paramLabel(label).type(String.class).arity("0..1").description(description);
  }

  /**
   * A positional parameter that takes a list of values, optional; its arity, as an annotation's
   * would have by default.
   */
  static PositionalParamSpec.Builder positionals(String label, String description) {
    return PositionalParamSpec.builder().paramLabel(label).type(List.class).auxiliaryTypes(String.class)
        .arity("0..1").description(description);
  }

  /** Whether the flag {@code name} was given. */
  static boolean flag(CommandSpec spec, String name) {
    Boolean value = spec.findOption(name).getValue();
    return value != null && value;
  }

  /** The value of the option {@code name} (its default when not given; null without one). */
  static <T> T value(CommandSpec spec, String name) {
    return spec.findOption(name).getValue();
  }

  /** The values of a repeated option or a list of positional parameters, in order; none when not given. */
  static List<String> values(CommandSpec spec, String name) {
    List<String> values = spec.findOption(name).getValue();
    return values == null ? new ArrayList<>() : values;
  }

  /** The value of the positional parameter declared {@code index}th. */
  static <T> T positional(CommandSpec spec, int index) {
    return spec.positionalParameters().get(index).getValue();
  }

  /** The values of the positional parameter declared {@code index}th, which takes a list. */
  static List<String> positionals(CommandSpec spec, int index) {
    List<String> values = positional(spec, index);
    return values == null ? new ArrayList<>() : values;
  }
}
