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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope explain FILE [PATH...]}: how each figure was worked out, and from what. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"How each figure was worked out, step by step, and where each value came from.",
      "Each step gives the formula in words and symbols, the values substituted with their units, the result, and"
          + " the source of every value: the file (file:line, or the --set argument), a default, a convention, or"
          + " another figure.",
      "PATHs name figures by their JSON path (as --get does); a group's path names every figure in it. Each"
          + " named figure comes with the steps it builds on."},
    footerHeading = "%nExamples:%n",
    footer = {"  envelope explain examples/twitter.yaml workloads.tweet.writes",
      "  envelope explain examples/twitter.yaml capacity.servers --napkin",
      "  envelope explain examples/url-shortener.yaml cache -o json"})
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(index = "0", paramLabel = "FILE", description = "Requirements file, YAML or JSON; - reads standard input.")
  String file;

  @Parameters(index = "1..*", paramLabel = "PATH",
      description = "Figures or groups to explain, e.g. traffic.total.peak_per_second or storage (default: all).")
  List<String> paths = new ArrayList<>();

  // The options of InputOptions that apply to one binding's derivations: not --scenarios.
  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override one input, read like a file value; repeatable. E.g. --set users.dau=300M")
  List<String> sets = new ArrayList<>();

  @Option(names = "--scenario", paramLabel = "NAME", description = "Apply the file's scenario NAME.")
  String scenario;

  @Mixin OutputOptions output;

  @Option(names = "--napkin",
      description = "Work each step in powers of ten too, one significant figure at each step (a day is 10^5 s).")
  boolean napkin;

  @Option(names = "--strict",
      description = "Treat warnings about the inputs (contradictory, implausible or ignored values) as errors: exit 3.")
  boolean strict;

  @Override
  public Integer call() {
    Binding b = Session.read(file, root.context.in(), sets.stream().map(s -> Assignment.parse("--set", s)).toList())
        .one(Optional.ofNullable(scenario));
    ExplainReport report = Reports.explain(b, paths, napkin);
    Warnings.report(root.context.err(), b.warnings(), strict);
    Printer.print(root.context, report, output);
    return 0;
  }
}
