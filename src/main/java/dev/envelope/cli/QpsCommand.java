package dev.envelope.cli;

import dev.envelope.render.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope qps FILE}. */
@Command(name = "qps", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope qps examples/twitter.yaml", "  envelope qps examples/chat.yaml -o csv"},
    description = "Requests per second, average and peak, per workload and in total.")
final class QpsCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(paramLabel = "FILE", description = "Requirements file, YAML or JSON; - reads standard input.")
  String file;

  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return Printer.estimate(root.context, file, input, output, EnumSet.of(Section.TRAFFIC));
  }
}
