package dev.envelope.cli;

import dev.envelope.app.Binding;
import dev.envelope.app.Reports;
import dev.envelope.app.Session;
import dev.envelope.app.Warnings;
import dev.envelope.diagnostic.Warning;
import java.util.LinkedHashMap;
import java.util.Optional;
import dev.envelope.estimate.MonteCarlo;
import dev.envelope.model.Budget;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.render.Budgets;
import dev.envelope.render.CheckReport;
import dev.envelope.estimate.Section;
import dev.envelope.render.Tree;
import dev.envelope.units.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code envelope check FILE}: evaluates the file's budgets in the base and every scenario. */
final class CheckCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"Evaluate the file's budgets (budgets: {capacity.servers: \"<= 40\"}) in the base"
      + " and every scenario.", "Exits 0 when every budget holds, 1 when any fails, 3 on an invalid file."};

  /** The formats of a check: those of every report, and two that CI servers read. */
  enum CheckFormat {
    table,
    json,
    yaml,
    markdown,
    csv,
    github,
    junit
  }

  private final Context context;

  final CommandSpec spec;

  String file;

  InputOptions input;

  CheckFormat format;

  String get;

  OutputOptions.When color;

  SamplingOptions sampling;

  boolean requireBudgets;

  CheckCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "check", DESCRIPTION, "  envelope check examples/photo-launch.yaml",
        "  envelope check examples/photo-launch.yaml --set users.dau=3M -o json");
    spec.addPositional(Specs.positional("FILE", "Requirements file with a budgets: section; - reads standard input.")
        .build());
    InputOptions.declare(spec);
    spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("FORMAT").type(CheckFormat.class)
        .defaultValue("table").description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE});"
            + " github: GitHub Actions annotations, junit: JUnit XML.").build());
    spec.addOption(Specs.value("--get", "PATH", "Print one raw value, e.g. --get passed (the JSON path).").build());
    spec.addOption(OutputOptions.color());
    SamplingOptions.declare(spec);
    spec.addOption(Specs.flag("--require-budgets",
        "Fail (exit 1) when the file has no budgets, so that a gate cannot pass on a file that checks nothing."));
  }

  private void read() {
    file = Specs.positional(spec, 0);
    input = InputOptions.of(spec);
    format = Specs.value(spec, "--output");
    get = Specs.value(spec, "--get");
    color = Specs.value(spec, "--color");
    sampling = SamplingOptions.of(spec);
    requireBudgets = Specs.flag(spec, "--require-budgets");
  }

  @Override
  public Integer call() {
    read();
    if (input.scenario != null || input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "check: budgets are checked in the base and every scenario; expected no --scenario or --scenarios");
    }
    Session session = Session.read(file, context.in(), input.assignments());
    Evaluation e = collect(session, sampling);
    if (!e.problems().isEmpty()) {
      // Every problem at once: under --strict the warnings are problems too; else they are printed first.
      List<Diagnostic> all = new ArrayList<>(e.problems());
      if (input.strict) {
        e.warnings().forEach(w -> all.add(w.toDiagnostic()));
      } else {
        Warnings.report(context.err(), e.warnings(), false);
      }
      throw invalid(all);
    }
    // With -o github the warnings are annotations on standard output, not lines on standard error.
    Warnings.report(context.err(), format == CheckFormat.github && !input.strict ? List.of() : e.warnings(),
        input.strict);
    Budgets.Evaluation evaluation = e.budgets();
    String name = session.document().file();
    if (format == CheckFormat.github || format == CheckFormat.junit) {
      if (get != null) {
        throw new EnvelopeException(EnvelopeException.USAGE, "--get: prints one value of the JSON; expected it"
            + " without -o " + format);
      }
      Printer.write(context, format == CheckFormat.github
          ? CheckReport.github(name, evaluation.results(), e.warnings(), evaluation.units())
          : CheckReport.junit(name, evaluation.results(), evaluation.units()));
    } else {
      OutputOptions output = new OutputOptions();
      output.format = dev.envelope.app.OutputFormat.valueOf(format.name());
      if (get != null) {
        output.gets.add(get);
      }
      output.color = color;
      Printer.print(context, CheckReport.build(name, evaluation.results(), evaluation.units()), output);
    }
    if (requireBudgets && session.document().budgets().isEmpty()) {
      context.err().println(SafeText.line("envelope: check: " + name
          + " has no budgets, and --require-budgets asks for some; expected a budgets: section, e.g. budgets:"
          + " {capacity.servers: \"<= 40\"}"));
      return EnvelopeException.CHECK_FAILED;
    }
    return evaluation.results().stream().allMatch(Budgets.Result::passed) ? 0 : EnvelopeException.CHECK_FAILED;
  }

  /**
   * The budgets judged, the warnings of every binding, each once, and the problems of the budgets
   * and estimates (empty when every budget could be judged).
   */
  record Evaluation(Budgets.Evaluation budgets, List<Warning> warnings, List<Diagnostic> problems) {}

  /**
   * Binds the file and every scenario, estimates each, and evaluates every budget in each; every
   * problem, in the file, a scenario or a budget, is reported at once (exit 3). {@code validate}
   * checks a file the same way, at the point values only ({@code sampling} null).
   */
  static Evaluation evaluate(Session file, SamplingOptions sampling) {
    Evaluation e = collect(file, sampling);
    if (!e.problems().isEmpty()) {
      throw invalid(e.problems());
    }
    return e;
  }

  /**
   * Like {@link #evaluate}, but the problems of the budgets and estimates are returned beside the
   * warnings, so that a caller can report both at once; a file that does not bind still throws.
   */
  static Evaluation collect(Session file, SamplingOptions sampling) {
    Session session = file.withoutBudgets();
    Document doc = session.document();
    // Percentile budgets are read from the Monte Carlo, which reports every percentile they name.
    Optional<MonteCarlo.Settings> settings = sampling == null ? Optional.empty() : Optional.of(sampling.settings(
        doc.budgets().stream().filter(b -> b.percentile().isPresent()).map(b -> b.percentile().getAsDouble()).toList()));
    Map<String, Binding> all;
    try {
      all = session.all();
    } catch (EnvelopeException e) {
      // Report the budgets that do not read beside the file's other problems, all at once.
      if (e.exitCode() == EnvelopeException.INVALID_INPUT) {
        List<Diagnostic> problems = new ArrayList<>(e.diagnostics());
        problems.addAll(doc.budgetProblems());
        throw invalid(problems);
      }
      throw e;
    }
    settings.ifPresent(s -> Reports.budget(all.values(), s));
    List<Budgets.Result> results = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>(doc.budgetProblems());
    Map<String, List<Warning>> warnings = new LinkedHashMap<>();
    int failures = 0;
    for (Binding b : all.values()) {
      warnings.put(b.label(), b.warnings());
      Tree tree;
      try {
        tree = Reports.estimate(b, new Reports.Options(Section.all(), settings, true, false)).tree();
      } catch (EnvelopeException overflow) {
        problems.addAll(overflow.diagnostics());
        continue;
      }
      for (Budget budget : doc.budgets()) {
        Budgets.Result r = Budgets.evaluate(b.name(), budget, tree, b.requirements(), problems);
        if (r != null) {
          // Why it failed is worked out for a check only; its inputs ranked for the first few failures.
          boolean failed = sampling != null && !r.passed();
          results.add(failed ? r.because(Reports.why(b, doc.file(), budget.path(), ++failures <= RANKED)) : r);
        }
      }
    }
    return new Evaluation(new Budgets.Evaluation(results, all.get(Document.BASE).requirements().conventions().units()),
        Warnings.merge(warnings), problems);
  }

  /** At most this many failing budgets have their inputs ranked; every one names its explain command. */
  private static final int RANKED = 10;

  /** One problem per place (a budget missing in every scenario is one problem), in file order. */
  static EnvelopeException invalid(List<Diagnostic> problems) {
    Map<String, Diagnostic> byPlace = new java.util.LinkedHashMap<>();
    for (Diagnostic d : problems) {
      byPlace.putIfAbsent(d.location() + " " + d.path(), d);
    }
    return new EnvelopeException(EnvelopeException.INVALID_INPUT, Diagnostic.sorted(byPlace.values()));
  }
}
