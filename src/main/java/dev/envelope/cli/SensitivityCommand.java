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
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope sensitivity FILE [--figure PATH]}: which ranged input moves a figure most. */
final class SensitivityCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"Rank the inputs written as ranges by how much each moves one figure (a tornado"
      + " chart).", "Each input goes from its low to its high percentile, the others at their medians."};

  private final Context context;

  final CommandSpec spec;

  String file;

  String figure;

  String percentiles;

  InputOptions input;

  OutputOptions output;

  SensitivityCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "sensitivity", DESCRIPTION, "  envelope sensitivity examples/photo-launch.yaml",
        "  envelope sensitivity examples/photo-launch.yaml --figure cache.bytes -o json");
    spec.addPositional(Specs.positional("FILE", "Requirements file with ranges; - reads standard input.").build());
    spec.addOption(Specs.value("--figure", "PATH",
        "The figure to explain (default: capacity.servers, or else traffic.total.peak_per_second).").build());
    spec.addOption(Specs.value("--percentiles", "LOW,HIGH",
        "The low and high percentiles each input moves between (default: ${DEFAULT-VALUE}).").defaultValue("5,95")
        .build());
    InputOptions.declare(spec);
    OutputOptions.declare(spec);
  }

  private void read() {
    file = Specs.positional(spec, 0);
    figure = Specs.value(spec, "--figure");
    percentiles = Specs.value(spec, "--percentiles");
    input = InputOptions.of(spec);
    output = OutputOptions.of(spec);
  }

  @Override
  public Integer call() {
    read();
    if (input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "sensitivity: one scenario at a time; expected --scenario NAME or none, not --scenarios");
    }
    double[] bounds = bounds();
    Binding b = Session.read(file, context.in(), input.assignments()).one(input.scenario());
    Warnings.report(context.err(), b.warnings(), input.strict);
    Printer.print(context, Reports.sensitivity(b, Optional.ofNullable(figure), bounds[0], bounds[1]), output);
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
