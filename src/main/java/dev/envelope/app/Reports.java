package dev.envelope.app;

import dev.envelope.estimate.Derivation;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Lanes;
import dev.envelope.estimate.MonteCarlo;
import dev.envelope.estimate.Napkin;
import dev.envelope.estimate.Overflow;
import dev.envelope.estimate.Section;
import dev.envelope.estimate.Sensitivity;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.Limits;
import dev.envelope.diagnostic.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.Uncertain;
import dev.envelope.render.CsvRenderer;
import dev.envelope.render.EstimateReport;
import dev.envelope.render.ExplainReport;
import dev.envelope.render.Flat;
import dev.envelope.render.Histogram;
import dev.envelope.render.JsonRenderer;
import dev.envelope.render.MarkdownRenderer;
import dev.envelope.render.NapkinReport;
import dev.envelope.render.Report;
import dev.envelope.render.ScenarioReport;
import dev.envelope.render.Sketch;
import dev.envelope.render.SketchRenderer;
import dev.envelope.render.SensitivityReport;
import dev.envelope.render.TableRenderer;
import dev.envelope.render.Tree;
import dev.envelope.render.UncertaintyReport;
import dev.envelope.render.WarningReport;
import dev.envelope.render.YamlRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reports a binding gives, built the same way for every command: the estimate's figures of
 * the chosen parts with its warnings; with ranges, the Monte Carlo's percentiles beside them; with
 * {@code --napkin}, the napkin figures; with {@code --explain}, the derivations. A figure too large
 * to compute is an invalid input (exit 3) at the value behind it, and the Monte Carlo and the
 * sensitivity analysis are held to the work budget.
 */
public final class Reports {
  private Reports() {}

  /** What an estimate report holds besides the figures of its parts. */
  public record Options(Set<Section> sections, Optional<MonteCarlo.Settings> sampling, boolean full, boolean napkin) {
    public Options {
      sections = Set.copyOf(sections);
    }
  }

  /**
   * The estimate report of {@code b}: its figures, warnings (in JSON), the Monte Carlo's percentiles
   * where an input is a range ({@code full}: of every varying figure in the tree, not only those a
   * table shows), and the napkin figures when asked.
   */
  public static Report estimate(Binding b, Options options) {
    return complete(point(b, options.sections()), b, options);
  }

  /** The point figures of {@code b}'s {@code sections}, with its warnings in the tree. */
  public static Report point(Binding b, Set<Section> sections) {
    Report report = figures(b.estimate(), sections);
    report.tree().putList("warnings", WarningReport.list(b.warnings()));
    return report;
  }

  /** {@link #point}'s report with the Monte Carlo's percentiles and the napkin figures the options ask for. */
  public static Report complete(Report point, Binding b, Options options) {
    Report report = point;
    if (options.sampling().isPresent() && !b.requirements().uncertainty().isEmpty()) {
      boolean full = options.full();
      report = UncertaintyReport.with(report, monteCarlo(b.estimate(), options.sampling().get(), Set.of(),
          Optional.empty(), UncertaintyReport.shown(full)), b.requirements().conventions(),
          b.estimate().inputUnits(), full);
    }
    if (options.napkin()) {
      Requirements req = b.requirements();
      report = NapkinReport.build(report, b.estimate().steps(), Napkin.of(b.estimate().steps()),
          req.conventions().time(), req.conventions().units());
    }
    return report;
  }

  /** The figures of {@code estimate}'s {@code sections}; a figure too large to compute is an invalid input. */
  public static Report figures(Estimate estimate, Set<Section> sections) {
    Report report = EstimateReport.build(estimate, sections);
    finite(estimate, report.tree());
    return report;
  }

  /**
   * The JSON tree of every figure of {@code estimate}, without the tables (a sweep's combination),
   * held to the same overflow check as {@link #figures}.
   */
  public static Tree tree(Estimate estimate) {
    return finite(estimate, EstimateReport.tree(estimate));
  }

  private static Tree finite(Estimate estimate, Tree tree) {
    Optional<String> path = tree.firstNonFinite();
    if (path.isPresent()) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.of(overflow(estimate, path.get())));
    }
    return tree;
  }

  /**
   * Holds the Monte Carlos of several bindings (each draws its own) to the work budget together:
   * {@code --scenarios} and {@code check} with percentile budgets.
   */
  public static void budget(Collection<Binding> bindings, MonteCarlo.Settings sampling) {
    Binding base = bindings.iterator().next();
    if (!base.requirements().uncertainty().isEmpty()) {
      int samples = sampling.samples();
      List<Step> steps = base.estimate().steps();
      Limits.work(bindings.size(), steps.size(), Lanes.cost(steps, MonteCarlo.ranged(base.requirements())), 0, samples,
          "--samples", samples, null, null);
    }
  }

  /** Estimate reports of several bindings laid out side by side: a column each in tables, a map in JSON. */
  public static Report sideBySide(Map<String, Report> reports, Requirements base) {
    Report first = reports.values().iterator().next();
    return ScenarioReport.build(first.title() + ": scenarios", first.header(), reports, base.conventions().units());
  }

  /**
   * The Monte Carlo of {@code point}, held to the work budget; a figure that overflows in some
   * draws, though not at the medians, is an invalid input (exit 3) at the widest range.
   */
  public static MonteCarlo.Result monteCarlo(Estimate point, MonteCarlo.Settings sampling, Set<String> keep,
      Optional<Collection<String>> only) {
    return monteCarlo(point, sampling, keep, only, MonteCarlo.EVERY_FIGURE);
  }

  /** {@link #monteCarlo} summarising only the figures {@code summarised} accepts (those a report shows). */
  public static MonteCarlo.Result monteCarlo(Estimate point, MonteCarlo.Settings sampling, Set<String> keep,
      Optional<Collection<String>> only, java.util.function.Predicate<String> summarised) {
    List<Step> steps = only.isPresent() ? Lanes.cone(point.steps(), only.get()) : point.steps();
    Limits.work(1, steps.size(), Lanes.cost(steps, MonteCarlo.ranged(point.requirements())), 0, sampling.samples(),
        "--samples", sampling.samples(), null, null);
    Requirements req = point.requirements();
    MonteCarlo.Result mc = MonteCarlo.run(point, sampling, keep, only, summarised);
    if (mc.firstNonFinite().isPresent()) {
      MonteCarlo.NonFinite bad = mc.firstNonFinite().get();
      Uncertain widest = null;
      double spread = 0;
      for (Uncertain u : req.uncertainty().inputs()) {
        double s = Math.abs(u.quantile(0.999)) / Math.max(Double.MIN_NORMAL, Math.abs(u.median()));
        if (widest == null || s > spread) {
          widest = u;
          spread = s;
        }
      }
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.of(new Diagnostic(widest.location(),
          widest.path(), "the range '" + Diagnostic.got(widest.written()) + "' reaches values so large that "
              + bad.path() + " is not a finite number (overflows past 1.8e308) in " + grouped(bad.draws()) + " of "
              + grouped(sampling.samples()) + " draws; expected a range whose draws keep every figure finite")));
    }
    return mc;
  }

  /** The distribution of the figure at {@code path} over the draws, as a bar chart. */
  public static Report histogram(Binding b, Set<Section> sections, MonteCarlo.Settings settings, String path) {
    Requirements req = b.requirements();
    Report point = figures(b.estimate(), sections);
    if (req.uncertainty().isEmpty()) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--histogram " + Diagnostic.got(path)
          + ": no input of " + req.source() + " is a range, so every figure is one value; expected a file with a range,"
          + " e.g. --set 'users.dau=8M to 12M'");
    }
    get(point.tree(), path, "--histogram");
    if (!(point.tree().at(path) instanceof Tree.Quantity figure)) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--histogram " + Diagnostic.got(path)
          + ": a text figure, not a number; expected a numeric figure such as capacity.servers");
    }
    double[] draws = monteCarlo(b.estimate(), settings, Set.of(path), Optional.of(List.of(path))).draws(path);
    if (draws == null || draws.length == 1) {
      draws = new double[settings.samples()];
      java.util.Arrays.fill(draws, figure.value());
    }
    return Histogram.build(point.title(), point.header(), path, figure, draws, settings, req.conventions().units());
  }

  /**
   * How far each input written as a range moves the figure at {@code path} (by default
   * capacity.servers, else the total peak): a tornado chart.
   */
  public static Report sensitivity(Binding b, Optional<String> figure, double low, double high) {
    Requirements req = b.requirements();
    if (req.uncertainty().isEmpty()) {
      throw new EnvelopeException(EnvelopeException.USAGE, "sensitivity: no input of " + req.source()
          + " is written as a range, so nothing moves; expected ranges such as users.dau: 8M to 12M"
          + " (or --set 'users.dau=8M to 12M')");
    }
    Estimate estimate = b.estimate();
    Report point = figures(estimate, Section.all());
    String path = figure.orElse(point.tree().at("capacity.servers") != null ? "capacity.servers"
        : "traffic.total.peak_per_second");
    get(point.tree(), path, "--figure");
    if (!(point.tree().at(path) instanceof Tree.Quantity value)) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--figure " + Diagnostic.got(path)
          + ": a text figure, not a number; expected a numeric figure such as capacity.servers");
    }
    if (estimate.step(path) == null) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--figure " + Diagnostic.got(path)
          + ": a convention, given as is; expected a figure worked out from the inputs, such as capacity.servers");
    }
    int lanes = 2 * req.uncertainty().inputs().size();
    Uncertain first = req.uncertainty().inputs().get(0);
    List<Step> cone = Lanes.cone(estimate.steps(), List.of(path));
    Limits.work(1, cone.size(), Lanes.cost(cone, MonteCarlo.ranged(req)), 0, lanes, null, 0, first.location(),
        first.path());
    Sensitivity.Result result = Sensitivity.of(estimate, path, low, high);
    return SensitivityReport.build(point.title(), point.header(), result, value, req.conventions(),
        estimate.inputUnits());
  }

  /** At most this many inputs are named behind a failing budget. */
  private static final int DRIVERS = 3;

  /**
   * Why {@code budget} failed in {@code b}, for a CI log: the inputs that move its figure most,
   * from the sensitivity ranking between the 5th and 95th percentiles (as {@code envelope
   * sensitivity} ranks them), or why none is named; and the {@code envelope explain} command that
   * shows the figure's working. A ranking past the work budget names no input and says so.
   */
  public static dev.envelope.render.Budgets.Why why(Binding b, String file, String path, boolean rank) {
    String explain = "envelope explain " + shellWord(file) + " " + shellWord(path)
        + b.scenario().map(s -> " --scenario " + shellWord(s)).orElse("");
    Requirements req = b.requirements();
    if (!rank) {
      return new dev.envelope.render.Budgets.Why(List.of(), "not ranked (only the first failures are); run envelope"
          + " sensitivity with --figure " + path, explain);
    }
    Estimate estimate = b.estimate();
    if (req.uncertainty().inputs().isEmpty()) {
      return new dev.envelope.render.Budgets.Why(List.of(), "none: no input varies, the file has no ranges", explain);
    }
    if (estimate.step(path) == null) {
      return new dev.envelope.render.Budgets.Why(List.of(), "none: the figure is not worked out from the inputs",
          explain);
    }
    List<Step> cone = Lanes.cone(estimate.steps(), List.of(path));
    Uncertain first = req.uncertainty().inputs().get(0);
    try {
      Limits.work(1, cone.size(), Lanes.cost(cone, MonteCarlo.ranged(req)), 0, 2L * req.uncertainty().inputs().size(),
          null, 0, first.location(), first.path());
    } catch (EnvelopeException tooMuch) {
      return new dev.envelope.render.Budgets.Why(List.of(), "not ranked here (too much work); run envelope sensitivity"
          + " with --figure " + path, explain);
    }
    Sensitivity.Result result = Sensitivity.of(estimate, path, 0.05, 0.95);
    List<dev.envelope.render.Budgets.Driver> drivers = result == null ? List.of() : result.swings().stream()
        .filter(sw -> sw.swing() > 0).limit(DRIVERS)
        .map(sw -> new dev.envelope.render.Budgets.Driver(sw.input().path(), sw.atLow(), sw.atHigh())).toList();
    return new dev.envelope.render.Budgets.Why(drivers,
        drivers.isEmpty() ? "none: no range of the file reaches this figure" : "", explain);
  }

  /** {@code word} as a POSIX shell reads it: as it is when plain, else in single quotes. */
  static String shellWord(String word) {
    return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /** The derivations of the figures at or under {@code paths} (every figure when empty), with their napkin working. */
  public static ExplainReport explain(Binding b, List<String> paths, boolean napkin) {
    Estimate e = b.estimate();
    List<Step> steps = e.steps();
    Tree figures = figures(e, Section.all()).tree(); // a figure too large to compute: exit 3
    if (!paths.isEmpty()) {
      for (String path : paths) {
        explainable(path, steps, figures);
      }
      steps = Estimate.select(steps, paths);
    }
    return ExplainReport.of(b.requirements(), steps, napkin ? Optional.of(Napkin.of(e.steps())) : Optional.empty());
  }

  /** A PATH must name a figure with a step, or a group holding one; otherwise exit 2 with the nearest. */
  private static void explainable(String path, List<Step> steps, Tree figures) {
    if (steps.stream().anyMatch(s -> s.path().equals(path) || s.path().startsWith(path + "."))) {
      return;
    }
    List<String> known = steps.stream().map(Step::path).toList();
    String problem = figures.at(path) == null ? "no such figure in this estimate (a figure is absent when its inputs are)"
        : path.startsWith("conventions") ? "a convention, not a worked-out figure (the steps that use it cite it)"
        : "text, not a worked-out figure (the step of capacity.shards names it)";
    List<String> hint = closest(path, known);
    throw new EnvelopeException(EnvelopeException.USAGE, "explain " + Diagnostic.got(path) + ": " + problem
        + "; expected " + (hint.isEmpty() ? "a figure path such as traffic.total.peak_per_second"
            : "one of: " + String.join(", ", hint)));
  }

  /** The derivations of the figures {@code report} shows. */
  public static ExplainReport derivations(Binding b, Report report, boolean napkin) {
    List<String> figures = Flat.rows(report.tree()).stream().map(Flat.Row::path).toList();
    return ExplainReport.of(b.requirements(), Estimate.select(b.estimate().steps(), figures),
        napkin ? Optional.of(Napkin.of(b.estimate().steps())) : Optional.empty());
  }

  /** The raw value at {@code path} of {@code tree}; a command-line error (exit 2) when there is none. */
  public static String get(Tree tree, String path, String option) {
    Object value = tree.at(path);
    if (value instanceof Tree.Quantity || value instanceof String || value instanceof Boolean) {
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
    throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(path) + ": " + problem
        + "; expected " + (hint.isEmpty() ? "a figure path such as traffic.total.peak_per_second"
            : "one of: " + String.join(", ", hint)));
  }

  /** Up to five known paths sharing the longest prefix with {@code path}. */
  public static List<String> closest(String path, List<String> known) {
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

  /** {@code report} in {@code format}. */
  public static String render(Report report, OutputFormat format, boolean colour) {
    return render(report, format, colour, 0);
  }

  /**
   * {@code report} in {@code format}, a table fitted to {@code width} display columns (0: none, the
   * one layout). The other formats are data, the same whatever the width.
   */
  public static String render(Report report, OutputFormat format, boolean colour, int width) {
    return switch (format) {
      case table -> TableRenderer.render(report, colour, width);
      case json -> JsonRenderer.render(report.tree());
      case yaml -> YamlRenderer.render(report.tree());
      case markdown -> MarkdownRenderer.render(report);
      case csv -> CsvRenderer.render(report.tree());
      case mermaid -> SketchRenderer.mermaid(sketch(report, format));
      case dot -> SketchRenderer.dot(sketch(report, format));
    };
  }

  /** The commands that draw a sketch, as a message names them. */
  public static final String SKETCHES = "estimate, qps, bandwidth, storage and shards";

  /** {@code report}'s sketch; a command-line error (exit 2) for a report that has none. */
  private static Sketch sketch(Report report, OutputFormat format) {
    return report.sketch().orElseThrow(() -> noSketch(format));
  }

  private static EnvelopeException noSketch(OutputFormat format) {
    return new EnvelopeException(EnvelopeException.USAGE, "-o " + format + ": this report has no sketch; only "
        + SKETCHES + " draw one; expected -o table, json, yaml, markdown or csv");
  }

  /**
   * {@code report} with the sized sketch of its figures ({@link Sketch}): the tiers its parts imply,
   * read from its tree, with the Monte Carlo's spread where its figures vary.
   */
  public static Report sketched(Report report, Binding b) {
    return report.withSketch(Sketch.of(b.estimate(), report.tree(), b.requirements().conventions().units()));
  }

  /** {@code explain}'s derivations alone, in {@code format}. */
  public static String render(ExplainReport explain, OutputFormat format, boolean colour) {
    return render(explain, format, colour, 0);
  }

  /** {@code explain}'s derivations alone, in {@code format}, a table fitted to {@code width} (0: none). */
  public static String render(ExplainReport explain, OutputFormat format, boolean colour, int width) {
    return switch (format) {
      case table -> explain.table(colour, width);
      case json -> JsonRenderer.render(explain.tree());
      case yaml -> YamlRenderer.render(explain.tree());
      case markdown -> explain.markdown();
      case csv -> explain.csv();
      case mermaid, dot -> throw noSketch(format);
    };
  }

  /** {@code report} and the derivations of its figures, in {@code format} (not CSV: no room for them). */
  public static String render(Report report, ExplainReport explain, OutputFormat format, boolean colour) {
    return render(report, explain, format, colour, 0);
  }

  /** As {@link #render(Report, ExplainReport, OutputFormat, boolean)}, a table fitted to {@code width} (0: none). */
  public static String render(Report report, ExplainReport explain, OutputFormat format, boolean colour, int width) {
    return switch (format) {
      case table -> TableRenderer.render(report, colour, width) + "\n"
          + (colour ? "\u001b[1mDerivations\u001b[0m" : "Derivations") + "\n" + explain.tableSteps(colour, width);
      case markdown -> MarkdownRenderer.render(report) + "\n## Derivations\n" + explain.markdownSteps("###");
      case json -> JsonRenderer.render(report.tree().putList("derivations", explain.stepTrees()));
      case yaml -> YamlRenderer.render(report.tree().putList("derivations", explain.stepTrees()));
      case csv, mermaid, dot -> throw new IllegalArgumentException("derivations have no " + format + " form beside a report");
    };
  }

  /** The input that makes the figure at {@code path} overflow, where it was written, and what to do. */
  public static Diagnostic overflow(Estimate estimate, String path) {
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

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
