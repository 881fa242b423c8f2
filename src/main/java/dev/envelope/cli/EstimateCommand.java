package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope estimate FILE}. */
final class EstimateCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"The full estimate: traffic, bandwidth, storage, cache, capacity, queueing,"
      + " tail latency, streams and availability."};

  private final Context context;

  final CommandSpec spec;

  EstimateCommand(Context context) {
    this.context = context;
    this.spec = FileReport.command(this, "estimate", DESCRIPTION,
        "  envelope estimate examples/twitter.yaml", "  envelope examples/twitter.yaml -o json",
        "  envelope estimate examples/twitter.yaml --set users.dau=300M \\", "      --get capacity.servers",
        "  cat examples/twitter.yaml | envelope estimate - -o markdown");
    spec.addOption(Specs.flag("--summary", "The headline figures on one screen: peak QPS, storage, egress, cache,"
        + " servers, shards, nodes, availability against its target, and the warnings."));
  }

  @Override
  public Integer call() {
    FileReport report = FileReport.of(spec);
    report.summary = Specs.flag(spec, "--summary");
    return report.print(context, Section.all());
  }
}
