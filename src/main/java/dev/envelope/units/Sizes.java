package dev.envelope.units;

import java.util.Locale;

/** Data sizes: {@code 204B}, {@code 1MB}, {@code 64GB}, {@code 2TiB}, or a plain number of bytes. */
public final class Sizes {
  private Sizes() {}

  static final String EXPECTED = "a size such as 204B, 1.5KB, 64GB, 2TB or 1GiB";
  private static final String[] DECIMAL = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
  private static final String[] BINARY = {"B", "KIB", "MIB", "GIB", "TIB", "PIB", "EIB"};

  /** Bytes in {@code text}; with {@link UnitSystem#IEC}, KB means 1024 B. */
  public static double parse(String text, UnitSystem system) {
    String t = Numbers.spaces(text);
    int end = t.length();
    while (end > 0 && Character.isLetter(t.charAt(end - 1))) {
      end--;
    }
    String number = t.substring(0, end).strip();
    String unit = t.substring(end).toUpperCase(Locale.ROOT);
    if (unit.equals("NAN") || unit.equals("INFINITY")) {
      throw new QuantityException("not a finite size", EXPECTED);
    }
    double factor = factor(unit, system);
    if (factor < 0) {
      throw new QuantityException("unknown size unit '" + Format.cut(t.substring(end)) + "'", EXPECTED);
    }
    if (!Numbers.isNumber(number)) {
      throw new QuantityException("not a size", EXPECTED);
    }
    double value = Numbers.parse(number, EXPECTED) * factor;
    if (value < 0) {
      throw new QuantityException("a size cannot be negative", EXPECTED);
    }
    if (Double.isInfinite(value)) {
      throw new QuantityException("size is too large", EXPECTED);
    }
    return value;
  }

  private static double factor(String unit, UnitSystem system) {
    if (unit.isEmpty() || unit.equals("B") || unit.equals("BYTES") || unit.equals("BYTE")) {
      return 1;
    }
    String u = unit.length() == 1 ? unit + "B" : unit; // "1K" is read as 1KB
    for (int i = 1; i < DECIMAL.length; i++) {
      if (DECIMAL[i].equals(u)) {
        return Math.pow(system == UnitSystem.IEC ? 1024 : 1000, i);
      }
      if (BINARY[i].equals(u)) {
        return Math.pow(1024, i);
      }
    }
    return -1;
  }
}
