package dev.envelope.cli;

import dev.envelope.render.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope shards FILE}. */
@Command(name = "shards", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope shards examples/url-shortener.yaml", "  envelope shards examples/twitter.yaml --scenarios"},
    description = "Servers, shards (by storage, writes and reads) and nodes.")
final class ShardsCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(paramLabel = "FILE", description = "Requirements file, YAML or JSON; - reads standard input.")
  String file;

  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return Printer.estimate(root.context, file, input, output, EnumSet.of(Section.CAPACITY));
  }
}
