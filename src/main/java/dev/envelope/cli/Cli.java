package dev.envelope.cli;

import dev.envelope.app.Input;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.units.SafeText;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import dev.envelope.app.OutputFormat;

/** Builds the command line, runs it, and turns every failure into a message and an exit code. */
public final class Cli {
  private static final String HELP = "help";
  private static final Set<String> NAMES = names();

  private Cli() {}

  public static int run(Context context, String... args) {
    context = fitted(context);
    int code;
    try {
      String[] line = shorthand(NAMES, args);
      CommandLine cli = commandLine(context, invoked(line));
      if (args.length == 0) {
        cli.usage(context.err());
        context.err().flush();
        return EnvelopeException.USAGE;
      }
      code = cli.execute(line);
      context.out().flush();
    } catch (RuntimeException | Error e) {
      // picocli hands its handler exceptions only: an Error (a StackOverflowError, an
      // OutOfMemoryError) thrown by a command, or a failure outside the command, ends here.
      code = internalError(context.err(), e, List.of(args).contains("--debug"));
    }
    if (context.out().checkError()) {
      context.err().println("envelope: cannot write the output (standard output is closed or full)");
      code = EnvelopeException.IO;
    }
    context.err().flush();
    return code;
  }

  /** {@code context} with standard error fitted to its width, when it has one (stdout's reports fit themselves). */
  static Context fitted(Context context) {
    if (context.columns() < dev.envelope.render.Fit.MIN_WIDTH) {
      return context;
    }
    PrintWriter err = new PrintWriter(new FittedWriter(context.err(), context.columns()), true);
    return new Context(context.out(), err, context.in(), context.env(), context.terminal(), context.columns());
  }

  /** picocli's narrowest usage width. */
  private static final int NARROWEST_HELP = 55;

  /**
   * Reports a bug: one line naming the exception, then the stack trace with {@code --debug}, or a
   * line saying how to get it. Returns the exit code for it.
   */
  public static int internalError(PrintWriter err, Throwable e, boolean debug) {
    err.println(SafeText.line("envelope: internal error (this is a bug, please report it): " + e));
    if (debug) {
      // The exception's message may quote the input, on this line and in the trace's first.
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(SafeText.lines(trace.toString()));
    } else {
      err.println("envelope: rerun with --debug for the stack trace");
    }
    err.flush();
    return EnvelopeException.INTERNAL;
  }

  /** The whole command line, every subcommand built in full: for man pages and shell completion. */
  public static CommandLine commandLine(Context context) {
    return commandLine(context, HELP);
  }

  /**
   * The command line for a run of {@code named}. Each command declares its options in code
   * ({@link Specs}), and building them all still costs a short run time, so a run that names a
   * subcommand gets that one alone (picocli never looks at a sibling once a
   * subcommand is parsed), {@code help} gets every one (it prints another's usage), and a run that
   * names none (--help, --version, a mistyped command) gets a stub with each one's name and
   * description: enough for the root's usage and for suggestions, and never run.
   */
  static CommandLine commandLine(Context context, String named) {
    EnvelopeCommand root = new EnvelopeCommand(context);
    CommandLine cli = Specs.commandLine(root.spec);
    boolean known = NAMES.contains(named);
    for (EnvelopeCommand.Subcommand sub : EnvelopeCommand.SUBCOMMANDS) {
      if (named.equals(HELP) || sub.name().equals(named)) {
        cli.addSubcommand(sub.name(), EnvelopeCommand.subcommand(sub.name(), context));
      } else if (!known) {
        CommandSpec stub = CommandSpec.wrapWithoutInspection(null, Specs.FACTORY).name(sub.name());
        stub.usageMessage().description(sub.description());
        cli.addSubcommand(sub.name(), Specs.commandLine(stub));
      }
    }
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    if (context.columns() > 0) {
      cli.setUsageHelpWidth(Math.max(NARROWEST_HELP, context.columns()));
    }
    cli.setExecutionExceptionHandler(HANDLER);
    cli.setParameterExceptionHandler(HANDLER);
    // picocli's own fallback, should a handler fail: still an internal error, never 1.
    cli.getCommandSpec().exitCodeOnExecutionException(EnvelopeException.INTERNAL);
    // Every command's --help lists the exit codes, not only the root's; a command whose codes
    // mean more (diff's 1) lists its own.
    var codes = cli.getCommandSpec().usageMessage().exitCodeList();
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnExecutionException(EnvelopeException.INTERNAL);
      tailor(sub.getCommandSpec());
      if (sub.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
        sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
      }
    }
    return cli;
  }

  /** The commands that draw a sketch, and so take {@code -o mermaid} and {@code -o dot}. */
  private static final Set<String> SKETCHES = Set.of("estimate", "qps", "storage", "bandwidth", "shards");

  /** The commands that share {@code --scenarios} with the estimates but refuse it, each with its own message. */
  private static final Set<String> NO_SCENARIOS = Set.of("sla", "check", "sweep", "sensitivity", "diff");

  /** A {@code --get} path each command's output has, for its help: one that works as printed. */
  static final java.util.Map<String, String> GET_EXAMPLES = java.util.Map.ofEntries(
      java.util.Map.entry("estimate", "capacity.servers"),
      java.util.Map.entry("qps", "traffic.total.peak_per_second"),
      java.util.Map.entry("storage", "storage.bytes_retained"),
      java.util.Map.entry("bandwidth", "bandwidth.egress.peak_bytes_per_second"),
      java.util.Map.entry("shards", "capacity.shards"),
      java.util.Map.entry("explain", "steps.0.result.value"),
      java.util.Map.entry("sla", "tiers.0.downtime_seconds.month"),
      java.util.Map.entry("sweep", "capacity.servers"),
      java.util.Map.entry("sensitivity", "inputs.0.input"),
      java.util.Map.entry("diff", "capacity.servers"),
      java.util.Map.entry("reference", "conversions.rows.0.per_month"),
      java.util.Map.entry("keyspace", "length"));

  /**
   * A command's help as the command is: {@code -o} lists only the formats it accepts, {@code --get}
   * gives a path its output has, and an option it shares but refuses ({@code --scenarios}) is
   * hidden, still read so that its refusal keeps its message.
   */
  private static void tailor(CommandSpec spec) {
    String name = spec.name();
    OptionSpec output = spec.findOption("--output");
    if (output != null && output.type() == OutputFormat.class && !SKETCHES.contains(name)) {
      replace(spec, output, OptionSpec.builder(output)
          .completionCandidates(List.of("table", "json", "yaml", "markdown", "csv")));
    }
    OptionSpec get = spec.findOption("--get");
    if (get != null && GET_EXAMPLES.containsKey(name)) {
      // The example on a line of its own, so that no path is cut at a dot.
      replace(spec, get, OptionSpec.builder(get).description("Print one raw value by its JSON path; repeatable: one"
          + " value a line, in the order given. E.g.%n--get " + GET_EXAMPLES.get(name)));
    }
    OptionSpec scenarios = spec.findOption("--scenarios");
    if (scenarios != null && NO_SCENARIOS.contains(name)) {
      replace(spec, scenarios, OptionSpec.builder(scenarios).hidden(true));
    }
  }

  private static void replace(CommandSpec spec, OptionSpec old, OptionSpec.Builder replacement) {
    spec.remove(old);
    spec.addOption(replacement.build());
  }

  /**
   * The subcommand {@code args} names: its first word that is not an option (the root's options
   * take no value), or "" when there is none.
   */
  static String invoked(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-") || arg.equals("-")) {
        return arg;
      }
    }
    return "";
  }

  private static Set<String> names() {
    Set<String> names = new HashSet<>();
    for (EnvelopeCommand.Subcommand sub : EnvelopeCommand.SUBCOMMANDS) {
      names.add(sub.name());
    }
    return Set.copyOf(names);
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

  /**
   * picocli's handlers of a failed command and of a bad command line: a class, not method
   * references, which on JDK 17 would link through LambdaMetafactory on every run.
   */
  private static final Handler HANDLER = new Handler();

  private static final class Handler implements CommandLine.IExecutionExceptionHandler,
      CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
      return failed(e, cli, parsed);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      return badUsage(e, args);
    }
  }

  private static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof EnvelopeException failure) {
      for (String line : failure.lines()) {
        err.println(failure.diagnostics().isEmpty() ? "envelope: " + line : line);
      }
      return failure.exitCode();
    }
    return internalError(err, e, debug(cli));
  }

  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    // picocli quotes the arguments as given: cut long ones, escape control characters.
    err.println(SafeText.line("envelope: " + bounded(e.getMessage(), args)));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    return EnvelopeException.USAGE;
  }

  /**
   * picocli's {@code message} with each long argument it quotes cut as a value in a diagnostic is
   * ({@link Diagnostic#got}): an option's value of 120 KB must not come back whole.
   */
  static String bounded(String message, String[] args) {
    String m = message == null ? "" : message;
    for (String arg : args) {
      // The whole argument, and the value of --option=value, which picocli quotes alone.
      int eq = arg.indexOf('=');
      for (String part : eq < 0 ? List.of(arg) : List.of(arg, arg.substring(eq + 1))) {
        if (!part.equals(Diagnostic.got(part))) {
          m = m.replace(part, Diagnostic.got(part));
        }
      }
    }
    return m;
  }

  private static boolean debug(CommandLine cli) {
    CommandLine root = cli;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return ((EnvelopeCommand) root.getCommand()).debug();
  }
}
