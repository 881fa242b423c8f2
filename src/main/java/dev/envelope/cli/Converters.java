package dev.envelope.cli;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Counts;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Span;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The option values that are quantities, parsed by units/ as the file's values are. picocli reports
 * a refusal as {@code Invalid value for option '--samples': ...}, exit 2.
 */
final class Converters {
  private Converters() {}

  /** Enough for four-digit percentiles; each figure holds this many doubles in memory. */
  static final int MAX_SAMPLES = 1_000_000;

  /** {@code --samples N}: a whole number of draws, 1 to 1,000,000, with K or M if wanted. */
  static final class Samples implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      double parsed;
      try {
        parsed = Counts.parse(value);
      } catch (QuantityException e) {
        parsed = Double.NaN;
      }
      if (!(parsed >= 1 && parsed <= MAX_SAMPLES) || parsed != Math.rint(parsed)) {
        throw new TypeConversionException("'" + Diagnostic.got(value)
            + "'; expected a whole number of draws from 1 to 1,000,000 (or 10K, 100K, 1M)");
      }
      return (int) parsed;
    }
  }

  /** One of {@code --percentiles LIST}: a number above 0 and below 100, {@code p} before it allowed. */
  static final class Percentile implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String t = value.strip();
      if (t.startsWith("p") || t.startsWith("P")) {
        t = t.substring(1);
      }
      double p;
      try {
        // The numbers of a file: Double.parseDouble would take 0x1p3 and 5d too.
        p = Numbers.parse(t, "a percentile");
      } catch (QuantityException e) {
        p = Double.NaN;
      }
      if (!(p > 0 && p < 100) || t.contains("e") || t.contains("E")) {
        throw new TypeConversionException("'" + Diagnostic.got(value.strip())
            + "' is not a percentile; expected numbers above 0 and below 100, such as 5,50,95 or 1,50,99.9");
      }
      return p;
    }
  }

  /** {@code --calendar NAME}: sre, gregorian or julian. */
  static final class CalendarName implements ITypeConverter<Calendar> {
    @Override
    public Calendar convert(String value) {
      try {
        return Calendar.named(value);
      } catch (QuantityException e) {
        throw new TypeConversionException("unknown calendar '" + Diagnostic.got(value)
            + "'; expected sre, gregorian or julian");
      }
    }
  }

  /** {@code --per PERIOD}: one of the SLA periods. */
  static final class Period implements ITypeConverter<CalendarUnit> {
    @Override
    public CalendarUnit convert(String value) {
      for (CalendarUnit u : Calendar.SLA_PERIODS) {
        if (u.key().equals(value.strip().toLowerCase(Locale.ROOT))) {
          return u;
        }
      }
      throw new TypeConversionException("unknown period '" + Diagnostic.got(value)
          + "'; expected hour, day, week, month, quarter or year");
    }
  }

  /** A duration as written and as read: its seconds depend on the calendar, its text goes into messages. */
  record Written(String text, Span span) {}

  /** {@code --downtime DURATION}: a duration with its unit. */
  static final class Duration implements ITypeConverter<Written> {
    @Override
    public Written convert(String value) {
      try {
        return new Written(value, Span.parse(value));
      } catch (QuantityException e) {
        throw new TypeConversionException("'" + Diagnostic.got(value) + "': " + e.problem() + "; expected "
            + e.expected());
      }
    }
  }
}
