package dev.envelope.cli;

import dev.envelope.render.Section;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments of every command that estimates from a file: the FILE, what is read besides it
 * ({@link InputOptions}) and how it is printed ({@link OutputOptions}).
 */
final class FileReport {
  @Parameters(paramLabel = "FILE", description = "Requirements file, YAML or JSON; - reads standard input.")
  String file;

  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Mixin SamplingOptions sampling;

  @Option(names = "--histogram", paramLabel = "PATH",
      description = "Draw the distribution of one figure over the draws, e.g. --histogram capacity.servers.")
  String histogram;

  int print(Context context, Set<Section> sections) {
    return Printer.estimate(context, file, input, output, sections, sampling, histogram);
  }
}
