package dev.envelope.units;

import java.util.Locale;

/** An amount per time unit, as written: {@code 2/day}, {@code 500M/month}, {@code 1160/s}. */
public record Rate(double amount, CalendarUnit per) {

  public Rate {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException("rate amount must be non-negative and finite: " + amount);
    }
  }

  /**
   * Parses {@code N/unit}, where N is a count ({@code 500M}, {@code 1e9}). A bare number is
   * refused unless {@code bareUnit} names the unit it means (per-user rates: per day).
   */
  public static Rate parse(String text, CalendarUnit bareUnit) {
    String t = Numbers.spaces(text);
    int slash = t.lastIndexOf('/');
    String expected = "a rate such as 2/day or 500M/month, with the unit " + CalendarUnit.RATE_UNITS;
    if (slash < 0) {
      if (bareUnit == null) {
        if (Counts.isCount(t)) {
          throw new QuantityException("an absolute rate needs its unit", expected);
        }
        throw new QuantityException("not a rate", expected);
      }
      return new Rate(parseAmount(t, expected), bareUnit);
    }
    String unitText = t.substring(slash + 1);
    CalendarUnit unit = CalendarUnit.lookup(unitText, false);
    if (unit == null) {
      throw new QuantityException("unknown time unit '" + Format.cut(unitText.strip()) + "'", expected);
    }
    return new Rate(parseAmount(t.substring(0, slash), expected), unit);
  }

  private static double parseAmount(String text, String expected) {
    double value;
    try {
      value = Counts.parse(text);
    } catch (QuantityException e) {
      throw new QuantityException(e.problem(), expected);
    }
    if (value < 0) {
      throw new QuantityException("a rate cannot be negative", expected);
    }
    return value;
  }

  public double perSecond(TimeBase base) {
    return amount / base.seconds(per);
  }

  @Override
  public String toString() {
    return Format.plain(amount) + "/" + per.symbol().toLowerCase(Locale.ROOT);
  }
}
