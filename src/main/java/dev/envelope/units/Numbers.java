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
  /**
   * The smallest magnitude of a number other than zero: the smallest normal double is about
   * 2.2e-308, and below it a double loses digits until it reads as zero (1e-400 would be 0).
   */
  private static final BigDecimal SMALLEST = new BigDecimal("1e-307");
  /** Beyond this a double is infinite. */
  private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);
  /** A number in a message is written out in full up to this many characters, else as 1.5e-20. */
  private static final int MAX_PLAIN = 24;

  private Numbers() {}

  /**
   * Whether {@code c} separates a number from its unit, or a value from its surroundings: what
   * ECMA-262's {@code \s} matches (tab, line breaks, the byte-order mark and every Unicode space
   * separator, the no-break spaces included), so that the JSON Schema's patterns and the reader
   * accept the same values.
   */
  public static boolean isSpace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\uFEFF'
        || Character.isSpaceChar(c);
  }

  /**
   * {@code text} with each space of {@link #isSpace} made a plain space, and those at either end
   * dropped: {@code "1\u00A0KB"} reads as {@code "1 KB"}.
   */
  public static String spaces(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && isSpace(c)) {
        if (sb == null) {
          sb = new StringBuilder(text);
        }
        sb.setCharAt(i, ' ');
      }
    }
    return (sb == null ? text : sb.toString()).strip();
  }

  /** Whether {@code text} is a plain number (no unit). */
  public static boolean isNumber(String text) {
    String t = spaces(text).replace("_", "");
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

  /**
   * Like {@link #parse}, as an exact decimal, so that 99.99% / 100 is exactly the double 0.9999.
   * The value is zero or between 1e-307 and 1.8e308 in magnitude, so that its double neither
   * overflows nor reads as zero, and moving its point a few places stays within BigDecimal's range.
   */
  public static BigDecimal parseDecimal(String text, String what) {
    String t = spaces(text);
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
      // An exponent beyond BigDecimal's range (past 2^31): "1e99999999999", "1e-2147483649".
      boolean small = digits.matches(".*[eE]-.*");
      throw new QuantityException(small ? TOO_SMALL : TOO_LARGE, what);
    }
    if (value.signum() == 0) {
      // 0e-2147483647 is zero too, with a scale that moving the point would overflow.
      return BigDecimal.ZERO;
    }
    // Compared by exponent first: comparing 1e-2147483647 itself would take BigDecimal past its range.
    long exponent = (long) value.precision() - value.scale() - 1;
    if (exponent > 308 || value.abs().compareTo(LARGEST) > 0) {
      throw new QuantityException(TOO_LARGE, what);
    }
    if (exponent < -307 || value.abs().compareTo(SMALLEST) < 0) {
      throw new QuantityException(TOO_SMALL, what);
    }
    return value;
  }

  private static final String TOO_LARGE = "number is too large for a double (over 1.8e308)";
  private static final String TOO_SMALL = "number is too close to zero for a double (under 1e-307, other than 0)";

  /**
   * {@code value} as a message writes it: in full ({@code 0.0001}) up to 24 characters, else in
   * scientific notation ({@code 1e-999999}), so that a value the user wrote in a few characters
   * cannot make a message of millions.
   */
  public static String plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    long exponent = (long) v.precision() - v.scale() - 1;
    // The length of the plain form: digits, point and leading zeros, known without building it.
    long length = v.scale() <= 0 ? exponent + 1 : exponent < 0 ? v.precision() + 1 - exponent : v.precision() + 1;
    if (length <= MAX_PLAIN) {
      return v.toPlainString();
    }
    String unscaled = v.unscaledValue().abs().toString();
    String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
    return (v.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
  }
}
