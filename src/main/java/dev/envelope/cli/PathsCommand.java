package dev.envelope.cli;

import dev.envelope.app.Binding;
import dev.envelope.app.Reports;
import dev.envelope.app.Session;
import dev.envelope.app.Warnings;
import dev.envelope.estimate.Section;
import dev.envelope.render.Escape;
import dev.envelope.render.Flat;
import dev.envelope.render.Tree;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope paths FILE}: every figure path the file's estimate has, with its unit, for --get, --show and budgets. */
@Command(name = "paths", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope paths examples/twitter.yaml", "  envelope paths docs/examples/photos.yaml --scenario viral"},
    description = {
      "Every figure path of the file's estimate, with its unit: the paths --get, --show and budgets take.",
      "One a line, tab-separated: the path, then count, /s, B, B/s, s, fraction, money or number; in the order of"
          + " the JSON output."
    })
final class PathsCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(paramLabel = "FILE", description = "Requirements file, YAML or JSON; - reads standard input.")
  String file;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override one input, read like a file value; repeatable. E.g. --set users.dau=300M")
  List<String> sets = new java.util.ArrayList<>();

  @Option(names = "--scenario", paramLabel = "NAME", description = "Apply the file's scenario NAME.")
  String scenario;

  @Override
  public Integer call() {
    List<dev.envelope.model.Assignment> assignments = sets.stream()
        .map(s -> dev.envelope.model.Assignment.parse("--set", s)).toList();
    Binding b = Session.read(file, root.context.in(), assignments).one(java.util.Optional.ofNullable(scenario));
    Warnings.report(root.context.err(), b.warnings(), false);
    Tree tree = Reports.figures(b.estimate(), Section.all()).tree();
    StringBuilder sb = new StringBuilder();
    for (Flat.Row row : Flat.rows(tree)) {
      if (row.value() instanceof Tree.Quantity) {
        sb.append(Escape.tabSeparated(List.of(row.path(),
            Flat.unit(row.value()).isEmpty() ? "number" : Flat.unit(row.value())))).append('\n');
      }
    }
    Printer.write(root.context, sb.toString());
    return 0;
  }
}
