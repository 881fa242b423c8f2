package dev.envelope.cli;

import dev.envelope.app.Input;
import dev.envelope.render.StarterFile;
import dev.envelope.units.SafeText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope init [FILE]}: a starter requirements file, or a bundled example. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {
      "Write a starter requirements file: every key with what it means, its default and its units, and values"
          + " that estimate as written. Without FILE (or with -), print it.",
      "An existing FILE is left alone (exit 2) unless --force, which replaces a regular file or a"
          + " symbolic link (the link itself), never a directory, FIFO, device or socket (exit 4). The file"
          + " is written whole or not at all: a temporary file beside it, then renamed."
    },
    footer = {
      "%nExample:",
      "  envelope init req.yaml && envelope estimate req.yaml",
      "  envelope init --minimal req.yaml",
      "  envelope init --example twitter twitter.yaml"
    })
final class InitCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write it; - or none prints it.")
  String file;

  @Option(names = "--example", paramLabel = "NAME", completionCandidates = BundledExamples.Names.class,
      description = "Start from a bundled example instead: ${COMPLETION-CANDIDATES}.")
  String example;

  @Option(names = "--minimal",
      description = "The keys a first estimate needs and nothing else (at most 25 lines), instead of every key.")
  boolean minimal;

  @Option(names = "--force", description = "Overwrite FILE if it is a regular file or a symbolic link.")
  boolean force;

  @Override
  public Integer call() {
    if (minimal && example != null) {
      throw new dev.envelope.diagnostic.EnvelopeException(dev.envelope.diagnostic.EnvelopeException.USAGE,
          "--minimal and --example: expected one of them; --minimal is the starter file's keys alone");
    }
    String text = example != null ? BundledExamples.read(example) : minimal ? StarterFile.minimal() : StarterFile.render();
    if (file == null || file.equals("-")) {
      Printer.write(root.context, StarterFile.fitted(text, root.context.columns()));
      return 0;
    }
    Output.writeAtomically(file, text, force);
    Printer.write(root.context, SafeText.line("wrote " + file + "; next: envelope estimate " + file) + "\n");
    return 0;
  }
}
