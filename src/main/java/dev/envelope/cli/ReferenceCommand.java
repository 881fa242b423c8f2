package dev.envelope.cli;

import dev.envelope.app.Input;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.ReferenceData;
import dev.envelope.model.Requirements;
import dev.envelope.model.Suggest;
import dev.envelope.render.ReferenceReport;
import dev.envelope.render.ReferenceReport.Sheet;
import dev.envelope.units.Calendar;
import dev.envelope.units.QuantityException;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import java.util.stream.Stream;

/** {@code envelope reference [SHEET...]}: the numbers candidates memorise, each with its source. */
final class ReferenceCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Cheat sheets with the source and date of every number: latency numbers, powers of two,"
        + " availability nines, rate conversions and the typical throughput of one node.",
    "Without a SHEET: all five, in that order. Nines and conversions use the --calendar's periods"
        + " (default sre: 30-day month, 365-day year)."
  };

  private final Context context;

  final CommandSpec spec;

  List<String> names;

  String calendar;

  OutputOptions output;

  ReferenceCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "reference", DESCRIPTION, "  envelope reference", "  envelope reference latency",
        "  envelope reference throughput", "  envelope reference nines conversions -o markdown",
        "  envelope reference conversions --get conversions.rows.0.per_month");
    spec.addPositional(Specs.positionals("SHEET",
        "latency, powers, nines, conversions or throughput; several are printed in the order given.").arity("0..*")
        .build());
    spec.addOption(Specs.value("--calendar", "NAME",
        "Period lengths for nines and conversions: sre (default), gregorian or julian.").build());
    OutputOptions.declare(spec);
  }

  private void read() {
    names = Specs.positionals(spec, 0);
    calendar = Specs.value(spec, "--calendar");
    output = OutputOptions.of(spec);
  }

  @Override
  public Integer call() {
    read();
    Set<Sheet> sheets = new LinkedHashSet<>();
    for (String name : names) {
      sheets.add(ReferenceReport.sheet(name).orElseThrow(() -> unknown(name)));
    }
    if (sheets.isEmpty()) {
      sheets.addAll(List.of(Sheet.values()));
    }
    Calendar cal = Calendar.SRE;
    if (calendar != null) {
      try {
        cal = Calendar.named(calendar);
      } catch (QuantityException e) {
        throw new EnvelopeException(EnvelopeException.USAGE,
            "--calendar: unknown calendar '" + Diagnostic.got(calendar) + "'; expected sre, gregorian or julian");
      }
    }
    Printer.print(context, ReferenceReport.build(ReferenceData.load(), List.copyOf(sheets),
        Requirements.Conventions.of(cal, UnitSystem.SI)), output);
    return 0;
  }

  private static EnvelopeException unknown(String name) {
    List<String> keys = Stream.of(Sheet.values()).map(Sheet::key).toList();
    String suggestion = Suggest.closest(name, keys);
    return new EnvelopeException(EnvelopeException.USAGE, "reference: unknown sheet '" + Diagnostic.got(name) + "'"
        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + "; expected "
        + String.join(", ", keys));
  }
}
