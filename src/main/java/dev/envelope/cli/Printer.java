package dev.envelope.cli;

import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Estimator;
import dev.envelope.estimate.Models;
import dev.envelope.model.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.model.EnvelopeException;
import dev.envelope.model.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.render.CsvRenderer;
import dev.envelope.render.EstimateReport;
import dev.envelope.render.Flat;
import dev.envelope.render.JsonRenderer;
import dev.envelope.render.MarkdownRenderer;
import dev.envelope.render.Report;
import dev.envelope.render.ScenarioReport;
import dev.envelope.render.Section;
import dev.envelope.render.TableRenderer;
import dev.envelope.render.Tree;
import dev.envelope.render.YamlRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steps every estimating command shares: read, estimate, lay out, render. */
final class Printer {
  private Printer() {}

  static Document document(Context context, String file) {
    return Document.parse(Input.label(file), Input.read(file, context.in()));
  }

  /** The estimate report of one binding of the file. */
  static Report report(Requirements req, Set<Section> sections) {
    return report(req, sections, new ArrayList<>());
  }

  /** Like {@link #report(Requirements, Set)}, adding the models' warnings (single points of failure) to {@code warnings}. */
  static Report report(Requirements req, Set<Section> sections, List<String> warnings) {
    Estimate estimate = Estimator.estimate(req);
    Models.Figures models = EstimateReport.modelled(sections) ? Models.of(estimate) : Models.Figures.NONE;
    if (sections.contains(Section.AVAILABILITY)) {
      warnings.addAll(models.warnings());
    }
    Report report = EstimateReport.build(estimate, models, sections);
    report.tree().firstNonFinite().ifPresent(path -> {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.of(new Diagnostic(
          Location.argument(req.source()), path,
          "the result is too large to compute (overflows to infinity); expected inputs whose products"
              + " stay below 1e308: check the magnitudes of users, rates and sizes")));
    });
    return report;
  }

  static int estimate(Context context, String file, InputOptions input, OutputOptions output, Set<Section> sections) {
    Document doc = document(context, file);
    if (input.all) {
      if (input.scenario != null) {
        throw new EnvelopeException(EnvelopeException.USAGE, "--scenario and --scenarios: expected one of them, not both");
      }
      Map<String, Requirements> all = doc.bindAll(Need.ESTIMATE, input.assignments());
      Map<String, Report> reports = new LinkedHashMap<>();
      List<String> warnings = new ArrayList<>();
      all.forEach((name, req) -> reports.put(name, report(req, sections, warnings)));
      Requirements base = all.get(Document.BASE);
      Report first = reports.get(Document.BASE);
      Report side = ScenarioReport.build(first.title() + ": scenarios", first.header(), reports,
          base.conventions().units());
      if (output.get != null) {
        StringBuilder sb = new StringBuilder();
        reports.forEach((name, r) -> sb.append(name).append('\t').append(get(r.tree(), output.get)).append('\n'));
        context.out().print(sb);
        context.out().flush();
        return 0;
      }
      if (output.format == OutputFormat.csv) {
        Map<String, Tree> trees = new LinkedHashMap<>();
        reports.forEach((name, r) -> trees.put(name, r.tree()));
        write(context, CsvRenderer.render(trees));
        warn(context, warnings.stream().distinct().toList());
        return 0;
      }
      print(context, side, output);
      // Scenarios override values, never the list of components: each warning once.
      warn(context, warnings.stream().distinct().toList());
      return 0;
    }
    // Every scenario is checked, so that a file is valid or not whichever part is printed.
    Map<String, Requirements> all = doc.bindAll(Need.ESTIMATE, input.assignments());
    Requirements req = all.get(input.scenario == null ? Document.BASE : input.scenario);
    if (req == null || Document.BASE.equals(input.scenario)) {
      req = doc.bind(Need.ESTIMATE, input.scenario(), input.assignments()); // names the scenarios there are
    }
    List<String> warnings = new ArrayList<>();
    Report report = report(req, sections, warnings);
    if (output.get != null) {
      write(context, get(report.tree(), output.get) + "\n");
      return 0;
    }
    print(context, report, output);
    warn(context, warnings);
    return 0;
  }

  /** The raw value at {@code path}; a command-line error (exit 2) when there is none. */
  static String get(Tree tree, String path) {
    return get(tree, path, "--get");
  }

  /** Like {@link #get(Tree, String)}, for a path given to {@code option} ({@code --show}). */
  static String get(Tree tree, String path, String option) {
    Object value = tree.at(path);
    if (value instanceof Tree.Figure || value instanceof String || value instanceof Boolean) {
      return Flat.raw(value);
    }
    boolean group = value instanceof Tree || value instanceof List;
    List<String> known = new ArrayList<>();
    for (Flat.Row row : Flat.rows(tree)) {
      if (!group || row.path().startsWith(path + ".")) {
        known.add(row.path());
      }
    }
    String problem = group ? "a group of figures, not one"
        : "no such figure in this output (a figure is absent when its inputs are)";
    List<String> hint = group ? known.stream().limit(12).toList() : closest(path, known);
    throw new EnvelopeException(EnvelopeException.USAGE, option + " " + path + ": " + problem + "; expected "
        + (hint.isEmpty() ? "a figure path such as traffic.total.peak_per_second" : "one of: " + String.join(", ", hint)));
  }

  /** Up to five known paths sharing the longest prefix with {@code path}. */
  private static List<String> closest(String path, List<String> known) {
    String prefix = path;
    while (!prefix.isEmpty()) {
      String p = prefix;
      List<String> hits = known.stream().filter(k -> k.startsWith(p)).limit(5).toList();
      if (!hits.isEmpty()) {
        return hits;
      }
      int dot = prefix.lastIndexOf('.');
      prefix = dot < 0 ? "" : prefix.substring(0, dot);
    }
    return known.stream().limit(5).toList();
  }

  static void print(Context context, Report report, OutputOptions output) {
    if (output.get != null) {
      write(context, get(report.tree(), output.get) + "\n");
      return;
    }
    write(context, switch (output.format) {
      case table -> TableRenderer.render(report, output.colour(context));
      case json -> JsonRenderer.render(report.tree());
      case yaml -> YamlRenderer.render(report.tree());
      case markdown -> MarkdownRenderer.render(report);
      case csv -> CsvRenderer.render(report.tree());
    });
  }

  /** One line on stderr for each warning, after the output. */
  static void warn(Context context, List<String> warnings) {
    for (String w : warnings) {
      context.err().println("warning: " + w);
    }
    context.err().flush();
  }

  static void write(Context context, String text) {
    context.out().print(text);
    context.out().flush();
  }
}
