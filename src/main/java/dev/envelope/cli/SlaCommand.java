package dev.envelope.cli;

import dev.envelope.app.Input;
import dev.envelope.app.Session;
import dev.envelope.estimate.Sla;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader;
import dev.envelope.render.ConventionsBlock;
import dev.envelope.render.Report;
import dev.envelope.render.SlaReport;
import dev.envelope.units.Calendar;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Fractions;
import dev.envelope.units.UnitSystem;
import dev.envelope.render.Tree;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Format;
import dev.envelope.units.Numbers;
import dev.envelope.units.Span;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code envelope sla [TARGET...] [FILE]}: allowed downtime per SLA tier. */
final class SlaCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Allowed downtime per hour, day, week, month, quarter and year for SLA targets.",
    "Without targets: the standard tiers 99%% to 99.999%%. With a FILE: its availability.target and calendar."
  };

  private final Context context;

  final CommandSpec spec;

  List<String> args;

  Calendar calendar;

  /** {@code --downtime} and the period it is per: {@code --per} only beside {@code --downtime}. */
  record Reverse(Converters.Written downtime, CalendarUnit per) {}

  Reverse reverse;

  InputOptions input;

  OutputOptions output;

  SlaCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "sla", DESCRIPTION,
        "  envelope sla", "  envelope sla 99.95%% \"four nines\" --calendar gregorian", "  envelope sla 4 -o json",
        "  envelope sla --downtime 4h --per month", "  envelope sla examples/twitter.yaml");
    spec.addPositional(Specs.positionals("TARGET|FILE", "Targets such as 99.95%%, 99.95 (a bare number above"
        + " 15 is a percentage), 0.9995, \"3.5 nines\", \"four nines\", or 4 (four nines); or one requirements file"
        + " (- for stdin).").arity("0..*").build());
    spec.addOption(OptionSpec.builder("--calendar").paramLabel("NAME").type(Calendar.class)
        .converters(new Converters.CalendarName())
        .description("Period lengths: sre (30-day month, 90-day quarter, 365-day year; default), gregorian or julian.")
        .build());
    // --per only beside --downtime: a group, which picocli checks and describes in the synopsis.
    spec.addArgGroup(ArgGroupSpec.builder().exclusive(false)
        .addArg(OptionSpec.builder("--downtime").paramLabel("DURATION").required(true)
            .type(Converters.Written.class).converters(new Converters.Duration())
            .description("Reverse: the availability that allows this much downtime (e.g. 4h, 30min, 1d) per --per"
                + " period.").build())
        .addArg(OptionSpec.builder("--per").paramLabel("PERIOD").type(CalendarUnit.class)
            .converters(new Converters.Period()).completionCandidates(new Completion.Periods())
            .description("The period of --downtime: hour, day, week, month, quarter or year (default: month).")
            .build())
        .build());
    InputOptions.declare(spec);
    OutputOptions.declare(spec);
  }

  private void read() {
    args = Specs.positionals(spec, 0);
    calendar = Specs.value(spec, "--calendar");
    Converters.Written downtime = Specs.value(spec, "--downtime");
    reverse = downtime == null ? null : new Reverse(downtime, Specs.value(spec, "--per"));
    input = InputOptions.of(spec);
    output = OutputOptions.of(spec);
  }

  @Override
  public Integer call() {
    read();
    List<Double> targets = new ArrayList<>();
    String file = null;
    for (String arg : args) {
      try {
        // A bare count of nines is shorthand: 4 is "4 nines", 3.5 is "3.5 nines".
        // Above 15 (the most nines there are) and below 100, a bare number can only be a percentage: 99.9 is 99.9%.
        String shorthand = NINES_SHORTHAND.matcher(arg.strip()).matches() ? arg + " nines"
            : percentage(arg) ? arg.strip() + "%" : arg;
        targets.add(Fractions.target(shorthand));
        continue;
      } catch (QuantityException notATarget) {
        if (!looksLikeFile(arg)) {
          throw new EnvelopeException(EnvelopeException.USAGE, "sla: " + notATarget.problem() + " (got '" + Diagnostic.got(arg)
              + "'); expected " + notATarget.expected() + ", or a requirements file");
        }
        if (file != null) {
          throw new EnvelopeException(EnvelopeException.USAGE,
              "sla: more than one file (" + Diagnostic.got(file) + ", " + Diagnostic.got(arg) + "); expected at most one requirements file");
        }
      }
      file = arg;
    }
    boolean targetsGiven = !targets.isEmpty();
    Requirements.Conventions conventions = Requirements.Conventions.of(Calendar.SRE, UnitSystem.SI);
    String title = "SLA tiers";
    if (file != null) {
      if (input.all) {
        throw new EnvelopeException(EnvelopeException.USAGE,
            "sla: --scenarios is for estimates; expected --scenario NAME to take one scenario's target");
      }
      Requirements req = Session.read(file, context.in(), input.assignments()).document()
          .bind(RequirementsReader.Need.SLA, input.scenario(), input.assignments());
      conventions = req.conventions();
      title = "SLA tiers (" + req.source() + ")";
      if (targets.isEmpty()) {
        req.availabilityTarget().ifPresent(targets::add);
      }
    }
    if (calendar != null) {
      // The SLA periods come from the calendar alone; a file's shortcuts for rates do not apply.
      conventions = Requirements.Conventions.of(calendar, conventions.units());
    }
    if (file == null && (!input.sets.isEmpty() || input.scenario != null || input.all)) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          "sla: --set and --scenario apply to a requirements file; expected a FILE argument");
    }
    Optional<Tree> impliedBy = Optional.empty();
    if (reverse != null) {
      if (targetsGiven) {
        throw new EnvelopeException(EnvelopeException.USAGE,
            "sla: --downtime gives the target; expected either targets or --downtime, not both");
      }
      Implied implied = implied(reverse.downtime, reverse.per == null ? CalendarUnit.MONTH : reverse.per,
          conventions.calendar());
      targets.clear();
      targets.add(implied.target());
      impliedBy = Optional.of(implied.tree());
    }
    List<Double> highlighted = List.copyOf(targets);
    if (targets.isEmpty()) {
      targets.addAll(Sla.STANDARD_TIERS);
    }
    Report report = SlaReport.build(title,
        List.of("periods: " + ConventionsBlock.calendar(conventions.calendar())),
        ConventionsBlock.tree(conventions), conventions.calendar(), targets, highlighted);
    impliedBy.ifPresent(t -> report.tree().put("implied_by", t));
    Printer.print(context, report, output);
    return 0;
  }

  /** 1 to 15 nines, or N.5; other bare numbers above 1 and up to 15 are refused with a hint. */
  private static final Pattern NINES_SHORTHAND = Pattern.compile("(1[0-5]|[1-9])(\\.5)?");

  /** Whether {@code arg} is a bare number above 15 and below 100, which only a percentage can be. */
  private static boolean percentage(String arg) {
    if (!Numbers.isNumber(arg)) {
      return false;
    }
    try {
      double value = Numbers.parse(arg, "a number");
      return value > 15 && value < 100;
    } catch (QuantityException e) {
      return false;
    }
  }

  private record Implied(double target, Tree tree) {}

  /** The target that allows {@code downtime} per {@code unit}: 1 - downtime / period. */
  private static Implied implied(Converters.Written downtime, CalendarUnit unit, Calendar calendar) {
    // The calendar's own lengths, as for the periods: a file's shortcuts are for rates only.
    double seconds = downtime.span().seconds(Requirements.Conventions.of(calendar, UnitSystem.SI).time());
    String shown = downtime.text();
    double periodSeconds = calendar.periodSeconds(unit);
    if (!(seconds > 0) || seconds >= periodSeconds) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--downtime " + Diagnostic.got(shown) + ": must be above zero and "
          + "shorter than the " + unit.key() + " (" + Format.duration(periodSeconds) + ")");
    }
    if (!Sla.impliable(seconds, unit, calendar)) {
      // A downtime of under about 1e-16 of the period: the target would be 100% as a double,
      // with no downtime to show and infinitely many nines.
      throw new EnvelopeException(EnvelopeException.USAGE, "--downtime " + Diagnostic.got(shown)
          + ": too short for a " + unit.key() + " (" + Format.duration(periodSeconds)
          + "): the target would round to 100%; expected at least " + Format.sig3(Sla.shortestDowntime(unit, calendar))
          + " s per " + unit.key());
    }
    Sla.Implied implied = Sla.implied(seconds, unit, calendar);
    Tree tree = new Tree();
    tree.put("downtime_seconds", implied.downtimeSeconds(), Tree.Quantity.Kind.SECONDS);
    tree.put("per", unit.key());
    tree.put("period_seconds", implied.periodSeconds(), Tree.Quantity.Kind.SECONDS);
    return new Implied(implied.target(), tree);
  }

  private static boolean looksLikeFile(String arg) {
    return arg.equals("-") || arg.contains("/") || arg.contains(".yaml") || arg.contains(".yml")
        || arg.contains(".json") || Input.exists(arg);
  }
}
