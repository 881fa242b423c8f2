package dev.envelope.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times, for latencies, waits and repair times: {@code 20ms}, {@code 1.5 s}, {@code 30m},
 * {@code 720h}, {@code 250us}, or several terms added ({@code 1h 30m}, {@code 43m 12s}, as tables
 * print them). A day is 86,400 s and a week 7 days, whatever the file's conventions say: these are
 * lengths on a clock, not calendar periods. Here {@code m} is a minute: months and years, the
 * other reading of {@code m}, are not units of a time.
 */
public final class Times {
  private Times() {}

  public static final String EXPECTED = "a time with its unit: us, ms, s, m or min, h, d or w (20ms, 1.5s, 30m, 720h)";
  private static final Pattern TERM = Pattern.compile("([0-9.eE+_,-]+)\\s*([a-zA-Z]+)");
  private static final Pattern TERMS = Pattern.compile("(?:[0-9.eE+_,-]+\\s*[a-zA-Z]+\\s*)+");

  /** Seconds in {@code text}. */
  public static double seconds(String text) {
    String t = Numbers.spaces(text);
    if (Numbers.isNumber(t)) {
      throw new QuantityException("a time needs its unit", EXPECTED);
    }
    if (!TERMS.matcher(t).matches()) {
      throw new QuantityException("not a time", EXPECTED);
    }
    Matcher m = TERM.matcher(t);
    double total = 0;
    while (m.find()) {
      double unit = unit(m.group(2));
      double amount = Numbers.parse(m.group(1), EXPECTED);
      if (amount < 0) {
        throw new QuantityException("a time cannot be negative", EXPECTED);
      }
      total += amount * unit;
    }
    if (Double.isInfinite(total)) {
      throw new QuantityException("time is too long", EXPECTED);
    }
    return total;
  }

  private static double unit(String text) {
    String u = text.toLowerCase(Locale.ROOT);
    return switch (u) {
      case "us", "usec", "microsecond", "microseconds" -> 1e-6;
      case "ms", "msec", "msecs", "millisecond", "milliseconds" -> 1e-3;
      case "s", "sec", "secs", "second", "seconds" -> 1;
      case "m", "min", "mins", "minute", "minutes" -> 60;
      case "h", "hr", "hrs", "hour", "hours" -> 3_600;
      case "d", "day", "days" -> 86_400;
      case "w", "wk", "week", "weeks" -> 604_800;
      case "mo", "month", "months", "y", "yr", "yrs", "year", "years" -> throw new QuantityException(
          "months and years are not units of a time (their length depends on the calendar)",
          EXPECTED.replace(")", "; a year is 8760h or 365d)"));
      default -> throw new QuantityException("unknown time unit '" + Format.cut(text) + "'", EXPECTED);
    };
  }
}
