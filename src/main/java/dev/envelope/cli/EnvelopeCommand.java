package dev.envelope.cli;

import dev.envelope.diagnostic.EnvelopeException;
import java.util.List;
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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      EnvelopeException.CHECK_FAILED + ":a check failed (check: a budget; diff: --fail-over)",
      EnvelopeException.USAGE + ":bad command line",
      EnvelopeException.INVALID_INPUT + ":invalid requirements file",
      EnvelopeException.IO + ":input unreadable or output unwritable",
      EnvelopeException.INTERNAL + ":internal error (a bug; --debug shows the stack trace)"
    })
public final class EnvelopeCommand implements Runnable {
  /**
   * The subcommands, in the order --help lists them. Not in the annotation: {@link Cli} builds only
   * the one a command line names (see {@link Cli#commandLine}). Each name is its annotation's.
   */
  static final List<Subcommand> SUBCOMMANDS = List.of(
      // In the order a newcomer uses them: write a file, estimate it, look at one part, see how a
      // figure was worked out; then the SLA, checking in CI, what-ifs, and the cheat sheets.
      new Subcommand("init", InitCommand.class),
      new Subcommand("estimate", EstimateCommand.class),
      new Subcommand("qps", QpsCommand.class),
      new Subcommand("storage", StorageCommand.class),
      new Subcommand("bandwidth", BandwidthCommand.class),
      new Subcommand("shards", ShardsCommand.class),
      new Subcommand("explain", ExplainCommand.class),
      new Subcommand("paths", PathsCommand.class),
      new Subcommand("sla", SlaCommand.class),
      new Subcommand("validate", ValidateCommand.class),
      new Subcommand("check", CheckCommand.class),
      new Subcommand("sweep", SweepCommand.class),
      new Subcommand("sensitivity", SensitivityCommand.class),
      new Subcommand("diff", DiffCommand.class),
      new Subcommand("reference", ReferenceCommand.class),
      new Subcommand("keyspace", KeyspaceCommand.class),
      new Subcommand("schema", SchemaCommand.class),
      new Subcommand("help", CommandLine.HelpCommand.class));

  /** A subcommand's name, known without reading its class's annotations, and its class. */
  record Subcommand(String name, Class<?> type) {}

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
