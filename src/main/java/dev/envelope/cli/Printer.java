package dev.envelope.cli;

import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Estimator;
import dev.envelope.model.Diagnostic;
import dev.envelope.model.EnvelopeException;
import dev.envelope.model.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader;
import dev.envelope.render.EstimateReport;
import dev.envelope.render.JsonRenderer;
import dev.envelope.render.Report;
import dev.envelope.render.Section;
import dev.envelope.render.TableRenderer;
import java.util.List;
import java.util.Set;

/** The steps every estimating command shares: read, estimate, lay out, render. */
final class Printer {
  private Printer() {}

  static int estimate(Context context, String file, OutputOptions output, Set<Section> sections) {
    byte[] bytes = Input.read(file, context.in());
    Requirements req = RequirementsReader.read(Input.label(file), bytes, RequirementsReader.Need.ESTIMATE);
    Estimate estimate = Estimator.estimate(req);
    Report report = EstimateReport.build(estimate, sections);
    report.tree().firstNonFinite().ifPresent(path -> {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.of(new Diagnostic(
          Location.argument(req.source()), path,
          "the result is too large to compute (overflows to infinity); expected inputs whose products"
              + " stay below 1e308: check the magnitudes of users, rates and sizes")));
    });
    print(context, report, output);
    return 0;
  }

  static void print(Context context, Report report, OutputOptions output) {
    String text = switch (output.format) {
      case table -> TableRenderer.render(report, output.colour(context));
      case json -> JsonRenderer.render(report.tree());
    };
    context.out().print(text);
    context.out().flush();
  }
}
