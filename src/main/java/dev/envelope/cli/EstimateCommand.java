package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code envelope estimate FILE}. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope estimate examples/twitter.yaml", "  envelope examples/twitter.yaml -o json", "  envelope estimate examples/twitter.yaml --set users.dau=300M \\", "      --get capacity.servers", "  cat examples/twitter.yaml | envelope estimate - -o markdown"},
    description = "The full estimate: traffic, bandwidth, storage, cache, capacity, queueing, tail latency,"
        + " streams and availability.")
final class EstimateCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Mixin FileReport report;

  @picocli.CommandLine.Option(names = "--summary",
      description = "The headline figures on one screen: peak QPS, storage, egress, cache, servers, shards,"
          + " nodes, availability against its target, and the warnings.")
  boolean summary;

  @Override
  public Integer call() {
    report.summary = summary;
    return report.print(root.context, Section.all());
  }
}
