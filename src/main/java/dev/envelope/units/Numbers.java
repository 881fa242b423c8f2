package dev.envelope.units;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Plain decimal numbers as users write them: {@code 86400}, {@code 86,400}, {@code 1_000}, {@code 1e9}. */
public final class Numbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  /** Longest literal accepted; a number with hundreds of digits is a mistake, not a quantity. */
  private static final int MAX_LENGTH = 40;

  private Numbers() {}

  /** Whether {@code text} is a plain number (no unit). */
  public static boolean isNumber(String text) {
    String t = text.strip().replace("_", "");
    return DECIMAL.matcher(t).matches() || GROUPED.matcher(t).matches();
  }

  /**
   * Parses a plain number, refusing NaN, infinities and literals too long to be meant.
   *
   * @param what the kind of value, for the message ("a number", "a count")
   */
  public static double parse(String text, String what) {
    return parseDecimal(text, what).doubleValue();
  }

  /** Like {@link #parse}, as an exact decimal, so that 99.99% / 100 is exactly the double 0.9999. */
  public static BigDecimal parseDecimal(String text, String what) {
    String t = text.strip();
    if (t.length() > MAX_LENGTH) {
      throw new QuantityException(
          "number is too long (" + t.length() + " characters)",
          what + " of at most " + MAX_LENGTH + " characters");
    }
    String digits = t.replace("_", "");
    if (GROUPED.matcher(digits).matches()) {
      digits = digits.replace(",", "");
    } else if (!DECIMAL.matcher(digits).matches()) {
      throw new QuantityException("not a number", what);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      // An exponent beyond BigDecimal's range (over 2^31): "1e99999999999".
      throw new QuantityException("exponent is out of range", what);
    }
    if (Double.isInfinite(value.doubleValue())) {
      throw new QuantityException("number is too large for a double (over 1e308)", what);
    }
    return value;
  }
}
