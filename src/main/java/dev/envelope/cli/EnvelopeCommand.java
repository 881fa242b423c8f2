package dev.envelope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands; {@code envelope FILE} runs {@code estimate}. */
@Command(
    name = "envelope",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Back-of-the-envelope capacity estimates from a requirements file (YAML or JSON).",
      "envelope FILE is short for envelope estimate FILE."
    },
    subcommands = {
      EstimateCommand.class,
      QpsCommand.class,
      StorageCommand.class,
      BandwidthCommand.class,
      ShardsCommand.class,
      ExplainCommand.class,
      SlaCommand.class,
      CheckCommand.class,
      SweepCommand.class,
      SensitivityCommand.class,
      DiffCommand.class,
      ReferenceCommand.class,
      KeyspaceCommand.class,
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      InitCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a check failed (check: a budget; diff: --fail-over); otherwise an internal error (a bug; --debug shows the stack trace)",
      "2:bad command line",
      "3:invalid requirements file",
      "4:input unreadable or output unwritable"
    })
public final class EnvelopeCommand implements Runnable {
  final Context context;

  @Spec CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of internal errors.")
  boolean debug;

  public EnvelopeCommand(Context context) {
    this.context = context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }
}
