package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code envelope storage FILE}. */
@Command(name = "storage", mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  envelope storage examples/pastebin.yaml", "  envelope storage examples/twitter.yaml --get storage.bytes_replicated"},
    description = "Storage per day, month and year, retained and replicated.")
final class StorageCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Mixin FileReport report;

  @Override
  public Integer call() {
    return report.print(root.context, EnumSet.of(Section.STORAGE));
  }
}
