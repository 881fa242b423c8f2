package dev.envelope.cli;

import dev.envelope.app.Binding;
import dev.envelope.app.Reports;
import dev.envelope.app.Session;
import dev.envelope.app.Warnings;
import dev.envelope.model.Assignment;
import dev.envelope.render.ExplainReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope explain FILE [PATH...]}: how each figure was worked out, and from what. */
final class ExplainCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"How each figure was worked out, step by step, and where each value came from.",
    "Each step gives the formula in words and symbols, the values substituted with their units, the result, and"
        + " the source of every value: the file (file:line, or the --set argument), a default, a convention, or"
        + " another figure.",
    "PATHs name figures by their JSON path (as --get does); a group's path names every figure in it. Each"
        + " named figure comes with the steps it builds on."};

  private final Context context;

  final CommandSpec spec;

  String file;

  List<String> paths;

  List<String> sets;

  String scenario;

  OutputOptions output;

  boolean napkin;

  boolean strict;

  ExplainCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "explain", DESCRIPTION,
        "  envelope explain examples/twitter.yaml workloads.tweet.writes",
        "  envelope explain examples/twitter.yaml capacity.servers --napkin",
        "  envelope explain examples/url-shortener.yaml cache -o json");
    spec.addPositional(Specs.positional("FILE", "Requirements file, YAML or JSON; - reads standard input.")
        .index("0").build());
    spec.addPositional(Specs.positionals("PATH",
        "Figures or groups to explain, e.g. traffic.total.peak_per_second or storage (default: all).").index("1..*").build());
    // The options of InputOptions that apply to one binding's derivations: not --scenarios.
    spec.addOption(Specs.repeated("--set", "PATH=VALUE", InputOptions.SET).build());
    spec.addOption(Specs.value("--scenario", "NAME", InputOptions.SCENARIO).build());
    OutputOptions.declare(spec);
    spec.addOption(Specs.flag("--napkin",
        "Work each step in powers of ten too, one significant figure at each step (a day is 10^5 s)."));
    spec.addOption(Specs.flag("--strict", InputOptions.STRICT));
  }

  private void read() {
    file = Specs.positional(spec, 0);
    paths = Specs.positionals(spec, 1);
    sets = Specs.values(spec, "--set");
    scenario = Specs.value(spec, "--scenario");
    output = OutputOptions.of(spec);
    napkin = Specs.flag(spec, "--napkin");
    strict = Specs.flag(spec, "--strict");
  }

  @Override
  public Integer call() {
    read();
    Binding b = Session.read(file, context.in(), InputOptions.assignments(sets))
        .one(Optional.ofNullable(scenario));
    ExplainReport report = Reports.explain(b, paths, napkin);
    Warnings.report(context.err(), b.warnings(), strict);
    Printer.print(context, report, output);
    return 0;
  }
}
