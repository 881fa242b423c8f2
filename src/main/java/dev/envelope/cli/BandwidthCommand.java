package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code envelope bandwidth FILE}. */
@Command(name = "bandwidth", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope bandwidth examples/video-streaming.yaml"},
    description = "Ingress and egress, average and peak, in bytes and bits per second.")
final class BandwidthCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Mixin FileReport report;

  @Override
  public Integer call() {
    return report.print(root.context, EnumSet.of(Section.BANDWIDTH));
  }
}
