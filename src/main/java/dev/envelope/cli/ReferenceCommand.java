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
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envelope reference [SHEET...]}: the numbers candidates memorise, each with its source. */
@Command(name = "reference", mixinStandardHelpOptions = true,
    description = {
      "Cheat sheets with the source and date of every number: latency numbers, powers of two,"
          + " availability nines, rate conversions and the typical throughput of one node.",
      "Without a SHEET: all five, in that order. Nines and conversions use the --calendar's periods"
          + " (default sre: 30-day month, 365-day year)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  envelope reference", "  envelope reference latency", "  envelope reference throughput",
      "  envelope reference nines conversions -o markdown",
      "  envelope reference conversions --get conversions.rows.0.per_month"})
final class ReferenceCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(paramLabel = "SHEET", arity = "0..*",
      description = "latency, powers, nines, conversions or throughput; several are printed in the order given.")
  List<String> names = new ArrayList<>();

  @Option(names = "--calendar", paramLabel = "NAME",
      description = "Period lengths for nines and conversions: sre (default), gregorian or julian.")
  String calendar;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
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
    Printer.print(root.context, ReferenceReport.build(ReferenceData.load(), List.copyOf(sheets),
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
