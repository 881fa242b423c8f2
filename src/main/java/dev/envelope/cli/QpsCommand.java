package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code envelope qps FILE}. */
@Command(name = "qps", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope qps examples/twitter.yaml", "  envelope qps examples/chat.yaml -o csv"},
    description = "Requests per second, average and peak, per workload and in total.")
final class QpsCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Mixin FileReport report;

  @Override
  public Integer call() {
    return report.print(root.context, EnumSet.of(Section.TRAFFIC));
  }
}
