package dev.envelope.cli;

import dev.envelope.estimate.Catalog;
import dev.envelope.estimate.Derivation;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.MonteCarlo;
import dev.envelope.estimate.Overflow;
import dev.envelope.model.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.model.EnvelopeException;
import dev.envelope.model.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.model.Warning;
import dev.envelope.render.CsvRenderer;
import dev.envelope.render.Escape;
import dev.envelope.render.EstimateReport;
import dev.envelope.render.Flat;
import dev.envelope.render.Histogram;
import dev.envelope.render.JsonRenderer;
import dev.envelope.render.MarkdownRenderer;
import dev.envelope.render.Report;
import dev.envelope.render.ScenarioReport;
import dev.envelope.estimate.Section;
import dev.envelope.render.TableRenderer;
import dev.envelope.render.UncertaintyReport;
import dev.envelope.render.Tree;
import dev.envelope.render.WarningReport;
import dev.envelope.render.YamlRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The steps every estimating command shares: read, estimate, lay out, render. */
final class Printer {
  private Printer() {}

  static Document document(Context context, String file) {
    return Document.parse(Input.label(file), Input.read(file, context.in()));
  }

  /** The estimate report of one binding of the file, at the point values only. */
  static Report report(Requirements req, Set<Section> sections) {
    return report(Catalog.estimate(req), sections);
  }

  /**
   * {@code report} with the Monte Carlo's percentiles when an input of the estimate {@code point} is
   * a range and {@code sampling} is given.
   */
  static Report uncertain(Report report, Estimate point, MonteCarlo.Settings sampling, boolean full) {
    Requirements req = point.requirements();
    if (sampling == null || req.uncertainty().isEmpty()) {
      return report;
    }
    return UncertaintyReport.with(report, run(point, sampling, Set.of(), Optional.empty()), req.conventions(), full);
  }

  /**
   * The Monte Carlo of {@code point}; a figure that overflows in some draws, though not at the
   * medians, is an invalid input (exit 3) pointing at the widest range.
   */
  static MonteCarlo.Result run(Estimate point, MonteCarlo.Settings sampling, Set<String> keep,
      Optional<java.util.Collection<String>> only) {
    Requirements req = point.requirements();
    MonteCarlo.Result mc = MonteCarlo.run(point, sampling, keep, only);
    mc.firstNonFinite().ifPresent(bad -> {
      dev.envelope.model.Uncertain widest = null;
      double spread = 0;
      for (dev.envelope.model.Uncertain u : req.uncertainty().inputs()) {
        double s = Math.abs(u.quantile(0.999)) / Math.max(Double.MIN_NORMAL, Math.abs(u.median()));
        if (widest == null || s > spread) {
          widest = u;
          spread = s;
        }
      }
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.of(new Diagnostic(widest.location(),
          widest.path(), "the range '" + Diagnostic.got(widest.written()) + "' reaches values so large that "
              + bad.path() + " is not a finite number (overflows past 1.8e308) in " + String.format(
                  java.util.Locale.ROOT, "%,d", bad.draws()) + " of " + String.format(java.util.Locale.ROOT,
                  "%,d", sampling.samples()) + " draws; expected a range whose draws keep every figure finite")));
    });
    return mc;
  }

  /** The report of {@code estimate}; a figure too large to compute is an invalid input (exit 3). */
  static Report report(Estimate estimate, Set<Section> sections) {
    Report report = EstimateReport.build(estimate, sections);
    report.tree().firstNonFinite().ifPresent(path -> {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.of(overflow(estimate, path)));
    });
    return report;
  }

  /** The input that makes the figure at {@code path} overflow, where it was written, and what to do. */
  static Diagnostic overflow(Estimate estimate, String path) {
    Requirements req = estimate.requirements();
    Optional<Overflow.Cause> cause = Overflow.of(estimate, path);
    if (cause.isEmpty()) {
      return new Diagnostic(Location.argument(req.source()), path,
          "the result is too large to compute (overflows to infinity); expected inputs whose products"
              + " stay below 1e308: check the magnitudes of users, rates and sizes");
    }
    List<Derivation.Operand> inputs = cause.get().inputs();
    Derivation.Source largest = inputs.get(0).from();
    Location at = largest.location().orElse(Location.argument(req.source()));
    List<String> others = inputs.stream().skip(1).map(o -> o.from().path().orElseThrow()).toList();
    return new Diagnostic(at, largest.path().orElseThrow(), (cause.get().divides() ? "too small: " : "too large: ")
        + (others.isEmpty() ? "it" : "with " + String.join(", ", others) + ", it") + " makes "
        + cause.get().step().path() + " overflow to infinity (past 1.8e308); expected "
        + (cause.get().divides() ? "a larger value" : "smaller values"));
  }

  static int estimate(Context context, String file, InputOptions input, OutputOptions output, Set<Section> sections,
      SamplingOptions sampling, String histogram) {
    MonteCarlo.Settings settings = sampling.settings();
    Document doc = document(context, file);
    if (histogram != null && input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "--histogram and --scenarios: expected one of them; a histogram shows one scenario (--scenario NAME)");
    }
    if (input.all) {
      if (input.scenario != null) {
        throw new EnvelopeException(EnvelopeException.USAGE, "--scenario and --scenarios: expected one of them, not both");
      }
      Map<String, Requirements> all = doc.bindAll(Need.ESTIMATE, input.assignments());
      Map<String, Report> reports = new LinkedHashMap<>();
      Map<String, List<Warning>> warnings = new LinkedHashMap<>();
      all.forEach((name, req) -> {
        boolean base = name.equals(Document.BASE);
        Estimate estimate = Catalog.estimate(req, doc.locations(base ? Optional.empty() : Optional.of(name),
            input.assignments()));
        Report report = report(estimate, sections);
        List<Warning> found = Warnings.of(doc, base ? Optional.empty() : Optional.of(name), input.assignments(), req,
            estimate);
        report.tree().putList("warnings", WarningReport.list(found));
        reports.put(name, uncertain(report, estimate, settings, true));
        warnings.put(base ? "the base" : "scenario " + name, found);
      });
      Warnings.report(context, Warnings.merge(warnings), input.strict);
      Requirements base = all.get(Document.BASE);
      Report first = reports.get(Document.BASE);
      Report side = ScenarioReport.build(first.title() + ": scenarios", first.header(), reports,
          base.conventions().units());
      if (output.get != null) {
        StringBuilder sb = new StringBuilder();
        reports.forEach((name, r) -> sb.append(Escape.tabSeparated(List.of(name, get(r.tree(), output.get))))
            .append('\n'));
        context.out().print(sb);
        context.out().flush();
        return 0;
      }
      if (output.format == OutputFormat.csv) {
        Map<String, Tree> trees = new LinkedHashMap<>();
        reports.forEach((name, r) -> trees.put(name, r.tree()));
        write(context, CsvRenderer.render(trees));
        return 0;
      }
      print(context, side, output);
      return 0;
    }
    Requirements req = bind(doc, input);
    Estimate estimate = Catalog.estimate(req, doc.locations(input.scenario(), input.assignments()));
    if (histogram != null) {
      print(context, histogram(estimate, sections, settings, histogram), output);
      return 0;
    }
    boolean full = output.get != null || (output.format != OutputFormat.table && output.format != OutputFormat.markdown);
    Report report = report(estimate, sections);
    List<Warning> warnings = Warnings.of(doc, input.scenario(), input.assignments(), req, estimate);
    Warnings.report(context, warnings, input.strict);
    report.tree().putList("warnings", WarningReport.list(warnings));
    report = uncertain(report, estimate, settings, full);
    if (output.get != null) {
      write(context, Escape.tabSeparated(List.of(get(report.tree(), output.get))) + "\n");
      return 0;
    }
    print(context, report, output);
    return 0;
  }

  /** The distribution of the figure at {@code path} over the draws. */
  private static Report histogram(Estimate estimate, Set<Section> sections, MonteCarlo.Settings settings,
      String path) {
    Requirements req = estimate.requirements();
    Report point = report(estimate, sections);
    if (req.uncertainty().isEmpty()) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--histogram " + Diagnostic.got(path)
          + ": no input of " + req.source() + " is a range, so every figure is one value; expected a file with a range,"
          + " e.g. --set 'users.dau=8M to 12M'");
    }
    get(point.tree(), path, "--histogram");
    if (!(point.tree().at(path) instanceof Tree.Figure figure)) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--histogram " + Diagnostic.got(path)
          + ": a text figure, not a number; expected a numeric figure such as capacity.servers");
    }
    double[] draws = run(estimate, settings, Set.of(path), Optional.of(List.of(path))).draws(path);
    if (draws == null || draws.length == 1) {
      draws = new double[settings.samples()];
      java.util.Arrays.fill(draws, figure.value());
    }
    return Histogram.build(point.title(), point.header(), path, figure, draws, settings, req.conventions().units());
  }

  /**
   * The one binding of the file a command prints: the base or {@code --scenario}, then the
   * {@code --set} overrides. Every scenario is checked, so that a file is valid or not whichever
   * part is printed.
   */
  static Requirements bind(Document doc, InputOptions input) {
    Map<String, Requirements> all = doc.bindAll(Need.ESTIMATE, input.assignments());
    Requirements req = all.get(input.scenario == null ? Document.BASE : input.scenario);
    if (req == null || Document.BASE.equals(input.scenario)) {
      req = doc.bind(Need.ESTIMATE, input.scenario(), input.assignments()); // names the scenarios there are
    }
    return req;
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
    throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(path) + ": " + problem + "; expected "
        + (hint.isEmpty() ? "a figure path such as traffic.total.peak_per_second" : "one of: " + String.join(", ", hint)));
  }

  /** Up to five known paths sharing the longest prefix with {@code path}. */
  static List<String> closest(String path, List<String> known) {
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
      write(context, Escape.tabSeparated(List.of(get(report.tree(), output.get))) + "\n");
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

  static void write(Context context, String text) {
    context.out().print(text);
    context.out().flush();
  }
}
