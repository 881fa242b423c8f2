package dev.envelope.cli;

import dev.envelope.diagnostic.EnvelopeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** The root command: lists the subcommands; {@code envelope FILE} runs {@code estimate}. */
public final class EnvelopeCommand implements Runnable {
  static final String[] DESCRIPTION = {
    "Back-of-the-envelope capacity estimates from a requirements file (YAML or JSON).",
    "envelope FILE is short for envelope estimate FILE."
  };

  /** The header of picocli's {@link CommandLine.HelpCommand}, which the root's list of commands shows. */
  static final String[] HELP_DESCRIPTION = {"Display help information about the specified command."};

  /**
   * The subcommands, in the order --help lists them, with their descriptions: {@link Cli} builds
   * only the one a command line names (see {@link Cli#commandLine}).
   */
  static final List<Subcommand> SUBCOMMANDS = List.of(
      // In the order a newcomer uses them: write a file, estimate it, look at one part, see how a
      // figure was worked out; then the SLA, checking in CI, what-ifs, and the cheat sheets.
      new Subcommand("init", InitCommand.DESCRIPTION),
      new Subcommand("estimate", EstimateCommand.DESCRIPTION),
      new Subcommand("qps", QpsCommand.DESCRIPTION),
      new Subcommand("storage", StorageCommand.DESCRIPTION),
      new Subcommand("bandwidth", BandwidthCommand.DESCRIPTION),
      new Subcommand("shards", ShardsCommand.DESCRIPTION),
      new Subcommand("explain", ExplainCommand.DESCRIPTION),
      new Subcommand("paths", PathsCommand.DESCRIPTION),
      new Subcommand("sla", SlaCommand.DESCRIPTION),
      new Subcommand("validate", ValidateCommand.DESCRIPTION),
      new Subcommand("check", CheckCommand.DESCRIPTION),
      new Subcommand("sweep", SweepCommand.DESCRIPTION),
      new Subcommand("sensitivity", SensitivityCommand.DESCRIPTION),
      new Subcommand("diff", DiffCommand.DESCRIPTION),
      new Subcommand("reference", ReferenceCommand.DESCRIPTION),
      new Subcommand("keyspace", KeyspaceCommand.DESCRIPTION),
      new Subcommand("schema", SchemaCommand.DESCRIPTION),
      new Subcommand("help", HELP_DESCRIPTION));

  /** A subcommand's name and description, known without building it. */
  record Subcommand(String name, String[] description) {}

  /**
   * The subcommand {@code name}, built in full: its spec, or for {@code help} picocli's own
   * command, which picocli reads from its annotations.
   */
  static Object subcommand(String name, Context context) {
    return switch (name) {
      case "init" -> new InitCommand(context).spec;
      case "estimate" -> new EstimateCommand(context).spec;
      case "qps" -> new QpsCommand(context).spec;
      case "storage" -> new StorageCommand(context).spec;
      case "bandwidth" -> new BandwidthCommand(context).spec;
      case "shards" -> new ShardsCommand(context).spec;
      case "explain" -> new ExplainCommand(context).spec;
      case "paths" -> new PathsCommand(context).spec;
      case "sla" -> new SlaCommand(context).spec;
      case "validate" -> new ValidateCommand(context).spec;
      case "check" -> new CheckCommand(context).spec;
      case "sweep" -> new SweepCommand(context).spec;
      case "sensitivity" -> new SensitivityCommand(context).spec;
      case "diff" -> new DiffCommand(context).spec;
      case "reference" -> new ReferenceCommand(context).spec;
      case "keyspace" -> new KeyspaceCommand(context).spec;
      case "schema" -> new SchemaCommand(context).spec;
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  final Context context;

  final CommandSpec spec;

  public EnvelopeCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "envelope", DESCRIPTION);
    spec.versionProvider(new VersionProvider());
    exitCodes(spec, "success", "a check failed (check: a budget; diff: --fail-over)");
    spec.addOption(OptionSpec.builder("--debug").type(boolean.class).scopeType(ScopeType.INHERIT)
        .description("Print stack traces of internal errors.").build());
  }

  /** Whether {@code --debug} was given, before or after the subcommand. */
  boolean debug() {
    return Specs.flag(spec, "--debug");
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }

  /**
   * The exit codes a command's help lists, under "Exit codes:": {@code success} for 0 and
   * {@code failed} for {@link EnvelopeException#CHECK_FAILED}, then the codes every command shares.
   */
  static void exitCodes(CommandSpec spec, String success, String failed) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", success);
    codes.put(String.valueOf(EnvelopeException.CHECK_FAILED), failed);
    codes.put(String.valueOf(EnvelopeException.USAGE), "bad command line");
    codes.put(String.valueOf(EnvelopeException.INVALID_INPUT), "invalid requirements file");
    codes.put(String.valueOf(EnvelopeException.IO), "input unreadable or output unwritable");
    codes.put(String.valueOf(EnvelopeException.INTERNAL), "internal error (a bug; --debug shows the stack trace)");
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
  }
}
