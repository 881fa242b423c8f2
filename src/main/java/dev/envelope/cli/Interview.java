package dev.envelope.cli;

import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Catalog;
import dev.envelope.estimate.Napkin;
import dev.envelope.model.Document;
import dev.envelope.model.EnvelopeException;
import dev.envelope.model.InputLocations;
import dev.envelope.model.Requirements;
import dev.envelope.render.ExplainReport;
import dev.envelope.render.Flat;
import dev.envelope.render.JsonRenderer;
import dev.envelope.render.MarkdownRenderer;
import dev.envelope.render.NapkinReport;
import dev.envelope.render.Report;
import dev.envelope.estimate.Section;
import dev.envelope.render.TableRenderer;
import dev.envelope.render.YamlRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code explain}, {@code --explain} and {@code --napkin} share: one binding of the file, its
 * estimate, the derivation of every figure (located in the tree that was bound), and the napkin
 * figures worked from the same steps.
 */
final class Interview {
  final Requirements req;
  final Estimate estimate;
  final List<Step> steps;
  /** Where the inputs were written, so that an overflow points at the value behind it. */
  final InputLocations where;

  private Interview(Requirements req, Estimate estimate, List<Step> steps, InputLocations where) {
    this.req = req;
    this.estimate = estimate;
    this.steps = steps;
    this.where = where;
  }

  /** The file's one binding, as {@link Printer#bind} makes it, with every step of its estimate. */
  static Interview of(Context context, String file, InputOptions input, String refusal) {
    if (input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE, refusal);
    }
    Document doc = Printer.document(context, file);
    Requirements req = Printer.bind(doc, input);
    InputLocations where = InputLocations.of(doc.tree(input.scenario(), input.assignments()));
    Estimate estimate = Catalog.estimate(req, where);
    return new Interview(req, estimate, estimate.steps(), where);
  }

  Map<String, Napkin.Figure> napkin() {
    return Napkin.of(steps);
  }

  /** {@code estimate --explain} and {@code --napkin}, and the section commands with them. */
  static int estimate(Context context, FileReport options, Set<Section> sections) {
    OutputOptions output = options.output;
    if (options.explain && output.format == OutputFormat.csv) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "--explain and -o csv: a CSV has one row per figure and no room for derivations; expected -o table,"
              + " json, yaml or markdown, or envelope explain FILE -o csv");
    }
    if (options.explain && output.get != null) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "--explain and --get: --get prints one raw value; expected one of them, or envelope explain FILE PATH");
    }
    String flag = options.explain ? "--explain" : "--napkin";
    Interview x = of(context, options.file, options.input, flag + " and --scenarios: " + flag
        + " works on one scenario at a time; expected --scenario NAME, or --scenarios without " + flag);
    Report report = Printer.report(x.estimate, sections);
    Map<String, Napkin.Figure> napkin = x.napkin();
    if (options.napkin) {
      report = NapkinReport.build(report, x.steps, napkin, x.req.conventions().time(), x.req.conventions().units());
    }
    if (!options.explain) {
      Printer.print(context, report, output);
      return 0;
    }
    List<String> figures = Flat.rows(report.tree()).stream().map(Flat.Row::path).toList();
    ExplainReport explain = ExplainReport.of(x.req, Estimate.select(x.steps, figures),
        options.napkin ? Optional.of(napkin) : Optional.empty());
    boolean colour = output.colour(context);
    Printer.write(context, switch (output.format) {
      case table -> TableRenderer.render(report, colour) + "\n" + bold("Derivations", colour) + "\n"
          + explain.tableSteps(colour);
      case markdown -> MarkdownRenderer.render(report) + "\n## Derivations\n" + explain.markdownSteps("###");
      case json -> JsonRenderer.render(report.tree().putList("derivations", explain.stepTrees()));
      case yaml -> YamlRenderer.render(report.tree().putList("derivations", explain.stepTrees()));
      case csv -> throw new IllegalStateException("refused above");
    });
    return 0;
  }

  private static String bold(String text, boolean colour) {
    return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
  }
}
