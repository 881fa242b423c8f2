package dev.envelope.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as written: {@code 5y}, {@code 36mo}, {@code 30d}, or ISO-8601 {@code P1Y6M},
 * {@code PT12H}. Kept in its units so that the file's conventions decide the seconds.
 */
public record Span(List<Term> terms) {
  public record Term(double amount, CalendarUnit unit) {}

  private static final Pattern SIMPLE = Pattern.compile("([0-9.eE+_,-]+)\\s*([a-zA-Z]+)");
  private static final Pattern ISO =
      Pattern.compile(
          "P(?:([0-9.]+)Y)?(?:([0-9.]+)M)?(?:([0-9.]+)W)?(?:([0-9.]+)D)?"
              + "(?:T(?:([0-9.]+)H)?(?:([0-9.]+)M)?(?:([0-9.]+)S)?)?");
  private static final CalendarUnit[] ISO_UNITS = {
    CalendarUnit.YEAR, CalendarUnit.MONTH, CalendarUnit.WEEK, CalendarUnit.DAY,
    CalendarUnit.HOUR, CalendarUnit.MINUTE, CalendarUnit.SECOND
  };

  public Span {
    terms = List.copyOf(terms);
  }

  public static Span parse(String text) {
    String t = text.strip();
    String expected = "a duration with its unit: " + CalendarUnit.SPAN_UNITS;
    if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
      Matcher m = ISO.matcher(t.toUpperCase(Locale.ROOT));
      if (!m.matches() || t.equalsIgnoreCase("P") || t.toUpperCase(Locale.ROOT).endsWith("T")) {
        throw new QuantityException("not an ISO-8601 duration", expected);
      }
      List<Term> terms = new ArrayList<>();
      for (int i = 0; i < ISO_UNITS.length; i++) {
        if (m.group(i + 1) != null) {
          terms.add(new Term(Numbers.parse(m.group(i + 1), expected), ISO_UNITS[i]));
        }
      }
      return new Span(terms);
    }
    if (Numbers.isNumber(t)) {
      throw new QuantityException("a duration needs its unit", expected);
    }
    Matcher m = SIMPLE.matcher(t);
    if (!m.matches()) {
      throw new QuantityException("not a duration", expected);
    }
    CalendarUnit unit = CalendarUnit.lookup(m.group(2), false);
    if (unit == null) {
      throw new QuantityException("unknown time unit '" + m.group(2) + "'", expected);
    }
    double amount = Numbers.parse(m.group(1), expected);
    if (amount < 0) {
      throw new QuantityException("a duration cannot be negative", expected);
    }
    return new Span(List.of(new Term(amount, unit)));
  }

  public double seconds(TimeBase base) {
    double total = 0;
    for (Term term : terms) {
      total += term.amount() * base.seconds(term.unit());
    }
    return total;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Term term : terms) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Format.plain(term.amount())).append(' ').append(term.unit().symbol());
      if (term.amount() != 1) {
        sb.append(term.unit() == CalendarUnit.SECOND || term.unit() == CalendarUnit.MINUTE
            || term.unit() == CalendarUnit.HOUR ? "" : "s");
      }
    }
    return sb.toString();
  }
}
