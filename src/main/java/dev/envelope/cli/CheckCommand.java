package dev.envelope.cli;

import dev.envelope.estimate.MonteCarlo;
import dev.envelope.model.Budget;
import dev.envelope.model.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.model.EnvelopeException;
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

  @Mixin OutputOptions output;

  @Mixin SamplingOptions sampling;

  @Override
  public Integer call() {
    if (input.scenario != null || input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "check: budgets are checked in the base and every scenario; expected no --scenario or --scenarios");
    }
    Document doc = Printer.document(root.context, file);
    Budgets.Evaluation evaluation = evaluate(doc, input.assignments(), sampling);
    Warnings.report(root.context, Warnings.ofAll(doc, input.assignments()), input.strict);
    Printer.print(root.context, CheckReport.build(doc.file(), evaluation.results(), evaluation.units()), output);
    return evaluation.results().stream().allMatch(Budgets.Result::passed) ? 0 : EnvelopeException.CHECK_FAILED;
  }

  /**
   * Binds the file and every scenario, estimates each, and evaluates every budget in each; every
   * problem, in the file, a scenario or a budget, is reported at once (exit 3). {@code validate}
   * checks a file the same way, at the point values only ({@code sampling} null).
   */
  static Budgets.Evaluation evaluate(Document doc, List<dev.envelope.model.Assignment> sets, SamplingOptions sampling) {
    // Percentile budgets are read from the Monte Carlo, which reports every percentile they name.
    MonteCarlo.Settings settings = sampling == null ? null : sampling.settings(doc.budgets().stream()
        .filter(b -> b.percentile().isPresent()).map(b -> b.percentile().getAsDouble()).toList());
    Map<String, Requirements> all;
    try {
      all = doc.bindAll(Need.ESTIMATE, sets, false);
    } catch (EnvelopeException e) {
      // Report the budgets that do not read beside the file's other problems, all at once.
      if (e.exitCode() == EnvelopeException.INVALID_INPUT) {
        List<Diagnostic> problems = new ArrayList<>(e.diagnostics());
        problems.addAll(doc.budgetProblems());
        throw invalid(problems);
      }
      throw e;
    }
    List<Budgets.Result> results = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>(doc.budgetProblems());
    for (Map.Entry<String, Requirements> e : all.entrySet()) {
      Tree tree;
      try {
        java.util.Optional<String> scenario = e.getKey().equals(Document.BASE) ? java.util.Optional.empty()
            : java.util.Optional.of(e.getKey());
        dev.envelope.estimate.Estimate estimate = dev.envelope.estimate.Catalog.estimate(e.getValue(),
            doc.locations(scenario, sets));
        tree = Printer.uncertain(Printer.report(estimate, Section.all()), estimate, settings, true).tree();
      } catch (EnvelopeException overflow) {
        problems.addAll(overflow.diagnostics());
        continue;
      }
      for (Budget budget : doc.budgets()) {
        Budgets.Result r = Budgets.evaluate(e.getKey(), budget, tree, e.getValue(), problems);
        if (r != null) {
          results.add(r);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return new Budgets.Evaluation(results, all.get(Document.BASE).conventions().units());
  }

  /** One problem per place (a budget missing in every scenario is one problem), in file order. */
  private static EnvelopeException invalid(List<Diagnostic> problems) {
    Map<String, Diagnostic> byPlace = new java.util.LinkedHashMap<>();
    for (Diagnostic d : problems) {
      byPlace.putIfAbsent(d.location() + " " + d.path(), d);
    }
    return new EnvelopeException(EnvelopeException.INVALID_INPUT, Diagnostic.sorted(byPlace.values()));
  }
}
