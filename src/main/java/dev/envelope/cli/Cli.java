package dev.envelope.cli;

import dev.envelope.model.EnvelopeException;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;

/** Builds the command line, runs it, and turns every failure into a message and an exit code. */
public final class Cli {
  private Cli() {}

  public static int run(Context context, String... args) {
    CommandLine cli = new CommandLine(new EnvelopeCommand(context));
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(Cli::failed);
    cli.setParameterExceptionHandler(Cli::badUsage);
    // Every command's --help lists the exit codes, not only the root's; a command whose codes
    // mean more (diff's 1) lists its own.
    var codes = cli.getCommandSpec().usageMessage().exitCodeList();
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
        sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
      }
    }
    if (args.length == 0) {
      cli.usage(context.err());
      context.err().flush();
      return EnvelopeException.USAGE;
    }
    int code = cli.execute(shorthand(cli.getSubcommands().keySet(), args));
    context.out().flush();
    if (context.out().checkError()) {
      context.err().println("envelope: cannot write the output (standard output is closed or full)");
      code = EnvelopeException.IO;
    }
    context.err().flush();
    return code;
  }

  /** {@code envelope FILE} is short for {@code envelope estimate FILE}. */
  static String[] shorthand(Set<String> commands, String[] args) {
    if (args.length == 0) {
      return args;
    }
    String first = args[0];
    // A word that is not a command is read as a file only if it looks like one, so that a
    // mistyped command ("estimte") gets picocli's "did you mean" instead of "no such file".
    boolean file = first.equals("-") || first.contains(".") || first.contains("/")
        || Input.exists(first);
    if (!file || commands.contains(first)) {
      return args;
    }
    String[] out = new String[args.length + 1];
    out[0] = "estimate";
    System.arraycopy(args, 0, out, 1, args.length);
    return out;
  }

  private static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof EnvelopeException failure) {
      for (String line : failure.lines()) {
        err.println(failure.diagnostics().isEmpty() ? "envelope: " + line : line);
      }
      return failure.exitCode();
    }
    err.println("envelope: internal error (this is a bug, please report it): " + e);
    if (debug(cli)) {
      e.printStackTrace(err);
    } else {
      err.println("envelope: rerun with --debug for the stack trace");
    }
    return EnvelopeException.BUG;
  }

  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("envelope: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    return EnvelopeException.USAGE;
  }

  private static boolean debug(CommandLine cli) {
    CommandLine root = cli;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return ((EnvelopeCommand) root.getCommand()).debug;
  }
}
