package dev.envelope.cli;

import dev.envelope.app.Binding;
import dev.envelope.app.OutputFormat;
import dev.envelope.app.Reports;
import dev.envelope.app.Session;
import dev.envelope.app.Warnings;
import dev.envelope.estimate.MonteCarlo;
import dev.envelope.estimate.Section;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Warning;
import dev.envelope.render.CsvRenderer;
import dev.envelope.render.Escape;
import dev.envelope.render.Report;
import dev.envelope.render.Tree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The arguments of every command that estimates from a file: the FILE, what is read besides it
 * ({@link InputOptions}), how it is printed ({@link OutputOptions}), the draws of a Monte Carlo
 * ({@link SamplingOptions}), and the interview modes. Every combination goes through the same
 * steps: the warnings (and {@code --strict}), the ranges, {@code --napkin}, {@code --explain} and
 * {@code --get} behave alike on {@code estimate}, {@code qps}, {@code storage}, {@code bandwidth}
 * and {@code shards}.
 */
final class FileReport {
  String file;

  InputOptions input;

  OutputOptions output;

  SamplingOptions sampling;

  String histogram;

  boolean explain;

  boolean napkin;

  /**
   * A command that prints a report of {@code file}: {@code name}, described by {@code description},
   * run by {@code command}, with the arguments read by {@link #of}.
   */
  static CommandSpec command(Object command, String name, String[] description, String... examples) {
    CommandSpec spec = Specs.command(command, name, description, examples);
    spec.addPositional(Specs.positional("FILE", "Requirements file, YAML or JSON; - reads standard input.").build());
    InputOptions.declare(spec);
    OutputOptions.declare(spec);
    SamplingOptions.declare(spec);
    spec.addOption(Specs.value("--histogram", "PATH",
        "Draw the distribution of one figure over the draws, e.g. --histogram capacity.servers.").build());
    spec.addOption(Specs.flag("--explain",
        "After the figures, how each was worked out: the formula, the values substituted and where each came from."));
    spec.addOption(Specs.flag("--napkin",
        "The figures in powers of ten, one significant figure at each step (a day is 10^5 s), beside the exact ones."));
    return spec;
  }

  /** The arguments as parsed into {@code spec}. */
  static FileReport of(CommandSpec spec) {
    FileReport r = new FileReport();
    r.file = Specs.positional(spec, 0);
    r.input = InputOptions.of(spec);
    r.output = OutputOptions.of(spec);
    r.sampling = SamplingOptions.of(spec);
    r.histogram = Specs.value(spec, "--histogram");
    r.explain = Specs.flag(spec, "--explain");
    r.napkin = Specs.flag(spec, "--napkin");
    return r;
  }

  /** Set by {@code estimate --summary}: the headline figures alone, in a table (the tree stays whole). */
  boolean summary;

  int print(Context context, Set<Section> sections) {
    refuseCombinations();
    Optional<MonteCarlo.Settings> settings = Optional.of(sampling.settings());
    Session session = Session.read(file, context.in(), input.assignments());
    if (input.all) {
      return all(context, session, sections, settings);
    }
    Binding b = session.one(input.scenario());
    if (histogram != null) {
      Warnings.report(context.err(), b.warnings(), input.strict);
      Printer.print(context, Reports.histogram(b, sections, settings.get(), histogram), output);
      return 0;
    }
    // Every format but a table gets the percentiles of every varying figure: JSON and YAML print
    // them, and the sketch of Markdown, Mermaid and DOT labels per-workload edges with them.
    boolean full = output.get() != null || output.format != OutputFormat.table;
    Report report = Reports.point(b, sections);
    Warnings.report(context.err(), b.warnings(), input.strict);
    report = Reports.complete(report, b, new Reports.Options(sections, settings, full, napkin));
    // Markdown shows the sketch of a whole estimate; a part's alone is drawn when asked (-o mermaid).
    if (output.get() == null && (sketch() || (output.format == OutputFormat.markdown
        && sections.containsAll(Section.all())))) {
      report = Reports.sketched(report, b);
    }
    if (summary) {
      report = dev.envelope.render.SummaryReport.of(report, b.estimate(), b.warnings());
    }
    if (explain) {
      Printer.write(context, Reports.render(report, Reports.derivations(b, report, napkin), output.format,
          output.colour(context), context.columns()));
      return 0;
    }
    Printer.print(context, report, output);
    return 0;
  }

  /** Every scenario side by side, beside the base. */
  private int all(Context context, Session session, Set<Section> sections, Optional<MonteCarlo.Settings> settings) {
    Map<String, Binding> all = session.all();
    Map<String, List<Warning>> warnings = new LinkedHashMap<>();
    Map<String, Report> reports = new LinkedHashMap<>();
    for (Binding b : all.values()) {
      reports.put(b.name(), Reports.point(b, sections));
      warnings.put(b.label(), b.warnings());
    }
    Warnings.report(context.err(), Warnings.merge(warnings), input.strict);
    Reports.Options options = new Reports.Options(sections, settings, true, false);
    Reports.budget(all.values(), settings.get());
    Map<String, Report> complete = new LinkedHashMap<>();
    for (Binding b : all.values()) {
      complete.put(b.name(), Reports.complete(reports.get(b.name()), b, options));
    }
    if (output.get() != null) {
      StringBuilder sb = new StringBuilder();
      for (String path : output.gets) {
        complete.forEach((name, r) -> sb.append(Escape.tabSeparated(List.of(name,
            Reports.get(r.tree(), path, "--get")))).append('\n'));
      }
      Printer.write(context, sb.toString());
      return 0;
    }
    if (output.format == OutputFormat.csv) {
      Map<String, Tree> trees = new LinkedHashMap<>();
      complete.forEach((name, r) -> trees.put(name, r.tree()));
      Printer.write(context, CsvRenderer.render(trees));
      return 0;
    }
    Printer.print(context, Reports.sideBySide(complete, all.values().iterator().next().requirements()), output);
    return 0;
  }

  /** Whether the output is a sketch alone: {@code -o mermaid} or {@code -o dot}. */
  private boolean sketch() {
    return output.format == OutputFormat.mermaid || output.format == OutputFormat.dot;
  }

  /** Options that cannot go together, each pair once. */
  private void refuseCombinations() {
    String flag = explain ? "--explain" : napkin ? "--napkin" : null;
    if (sketch() && output.get() == null) {
      String other = input.all ? "--scenarios" : histogram != null ? "--histogram" : flag;
      if (other != null) {
        throw usage(other + " and -o " + output.format + ": a sketch draws the figures of one scenario and"
            + " nothing else; expected -o " + output.format + " without " + other + (input.all
                ? " (--scenario NAME draws one)" : "") + ", or " + other + " with -o table, json, yaml or markdown");
      }
    }
    if (summary) {
      String other = explain ? "--explain" : napkin ? "--napkin" : histogram != null ? "--histogram"
          : input.all ? "--scenarios" : null;
      if (other != null) {
        throw usage("--summary and " + other + ": the summary is the headline figures alone; expected one of them");
      }
    }
    if (input.all && input.scenario != null) {
      throw usage("--scenario and --scenarios: expected one of them, not both");
    }
    if (histogram != null && input.all) {
      throw usage("--histogram and --scenarios: expected one of them; a histogram shows one scenario (--scenario NAME)");
    }
    if (flag != null && input.all) {
      throw usage(flag + " and --scenarios: " + flag + " works on one scenario at a time; expected --scenario NAME,"
          + " or --scenarios without " + flag);
    }
    if (flag != null && histogram != null) {
      throw usage(flag + " and --histogram: expected one of them; a histogram shows the draws of one figure");
    }
    if (explain && output.format == OutputFormat.csv) {
      throw usage("--explain and -o csv: a CSV has one row per figure and no room for derivations; expected -o table,"
          + " json, yaml or markdown, or envelope explain FILE -o csv");
    }
    if (explain && output.get() != null) {
      throw usage("--explain and --get: --get prints one raw value; expected one of them, or envelope explain FILE PATH");
    }
  }

  private static EnvelopeException usage(String message) {
    return new EnvelopeException(EnvelopeException.USAGE, message);
  }
}
