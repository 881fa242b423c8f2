package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code envelope shards FILE}. */
@Command(name = "shards", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope shards examples/url-shortener.yaml", "  envelope shards examples/twitter.yaml --scenarios"},
    description = "Servers, shards (by storage, writes and reads) and nodes.")
final class ShardsCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Mixin FileReport report;

  @Override
  public Integer call() {
    return report.print(root.context, EnumSet.of(Section.CAPACITY));
  }
}
