package dev.envelope.units;

import java.util.Locale;

/** Counts with an optional scale: {@code 150M}, {@code 1.5B}, {@code 1.5bn}, {@code 20K}, {@code 1e9}, {@code 42}. */
public final class Counts {
  private Counts() {}

  static final String EXPECTED = "a number, optionally with K, M, bn (or B) or T (thousand to trillion), e.g. 150M";

  public static boolean isCount(String text) {
    try {
      parse(text);
      return true;
    } catch (QuantityException e) {
      return false;
    }
  }

  /** Parses a count. {@code B} here is a billion, never a byte; {@code bn} is a billion too, as in a formula. */
  public static double parse(String text) {
    String t = Numbers.spaces(text);
    if (t.isEmpty()) {
      throw new QuantityException("empty value", EXPECTED);
    }
    if (t.length() > 2 && t.regionMatches(true, t.length() - 2, "bn", 0, 2)
        && Numbers.isNumber(t.substring(0, t.length() - 2).strip())) {
      t = t.substring(0, t.length() - 2).strip() + "B";
    }
    char last = t.charAt(t.length() - 1);
    double scale =
        switch (Character.toUpperCase(last)) {
          case 'K' -> 1e3;
          case 'M' -> 1e6;
          case 'B' -> 1e9;
          case 'T' -> 1e12;
          default -> 1;
        };
    if (scale == 1 && Character.isLetter(last) && !t.toLowerCase(Locale.ROOT).contains("inf")
        && !t.equalsIgnoreCase("nan")) {
      boolean numberBefore = Numbers.isNumber(t.substring(0, t.length() - 1).strip());
      throw new QuantityException(numberBefore ? "unknown scale '" + last + "'" : "not a count", EXPECTED);
    }
    String number = scale == 1 ? t : t.substring(0, t.length() - 1).strip();
    if (!Numbers.isNumber(number)) {
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.equals("nan") || lower.contains("inf")) {
        throw new QuantityException("not a finite number", EXPECTED);
      }
      throw new QuantityException("not a count", EXPECTED);
    }
    double value = Numbers.parse(number, EXPECTED) * scale;
    if (Double.isInfinite(value)) {
      throw new QuantityException("number is too large", EXPECTED);
    }
    return value;
  }
}
