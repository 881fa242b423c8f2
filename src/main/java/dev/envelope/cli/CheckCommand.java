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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope check FILE}: evaluates the file's budgets in the base and every scenario. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Evaluate the file's budgets (budgets: {capacity.servers: \"<= 40\"}) in the base and every scenario.",
      "Exits 0 when every budget holds, 1 when any fails, 3 on an invalid file."},
    footerHeading = "%nExamples:%n",
    footer = {"  envelope check estimate.yaml", "  envelope check estimate.yaml --set users.dau=300M -o json"})
final class CheckCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(paramLabel = "FILE", description = "Requirements file with a budgets: section; - reads standard input.")
  String file;

  @Mixin InputOptions input;

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

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); github: GitHub Actions"
          + " annotations, junit: JUnit XML.")
  CheckFormat format;

  @Option(names = "--get", paramLabel = "PATH",
      description = "Print one raw value, e.g. --get passed (the JSON path).")
  String get;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour in tables: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a terminal, never with NO_COLOR).")
  OutputOptions.When color;

  @Mixin SamplingOptions sampling;

  @Override
  public Integer call() {
    if (input.scenario != null || input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "check: budgets are checked in the base and every scenario; expected no --scenario or --scenarios");
    }
    Session session = Session.read(file, root.context.in(), input.assignments());
    Evaluation e = collect(session, sampling);
    if (!e.problems().isEmpty()) {
      // Every problem at once: under --strict the warnings are problems too; else they are printed first.
      List<Diagnostic> all = new ArrayList<>(e.problems());
      if (input.strict) {
        e.warnings().forEach(w -> all.add(w.toDiagnostic()));
      } else {
        Warnings.report(root.context.err(), e.warnings(), false);
      }
      throw invalid(all);
    }
    // With -o github the warnings are annotations on standard output, not lines on standard error.
    Warnings.report(root.context.err(), format == CheckFormat.github && !input.strict ? List.of() : e.warnings(),
        input.strict);
    Budgets.Evaluation evaluation = e.budgets();
    String name = session.document().file();
    if (format == CheckFormat.github || format == CheckFormat.junit) {
      if (get != null) {
        throw new EnvelopeException(EnvelopeException.USAGE, "--get: prints one value of the JSON; expected it"
            + " without -o " + format);
      }
      Printer.write(root.context, format == CheckFormat.github
          ? CheckReport.github(name, evaluation.results(), e.warnings(), evaluation.units())
          : CheckReport.junit(name, evaluation.results(), evaluation.units()));
    } else {
      OutputOptions output = new OutputOptions();
      output.format = dev.envelope.app.OutputFormat.valueOf(format.name());
      output.get = get;
      output.color = color;
      Printer.print(root.context, CheckReport.build(name, evaluation.results(), evaluation.units()), output);
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
