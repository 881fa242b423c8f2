package dev.envelope.cli;

import dev.envelope.app.Binding;
import dev.envelope.app.OutputFormat;
import dev.envelope.app.Input;
import dev.envelope.app.Reports;
import dev.envelope.app.Session;
import dev.envelope.app.Warnings;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.diagnostic.Warning;
import dev.envelope.render.Changes;
import dev.envelope.render.DiffReport;
import dev.envelope.render.Escape;
import dev.envelope.render.Flat;
import dev.envelope.estimate.Section;
import dev.envelope.render.Tree;
import dev.envelope.units.Fractions;
import dev.envelope.units.QuantityException;
import dev.envelope.units.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope diff OLD NEW [--fail-over PCT]}: what changed between two requirements files. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {
      "Compare two files: the inputs that changed, then the outputs that moved.",
      "Inputs are compared as written; each output figure that moved shows its old and new value and the"
          + " relative change (new - old) / |old|. --set and --scenario apply to both files."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (no output moved by more than --fail-over)",
      EnvelopeException.CHECK_FAILED + ":an output moved by more than --fail-over",
      EnvelopeException.USAGE + ":bad command line",
      EnvelopeException.INVALID_INPUT + ":invalid requirements file",
      EnvelopeException.IO + ":input unreadable or output unwritable",
      EnvelopeException.INTERNAL + ":internal error (a bug; --debug shows the stack trace)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  envelope diff before.yaml after.yaml",
      "  envelope diff before.yaml after.yaml --fail-over 10%%   # CI: exit 1 beyond 10%%",
      "  envelope diff before.yaml after.yaml -o json | jq '.outputs[].path'",
      "  git show HEAD~1:estimate.yaml | envelope diff - estimate.yaml"
    })
final class DiffCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(index = "0", paramLabel = "OLD", description = "The requirements file before; - reads standard input.")
  String oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The requirements file after; - reads standard input.")
  String newFile;

  @Option(names = "--fail-over", paramLabel = "PCT",
      description = "Exit 1 when an output moved by more than PCT (e.g. 10%%) either way, or appeared or disappeared.")
  String failOver;

  @Option(names = "--only", paramLabel = "PATH", arity = "1..*",
      description = "Compare only these output figures, or groups of them (capacity, storage.bytes_retained);"
          + " --fail-over then judges only them.")
  List<String> only = new ArrayList<>();

  @Option(names = "--headline",
      description = "Compare only the headline figures, each change counted once: peak requests, ingress and"
          + " egress, storage retained, cache, servers, shards, nodes, availability, cost a month.")
  boolean headline;

  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "diff: --scenarios is for estimates; expected --scenario NAME to compare one scenario of both files");
    }
    if (oldFile.equals("-") && newFile.equals("-")) {
      throw new EnvelopeException(EnvelopeException.USAGE, "diff: OLD and NEW are both standard input; expected at most one -");
    }
    OptionalDouble limit = failOver == null ? OptionalDouble.empty() : OptionalDouble.of(threshold(failOver));
    byte[] oldBytes = Input.read(oldFile, root.context.in());
    byte[] newBytes = Input.read(newFile, root.context.in());
    java.util.Collection<Diagnostic> problems = new java.util.LinkedHashSet<>();
    Document oldDoc = parse(oldFile, oldBytes, problems);
    Binding oldSide = bind(oldDoc, problems);
    Document newDoc = parse(newFile, newBytes, problems);
    Binding newSide = bind(newDoc, problems);
    if (!problems.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.copyOf(problems));
    }
    Requirements oldReq = oldSide.requirements();
    Requirements newReq = newSide.requirements();
    Map<String, List<Warning>> warnings = new LinkedHashMap<>();
    warnings.put("the old file", oldSide.warnings());
    warnings.put("the new file", newSide.warnings());
    Warnings.report(root.context.err(), Warnings.merge(warnings), input.strict);
    Tree oldTree = Reports.figures(oldSide.estimate(), Section.all()).tree();
    Tree newTree = Reports.figures(newSide.estimate(), Section.all()).tree();
    List<Changes.Input> inputs = Changes.inputs(oldDoc.root(), newDoc.root());
    List<Changes.Output> outputs = Changes.outputs(oldTree, newTree);
    if (headline && !only.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.USAGE, "diff: --headline is a fixed set of figures; expected"
          + " --headline or --only PATH..., not both");
    }
    for (String path : only) {
      if (oldTree.at(path) == null && newTree.at(path) == null) {
        List<String> known = new ArrayList<>();
        Flat.rows(oldTree).forEach(r -> known.add(r.path()));
        Flat.rows(newTree).forEach(r -> known.add(r.path()));
        String near = dev.envelope.model.Suggest.closest(path, known);
        throw new EnvelopeException(EnvelopeException.USAGE, "--only " + Diagnostic.got(path)
            + ": no such figure in either estimate" + (near == null ? "" : " (did you mean '" + near + "'?)")
            + "; expected a figure path as printed by envelope estimate FILE -o json, or a group such as capacity");
      }
    }
    if (headline) {
      outputs = DiffReport.only(outputs, DiffReport.HEADLINE.keySet());
    } else if (!only.isEmpty()) {
      outputs = DiffReport.only(outputs, only);
    }
    List<Changes.Output> over = DiffReport.over(outputs, limit);

    if (output.get != null) {
      Object before = oldTree.at(output.get);
      Object after = newTree.at(output.get);
      if (!leaf(before) && !leaf(after)) {
        Reports.get(before != null ? oldTree : newTree, output.get, "--get");
      }
      Printer.write(root.context, Escape.tabSeparated(List.of("old", leaf(before) ? Flat.raw(before) : "")) + "\n"
          + Escape.tabSeparated(List.of("new", leaf(after) ? Flat.raw(after) : "")) + "\n");
    } else if (output.format == OutputFormat.csv) {
      Printer.write(root.context, DiffReport.csv(inputs, outputs));
    } else {
      List<String> header = new ArrayList<>();
      input.scenario().ifPresent(s -> header.add("both with scenario: " + s));
      input.sets.forEach(s -> header.add("both with --set " + s));
      DiffReport.Sides sides = new DiffReport.Sides(oldReq.source(), newReq.source(),
          oldReq.conventions().units(), newReq.conventions().units(), limit);
      if (headline) {
        header.add("headline figures only: each change counted once");
      } else if (!only.isEmpty()) {
        header.add("only " + String.join(", ", only));
      }
      Printer.print(root.context, DiffReport.build(sides, header, inputs, outputs,
          headline ? DiffReport.HEADLINE : java.util.Map.of()), output);
    }
    if (over.isEmpty()) {
      return 0;
    }
    root.context.err().println(SafeText.line("envelope: " + DiffReport.failure(over, limit.getAsDouble())));
    return EnvelopeException.CHECK_FAILED; // a result, not a failure to run
  }

  private static Document parse(String file, byte[] bytes, java.util.Collection<Diagnostic> problems) {
    try {
      return Document.parse(Input.label(file), bytes);
    } catch (EnvelopeException e) {
      if (e.exitCode() != EnvelopeException.INVALID_INPUT) {
        throw e;
      }
      problems.addAll(e.diagnostics());
      return null;
    }
  }

  private Binding bind(Document doc, java.util.Collection<Diagnostic> problems) {
    if (doc == null) {
      return null;
    }
    try {
      return new Session(doc, input.assignments()).one(input.scenario());
    } catch (EnvelopeException e) {
      if (e.exitCode() != EnvelopeException.INVALID_INPUT) {
        throw e;
      }
      problems.addAll(e.diagnostics());
      return null;
    }
  }


  private static boolean leaf(Object value) {
    return value instanceof Tree.Quantity || value instanceof String;
  }

  private static double threshold(String text) {
    try {
      return Fractions.percent(text, true);
    } catch (QuantityException e) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "--fail-over " + Diagnostic.got(text) + ": " + e.problem() + "; expected " + e.expected());
    }
  }
}
