package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope qps FILE}. */
final class QpsCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"Requests per second, average and peak, per workload and in total."};

  private final Context context;

  final CommandSpec spec;

  QpsCommand(Context context) {
    this.context = context;
    this.spec = FileReport.command(this, "qps", DESCRIPTION,
        "  envelope qps examples/twitter.yaml", "  envelope qps examples/chat.yaml -o csv");
  }

  @Override
  public Integer call() {
    return FileReport.of(spec).print(context, EnumSet.of(Section.TRAFFIC));
  }
}
