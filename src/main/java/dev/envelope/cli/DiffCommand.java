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
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope diff OLD NEW [--fail-over PCT]}: what changed between two requirements files. */
final class DiffCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Compare two files: the inputs that changed, then the outputs that moved.",
    "Inputs are compared as written; each output figure that moved shows its old and new value and the"
        + " relative change (new - old) / |old|. --set and --scenario apply to both files."
  };

  private final Context context;

  final CommandSpec spec;

  String oldFile;

  String newFile;

  String failOver;

  List<String> labels;

  List<String> only;

  boolean headline;

  InputOptions input;

  OutputOptions output;

  DiffCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "diff", DESCRIPTION,
        "  envelope diff docs/examples/photos-v1.yaml docs/examples/photos-v2.yaml",
        "  envelope diff docs/examples/photos-v1.yaml docs/examples/photos-v2.yaml \\",
        "      --fail-over 10%%   # CI: exit 1 beyond 10%%",
        "  envelope diff docs/examples/photos-v1.yaml docs/examples/photos-v2.yaml \\",
        "      -o json | jq '.outputs[].path'",
        "  cat docs/examples/photos-v1.yaml | envelope diff --label v1 v2 - \\",
        "      docs/examples/photos-v2.yaml");
    EnvelopeCommand.exitCodes(spec, "success (no output moved by more than --fail-over)",
        "an output moved by more than --fail-over");
    spec.addPositional(Specs.positional("OLD", "The requirements file before; - reads standard input.").index("0")
        .build());
    spec.addPositional(Specs.positional("NEW", "The requirements file after; - reads standard input.").index("1")
        .build());
    spec.addOption(Specs.value("--fail-over", "PCT", "Exit 1 when an output moved by more than PCT (e.g. 10%%)"
        + " either way, or appeared or disappeared.").build());
    spec.addOption(Specs.repeated("--label", "NAME", "Name OLD and NEW so in the report (--label main work), instead"
        + " of by their files: for piped input.").arity("2").build());
    spec.addOption(Specs.repeated("--only", "PATH", "Compare only these output figures, or groups of them (capacity,"
        + " storage.bytes_retained); --fail-over then judges only them.").arity("1..*").build());
    spec.addOption(Specs.flag("--headline", "Compare only the headline figures, each change counted once: peak"
        + " requests, ingress and egress, storage retained, cache, servers, shards, nodes, availability, cost a"
        + " month."));
    InputOptions.declare(spec);
    OutputOptions.declare(spec);
  }

  private void read() {
    oldFile = Specs.positional(spec, 0);
    newFile = Specs.positional(spec, 1);
    failOver = Specs.value(spec, "--fail-over");
    labels = Specs.value(spec, "--label");
    only = Specs.values(spec, "--only");
    headline = Specs.flag(spec, "--headline");
    input = InputOptions.of(spec);
    output = OutputOptions.of(spec);
  }

  @Override
  public Integer call() {
    read();
    if (input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "diff: --scenarios is for estimates; expected --scenario NAME to compare one scenario of both files");
    }
    output.oneGet("diff");
    if (oldFile.equals("-") && newFile.equals("-")) {
      throw new EnvelopeException(EnvelopeException.USAGE, "diff: OLD and NEW are both standard input; expected at most one -");
    }
    OptionalDouble limit = failOver == null ? OptionalDouble.empty() : OptionalDouble.of(threshold(failOver));
    byte[] oldBytes = Input.read(oldFile, context.in());
    byte[] newBytes = Input.read(newFile, context.in());
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
    Warnings.report(context.err(), Warnings.merge(warnings), input.strict);
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

    if (output.get() != null) {
      Object before = oldTree.at(output.get());
      Object after = newTree.at(output.get());
      if (!leaf(before) && !leaf(after)) {
        Reports.get(before != null ? oldTree : newTree, output.get(), "--get");
      }
      Printer.write(context, Escape.tabSeparated(List.of("old", leaf(before) ? Flat.raw(before) : "")) + "\n"
          + Escape.tabSeparated(List.of("new", leaf(after) ? Flat.raw(after) : "")) + "\n");
    } else if (output.format == OutputFormat.csv) {
      Printer.write(context, DiffReport.csv(inputs, outputs));
    } else {
      List<String> header = new ArrayList<>();
      input.scenario().ifPresent(s -> header.add("both with scenario: " + s));
      input.sets.forEach(s -> header.add("both with --set " + s));
      DiffReport.Sides sides = new DiffReport.Sides(labels == null ? oldReq.source() : labels.get(0),
          labels == null ? newReq.source() : labels.get(1),
          oldReq.conventions().units(), newReq.conventions().units(), limit);
      if (headline) {
        header.add("headline figures only: each change counted once");
      } else if (!only.isEmpty()) {
        header.add("only " + String.join(", ", only));
      }
      Printer.print(context, DiffReport.build(sides, header, inputs, outputs,
          headline ? DiffReport.HEADLINE : java.util.Map.of()), output);
    }
    if (over.isEmpty()) {
      return 0;
    }
    context.err().println(SafeText.line("envelope: " + DiffReport.failure(over, limit.getAsDouble())));
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
