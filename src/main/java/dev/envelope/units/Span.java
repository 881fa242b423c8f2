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
  private static final Pattern TERM = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]+)");
  private static final Pattern COMPOUND =
      Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?\\s*[a-zA-Z]+\\s*){2,}");
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

  /**
   * Longest duration accepted: "1 year 11 months 3 weeks 6 days 23 hours 59 minutes 59 seconds" is
   * 63 characters. The compound pattern recurses once per term, so a value of thousands of terms
   * would overflow the stack.
   */
  private static final int MAX_LENGTH = 100;

  public static Span parse(String text) {
    String t = Numbers.spaces(text);
    String expected = "a duration with its unit: " + CalendarUnit.SPAN_UNITS;
    if (t.length() > MAX_LENGTH) {
      throw new QuantityException("duration is too long (" + t.length() + " characters)",
          expected + ", of at most " + MAX_LENGTH + " characters");
    }
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
    Matcher simple = SIMPLE.matcher(t);
    if (simple.matches()) {
      return new Span(List.of(term(simple, false, expected)));
    }
    // A compound duration as tables print it: "43m 12s", "1h 30min", "2d 4h".
    if (!COMPOUND.matcher(t).matches()) {
      throw new QuantityException("not a duration", expected);
    }
    Matcher m = TERM.matcher(t);
    List<Term> terms = new ArrayList<>();
    while (m.find()) {
      // "m" is ambiguous (minute or month) on its own, but not before seconds: 43m 12s.
      boolean minutes = m.group(2).equals("m") && t.substring(m.end()).strip().matches("[0-9.]+\\s*s");
      terms.add(term(m, minutes, expected));
    }
    return new Span(terms);
  }

  private static Term term(Matcher m, boolean mIsMinute, String expected) {
    CalendarUnit unit = mIsMinute ? CalendarUnit.MINUTE : CalendarUnit.lookup(m.group(2), false);
    if (unit == null) {
      throw new QuantityException("unknown time unit '" + Format.cut(m.group(2)) + "'"
          + (m.group(2).equals("m") ? " (minute or month?)" : ""), expected.replace("s, min,", "s, min (or m before seconds: 43m 12s),"));
    }
    double amount = Numbers.parse(m.group(1), expected);
    if (amount < 0) {
      throw new QuantityException("a duration cannot be negative", expected);
    }
    return new Term(amount, unit);
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
