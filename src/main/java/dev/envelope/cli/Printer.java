package dev.envelope.cli;

import dev.envelope.app.Reports;
import dev.envelope.render.Escape;
import dev.envelope.render.ExplainReport;
import dev.envelope.render.Report;
import java.util.List;

/** Writes a command's result on standard output: a report in the chosen format, or text as it is. */
final class Printer {
  private Printer() {}

  static void print(Context context, Report report, OutputOptions output) {
    if (output.get() != null) {
      write(context, values(report.tree(), output));
      return;
    }
    write(context, Reports.render(report, output.format, output.colour(context), context.columns()));
  }

  static void print(Context context, ExplainReport explain, OutputOptions output) {
    if (output.get() != null) {
      write(context, values(explain.tree(), output));
      return;
    }
    write(context, Reports.render(explain, output.format, output.colour(context), context.columns()));
  }

  /** Each --get's value on a line of its own, in the order given; every path is checked before any prints. */
  private static String values(dev.envelope.render.Tree tree, OutputOptions output) {
    StringBuilder sb = new StringBuilder();
    for (String path : output.gets) {
      sb.append(Escape.tabSeparated(List.of(Reports.get(tree, path, "--get")))).append('\n');
    }
    return sb.toString();
  }

  static void write(Context context, String text) {
    context.out().print(text);
    context.out().flush();
  }
}
