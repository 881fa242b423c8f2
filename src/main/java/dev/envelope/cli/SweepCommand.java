package dev.envelope.cli;

import dev.envelope.app.Binding;
import dev.envelope.app.OutputFormat;
import dev.envelope.app.Reports;
import dev.envelope.app.Session;
import dev.envelope.app.Warnings;
import dev.envelope.model.Limits;
import dev.envelope.estimate.Lanes;
import dev.envelope.estimate.Sweep;
import dev.envelope.model.Assignment;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.diagnostic.Warning;
import dev.envelope.render.ConventionsBlock;
import dev.envelope.render.SweepReport;
import dev.envelope.render.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope sweep FILE --vary PATH=V1,V2 [--show P1,P2]}: one row per combination. */
final class SweepCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Estimate every combination of varied inputs, one row each.",
    "The first --vary varies slowest. Each combination overrides the file after --scenario and --set."
  };

  /** What a sweep shows when --show is not given, where the estimates have them. */
  static final List<String> DEFAULT_SHOW =
      List.of("traffic.total.peak_per_second", "storage.bytes_replicated", "capacity.servers");

  private final Context context;

  final CommandSpec spec;

  String file;

  List<String> vary;

  List<String> show;

  InputOptions input;

  OutputOptions output;

  SweepCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "sweep", DESCRIPTION,
        "  envelope sweep examples/twitter.yaml --vary users.dau=100M,200M,400M",
        "  envelope sweep examples/twitter.yaml --vary users.dau=100M,400M \\",
        "      --vary storage.replication=2,3 --show capacity.nodes -o csv",
        "  envelope sweep examples/twitter.yaml \\",
        "      --vary 'conventions.seconds_per_day=86,400;100,000'",
        "  envelope sweep examples/twitter.yaml --vary traffic.peak_factor=2,3,5 \\",
        "      --get capacity.servers");
    spec.addPositional(Specs.positional("FILE", "Requirements file, YAML or JSON; - reads standard input.").build());
    spec.addOption(Specs.repeated("--vary", "PATH=V1,V2,...", "An input and its values, read like file values;"
        + " repeatable. Commas separate the values; in a list with a semicolon, semicolons do (86,400;100,000).")
        .required(true).build());
    spec.addOption(Specs.repeated("--show", "PATH", "Output paths to show (the JSON paths); default:"
        + " traffic.total.peak_per_second and, where present, storage.bytes_replicated and capacity.servers.")
        .splitRegex(",").build());
    InputOptions.declare(spec);
    OutputOptions.declare(spec);
  }

  private void read() {
    file = Specs.positional(spec, 0);
    vary = Specs.values(spec, "--vary");
    show = Specs.values(spec, "--show");
    input = InputOptions.of(spec);
    output = OutputOptions.of(spec);
  }

  @Override
  public Integer call() {
    read();
    output.oneGet("sweep");
    checkOptions();
    Sweep sweep = new Sweep(vary.stream().map(v -> Sweep.axis("--vary", v)).toList());
    Document doc = Session.read(file, context.in(), List.of()).document();
    List<String> wanted = output.get() != null ? List.of(output.get())
        : show.isEmpty() ? DEFAULT_SHOW : List.copyOf(new LinkedHashSet<>(show));
    Run run = run(doc, sweep, wanted);
    List<String> shown = new ArrayList<>();
    for (String path : wanted) {
      if (run.rows().stream().anyMatch(r -> r.outputs().containsKey(path))) {
        shown.add(path);
      } else if (output.get() != null || !show.isEmpty()) {
        Reports.get(run.firstTree(), path, output.get() != null ? "--get" : "--show");
      }
    }
    List<String> paths = sweep.axes().stream().map(Sweep.Axis::path).toList();
    if (output.get() != null) {
      Printer.write(context, SweepReport.lines(output.get(), run.rows()));
    } else if (output.format == OutputFormat.csv) {
      Printer.write(context, SweepReport.csv(paths, shown, run.rows()));
    } else {
      Requirements first = run.first();
      String title = first.name().map(n -> n + " (" + first.source() + ")").orElse(first.source()) + ": sweep";
      List<String> header = new ArrayList<>(run.sameConventions() ? ConventionsBlock.header(first.conventions())
          : List.of("conventions: vary between combinations"));
      input.scenario().ifPresent(s -> header.add("scenario: " + s));
      input.assignments().forEach(s -> header.add("--set " + s.dottedPath() + "=" + s.value()));
      Printer.print(context, SweepReport.build(title, header, paths, shown, run.rows()), output);
    }
    return 0;
  }

  private void checkOptions() {
    if (input.all) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "sweep: --scenarios is for estimates; expected --scenario NAME to sweep one scenario");
    }
    if (output.get() != null && !show.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.USAGE, "sweep: --get and --show: expected one of them");
    }
    if (show.stream().anyMatch(String::isBlank)) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--show " + Diagnostic.got(String.join(",", show))
          + ": an empty path; expected paths separated by commas, e.g. --show traffic.total.peak_per_second,capacity.servers");
    }
  }

  /** The rows of a sweep, and its first combination's requirements and estimate (for titles and hints). */
  private record Run(List<SweepReport.Row> rows, Requirements first, Tree firstTree, boolean sameConventions) {}

  /**
   * Estimates every combination, after --scenario and --set. Every problem of every combination is
   * reported at once, each once (exit 3).
   */
  private Run run(Document doc, Sweep sweep, List<String> wanted) {
    List<SweepReport.Row> rows = new ArrayList<>();
    java.util.Set<Diagnostic> problems = new java.util.LinkedHashSet<>();
    Requirements first = null;
    Tree firstTree = null;
    boolean same = true;
    List<Assignment> sets = input.assignments();
    Map<String, List<Warning>> warnings = new LinkedHashMap<>();
    List<List<Assignment>> combinations = sweep.combinations();
    if (doc.valuesRead() > Limits.MAX_POINT_WORK) {
      // The file alone is past the work budget of reading, and each combination would be refused
      // alike: the first says so (exit 3).
      List<Assignment> all = new ArrayList<>(sets);
      all.addAll(combinations.get(0));
      new Session(doc, all).one(input.scenario());
    }
    boolean readingHeld = false;
    for (List<Assignment> combination : combinations) {
      List<Assignment> all = new ArrayList<>(sets);
      all.addAll(combination);
      try {
        Binding b = new Session(doc, all).one(input.scenario());
        if (first == null) {
          // Each combination reads the file (and each scenario) again and is an estimate: held to the
          // work budget.
          Limits.work(combinations.size(), b.estimate().steps().size(), Lanes.cost(b.estimate().steps()),
              doc.valuesRead(), 1, "--vary",
              combinations.size(), null, null);
        }
        Tree tree = estimate(b, combination);
        // A varied input that changes nothing is one warning for the option, not one for each value.
        warnings.put(String.join(" ", combination.stream().map(a -> a.dottedPath() + "=" + a.value()).toList()),
            b.warnings().stream().map(w -> w.id() == dev.envelope.diagnostic.WarningId.NO_EFFECT
                && w.location().isArgument() && w.location().file().startsWith("--vary ")
                ? new Warning(Location.argument("--vary " + w.path()), w.path(), w.message(), w.id()) : w).toList());
        Requirements req = b.requirements();
        if (first == null) {
          first = req;
          firstTree = tree;
        }
        same &= req.conventions().equals(first.conventions());
        rows.add(new SweepReport.Row(combination.stream().map(Assignment::value).toList(),
            SweepReport.pick(tree, wanted), req.conventions().units(), values(b, combination)));
      } catch (EnvelopeException e) {
        if (e.exitCode() != EnvelopeException.INVALID_INPUT) {
          throw e;
        }
        problems.addAll(e.diagnostics());
        if (first == null && !readingHeld) {
          // No combination estimated yet to weigh the sweep by: held to the budget by its reading
          // alone, so that a file whose every combination is refused is not read 10,000 times.
          readingHeld = true;
          Limits.work(combinations.size(), 0, 0, doc.valuesRead(), 1, "--vary", combinations.size(), null, null);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, List.copyOf(problems));
    }
    Warnings.report(context.err(), Warnings.merge(warnings), input.strict);
    return new Run(rows, first, firstTree, same);
  }

  /** The estimate of one combination; a figure too large to compute names the combination. */
  private static Tree estimate(Binding b, List<Assignment> combination) {
    try {
      return Reports.tree(b.estimate());
    } catch (EnvelopeException e) {
      String where = String.join(" ", combination.stream().map(a -> a.origin().file()).toList());
      throw new EnvelopeException(e.exitCode(), e.diagnostics().stream()
          .map(d -> new Diagnostic(Location.argument(where), d.path(), d.message())).toList());
    }
  }

  /** Each varied input's number as the estimate's steps read it, by path; an input no step reads is left out. */
  private static Map<String, SweepReport.Value> values(Binding b, List<Assignment> combination) {
    Map<String, SweepReport.Value> out = new java.util.LinkedHashMap<>();
    for (Assignment a : combination) {
      for (dev.envelope.estimate.Derivation.Step step : b.estimate().steps()) {
        var operand = step.operands().stream()
            .filter(o -> o.from().path().filter(a.dottedPath()::equals).isPresent()).findFirst();
        if (operand.isPresent()) {
          out.put(a.dottedPath(), new SweepReport.Value(operand.get().value(), operand.get().unit().key()));
          break;
        }
      }
    }
    return out;
  }
}
