package dev.envelope.units;

/**
 * Byte rates as written: a size, a slash and a time unit ({@code 5MB/s}, {@code 300GB/h}), in
 * bytes per second. KB and the like follow the file's unit system; a day, a month and a year
 * follow its time base, as in rates.
 */
public final class ByteRates {
  private ByteRates() {}

  public static final String EXPECTED = "a size per time unit such as 5MB/s or 300GB/h (/s, /min, /h, /day, ...)";

  public static double perSecond(String text, UnitSystem system, TimeBase time) {
    String t = Numbers.spaces(text);
    int slash = t.lastIndexOf('/');
    if (slash < 0) {
      throw new QuantityException("a byte rate needs its time unit", EXPECTED);
    }
    CalendarUnit unit = CalendarUnit.lookup(t.substring(slash + 1), false);
    if (unit == null) {
      throw new QuantityException("unknown time unit '" + Format.cut(t.substring(slash + 1).strip()) + "'", EXPECTED);
    }
    double bytes;
    try {
      bytes = Sizes.parse(t.substring(0, slash), system);
    } catch (QuantityException e) {
      throw new QuantityException(e.problem(), EXPECTED);
    }
    return bytes / time.seconds(unit);
  }
}
