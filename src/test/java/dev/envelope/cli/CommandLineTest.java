package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line built for one run has what that run needs, and no less than the whole one. */
class CommandLineTest {
  static final Context CONTEXT =
      new Context(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), InputStream.nullInputStream(), Map.of(), false);

  @Test
  void eachSubcommandIsBuiltUnderItsListedNameWithItsListedDescription() {
    for (EnvelopeCommand.Subcommand sub : EnvelopeCommand.SUBCOMMANDS.subList(0, EnvelopeCommand.SUBCOMMANDS.size() - 1)) {
      CommandLine built = Cli.commandLine(CONTEXT, sub.name()).getSubcommands().get(sub.name());
      assertThat(built.getCommandName()).isEqualTo(sub.name());
      assertThat(built.getCommandSpec().usageMessage().description()).as(sub.name())
          .containsExactly(sub.description());
    }
  }

  @Test
  void helpIsListedLastWithTheHeaderOfPicocliHelpCommand() {
    // The root's list of commands shows a command's header when it has one.
    assertThat(EnvelopeCommand.SUBCOMMANDS.get(EnvelopeCommand.SUBCOMMANDS.size() - 1).name()).isEqualTo("help");
    assertThat(EnvelopeCommand.HELP_DESCRIPTION)
        .containsExactly(CommandLine.HelpCommand.class.getAnnotation(Command.class).header());
  }

  @Test
  void noAnnotationIsReadForARunThatNamesNoHelp() {
    // Annotations would cost a short run the JVM's proxies and picocli's reflection; help alone
    // reads picocli's own HelpCommand.
    for (EnvelopeCommand.Subcommand sub : EnvelopeCommand.SUBCOMMANDS) {
      if (!sub.name().equals("help")) {
        Object command = Cli.commandLine(CONTEXT, sub.name()).getSubcommands().get(sub.name()).getCommand();
        assertThat(command.getClass().getAnnotations()).as(sub.name()).isEmpty();
        for (java.lang.reflect.Field field : command.getClass().getDeclaredFields()) {
          assertThat(field.getAnnotations()).as(sub.name() + "." + field.getName()).isEmpty();
        }
      }
    }
  }

  @Test
  void rootHelpFromStubsIsTheWholeCommandLinesHelp() {
    // The stubs carry names and descriptions only; the command list they give must not differ.
    CommandLine whole = Cli.commandLine(CONTEXT);
    assertThat(CliRun.run("--help").out()).isEqualTo(whole.getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  @Test
  void aNamedSubcommandIsBuiltAloneAndInFull() {
    Map<String, CommandLine> subcommands = Cli.commandLine(CONTEXT, "qps").getSubcommands();
    assertThat(subcommands.keySet()).containsExactly("qps");
    assertThat((Object) subcommands.get("qps").getCommand()).isInstanceOf(QpsCommand.class);
  }

  @Test
  void helpGetsEverySubcommandInFull() {
    Map<String, CommandLine> subcommands = Cli.commandLine(CONTEXT, "help").getSubcommands();
    assertThat(subcommands.keySet()).hasSize(EnvelopeCommand.SUBCOMMANDS.size());
    assertThat((Object) subcommands.get("estimate").getCommand()).isInstanceOf(EstimateCommand.class);
  }

  @Test
  void debugIsReadBeforeOrAfterTheSubcommand() {
    // The subcommand's --debug is the root's, inherited: one value whichever side it is given on.
    for (List<String> args : List.of(List.of("estimate", "x.yaml", "--debug"), List.of("--debug", "estimate", "x.yaml"))) {
      CommandLine cli = Cli.commandLine(CONTEXT, "estimate");
      cli.parseArgs(args.toArray(String[]::new));
      assertThat(((EnvelopeCommand) cli.getCommand()).debug()).as(args.toString()).isTrue();
    }
    CommandLine cli = Cli.commandLine(CONTEXT, "estimate");
    cli.parseArgs("estimate", "x.yaml");
    assertThat(((EnvelopeCommand) cli.getCommand()).debug()).isFalse();
  }

  @Test
  void theInvokedSubcommandIsTheFirstWordThatIsNotAnOption() {
    assertThat(Cli.invoked(new String[] {"--debug", "estimate", "x.yaml"})).isEqualTo("estimate");
    assertThat(Cli.invoked(new String[] {"-"})).isEqualTo("-");
    assertThat(Cli.invoked(new String[] {"--help"})).isEmpty();
  }

  @Test
  void noOptionHasATypeWhoseConverterMainLeavesOut() {
    // Main.main excludes picocli's java.sql and java.time converters to start faster.
    CommandLine whole = Cli.commandLine(CONTEXT);
    List<CommandLine> all = new ArrayList<>(whole.getSubcommands().values());
    all.add(whole);
    for (CommandLine cli : all) {
      for (CommandLine.Model.ArgSpec arg : cli.getCommandSpec().args()) {
        List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
        types.add(arg.type());
        for (Class<?> type : types) {
          assertThat(type.getName()).as(cli.getCommandName() + " " + arg).doesNotStartWith("java.sql.").doesNotStartWith("java.time.");
        }
      }
    }
  }

  @Test
  void aMistypedCommandStillGetsSuggestions() {
    CliRun run = CliRun.run("estimte");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains("estimate");
  }
}
