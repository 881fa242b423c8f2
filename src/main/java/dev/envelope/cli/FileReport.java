package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments of every command that estimates from a file: the FILE, what is read besides it
 * ({@link InputOptions}), how it is printed ({@link OutputOptions}), and the interview modes.
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

  @Option(names = "--explain",
      description = "After the figures, how each was worked out: the formula, the values substituted and where each came from.")
  boolean explain;

  @Option(names = "--napkin",
      description = "The figures in powers of ten, one significant figure at each step (a day is 10^5 s), beside the exact ones.")
  boolean napkin;

  int print(Context context, Set<Section> sections) {
    if (explain || napkin) {
      return Interview.estimate(context, this, sections);
    }
    return Printer.estimate(context, file, input, output, sections, sampling, histogram);
  }
}
