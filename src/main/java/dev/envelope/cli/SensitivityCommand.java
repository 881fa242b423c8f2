package dev.envelope.cli;

import dev.envelope.app.Binding;
import dev.envelope.app.Reports;
import dev.envelope.app.Session;
import dev.envelope.app.Warnings;
import dev.envelope.diagnostic.Diagnostic;
import java.util.Optional;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.diagnostic.EnvelopeException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope sensitivity FILE [--figure PATH]}: which ranged input moves a figure most. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    description = {"Rank the inputs written as ranges by how much each moves one figure (a tornado chart).",
        "Each input goes from its low to its high percentile, the others at their medians."},
    footerHeading = "%nExamples:%n",
    footer = {"  envelope sensitivity examples/photo-launch.yaml",
        "  envelope sensitivity examples/photo-launch.yaml --figure cache.bytes -o json"})
final class SensitivityCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(paramLabel = "FILE", description = "Requirements file with ranges; - reads standard input.")
  String file;

  @Option(names = "--figure", paramLabel = "PATH",
      description = "The figure to explain (default: capacity.servers, or else traffic.total.peak_per_second).")
  String figure;

  @Option(names = "--percentiles", paramLabel = "LOW,HIGH", defaultValue = "5,95",
      description = "The low and high percentiles each input moves between (default: ${DEFAULT-VALUE}).")
  String percentiles;

  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "sensitivity: one scenario at a time; expected --scenario NAME or none, not --scenarios");
    }
    double[] bounds = bounds();
    Binding b = Session.read(file, root.context.in(), input.assignments()).one(input.scenario());
    Warnings.report(root.context.err(), b.warnings(), input.strict);
    Printer.print(root.context, Reports.sensitivity(b, Optional.ofNullable(figure), bounds[0], bounds[1]), output);
    return 0;
  }

  private double[] bounds() {
    List<String> parts = List.of(percentiles.split(",", -1));
    String expected = "--percentiles " + Diagnostic.got(percentiles) + ": expected two percentiles, low then high, each above 0 and"
        + " below 100, such as 5,95 or 10,90";
    if (parts.size() != 2) {
      throw new EnvelopeException(EnvelopeException.USAGE, expected);
    }
    double[] b = new double[2];
    for (int i = 0; i < 2; i++) {
      try {
        // The numbers of a file: Double.parseDouble would take 0x1p3 and 5d too.
        b[i] = Numbers.parse(parts.get(i).strip().replaceFirst("^[pP]", ""), "a percentile") / 100;
      } catch (QuantityException e) {
        throw new EnvelopeException(EnvelopeException.USAGE, expected);
      }
      if (!(b[i] > 0 && b[i] < 1)) {
        throw new EnvelopeException(EnvelopeException.USAGE, expected);
      }
    }
    if (!(b[0] < b[1])) {
      throw new EnvelopeException(EnvelopeException.USAGE, expected);
    }
    return b;
  }
}
