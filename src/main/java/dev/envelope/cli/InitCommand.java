package dev.envelope.cli;

import dev.envelope.app.Input;
import dev.envelope.render.StarterFile;
import dev.envelope.units.SafeText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope init [FILE]}: a starter requirements file, or a bundled example. */
final class InitCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Write a starter requirements file: every key with what it means, its default and its units, and values"
        + " that estimate as written. Without FILE (or with -), print it.",
    "An existing FILE is left alone (exit 2) unless --force, which replaces a regular file or a"
        + " symbolic link (the link itself), never a directory, FIFO, device or socket (exit 4). The file"
        + " is written whole or not at all: a temporary file beside it, then renamed."
  };

  private final Context context;

  final CommandSpec spec;

  String file;

  String example;

  boolean minimal;

  boolean force;

  InitCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "init", DESCRIPTION);
    spec.usageMessage().footer("%nExample:", "  envelope init req.yaml && envelope estimate req.yaml",
        "  envelope init --minimal req.yaml", "  envelope init --example twitter twitter.yaml");
    spec.addPositional(Specs.optional("FILE", "Where to write it; - or none prints it.").build());
    spec.addOption(Specs.value("--example", "NAME", "Start from a bundled example instead: ${COMPLETION-CANDIDATES}.")
        .completionCandidates(new BundledExamples.Names()).build());
    spec.addOption(Specs.flag("--minimal",
        "The keys a first estimate needs and nothing else (at most 25 lines), instead of every key."));
    spec.addOption(Specs.flag("--force", "Overwrite FILE if it is a regular file or a symbolic link."));
  }

  private void read() {
    file = Specs.positional(spec, 0);
    example = Specs.value(spec, "--example");
    minimal = Specs.flag(spec, "--minimal");
    force = Specs.flag(spec, "--force");
  }

  @Override
  public Integer call() {
    read();
    if (minimal && example != null) {
      throw new dev.envelope.diagnostic.EnvelopeException(dev.envelope.diagnostic.EnvelopeException.USAGE,
          "--minimal and --example: expected one of them; --minimal is the starter file's keys alone");
    }
    String text = example != null ? BundledExamples.read(example) : minimal ? StarterFile.minimal() : StarterFile.render();
    if (file == null || file.equals("-")) {
      Printer.write(context, StarterFile.fitted(text, context.columns()));
      return 0;
    }
    Output.writeAtomically(file, text, force);
    Printer.write(context, SafeText.line("wrote " + file + "; next: envelope estimate " + file) + "\n");
    return 0;
  }
}
