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
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope paths FILE}: every figure path the file's estimate has, with its unit, for --get, --show and budgets. */
final class PathsCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Every figure path of the file's estimate, with its unit: the paths --get, --show and budgets take.",
    "One a line, tab-separated: the path, then count, /s, B, B/s, s, fraction, money or number; in the order of"
        + " the JSON output."
  };

  private final Context context;

  final CommandSpec spec;

  String file;

  List<String> sets;

  String scenario;

  PathsCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "paths", DESCRIPTION, "  envelope paths examples/twitter.yaml",
        "  envelope paths docs/examples/photos.yaml --scenario viral");
    spec.addPositional(Specs.positional("FILE", "Requirements file, YAML or JSON; - reads standard input.").build());
    spec.addOption(Specs.repeated("--set", "PATH=VALUE", InputOptions.SET).build());
    spec.addOption(Specs.value("--scenario", "NAME", InputOptions.SCENARIO).build());
  }

  private void read() {
    file = Specs.positional(spec, 0);
    sets = Specs.values(spec, "--set");
    scenario = Specs.value(spec, "--scenario");
  }

  @Override
  public Integer call() {
    read();
    List<dev.envelope.model.Assignment> assignments = InputOptions.assignments(sets);
    Binding b = Session.read(file, context.in(), assignments).one(java.util.Optional.ofNullable(scenario));
    Warnings.report(context.err(), b.warnings(), false);
    Tree tree = Reports.figures(b.estimate(), Section.all()).tree();
    StringBuilder sb = new StringBuilder();
    for (Flat.Row row : Flat.rows(tree)) {
      if (row.value() instanceof Tree.Quantity) {
        sb.append(Escape.tabSeparated(List.of(row.path(),
            Flat.unit(row.value()).isEmpty() ? "number" : Flat.unit(row.value())))).append('\n');
      }
    }
    Printer.write(context, sb.toString());
    return 0;
  }
}
