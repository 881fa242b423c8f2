package dev.envelope.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Human formatting for tables: three significant figures, a unit chosen per value, always
 * {@code Locale.ROOT} digits (BigDecimal never localises).
 */
public final class Format {
  private Format() {}

  private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_EVEN);
  private static final String[] COUNT_SUFFIX = {"", " K", " M", " bn", " T"};
  private static final String[] SI_BYTES = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
  private static final String[] IEC_BYTES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  private static final String[] BITS = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s", "Pbit/s", "Ebit/s"};

  /**
   * Rounds to three significant figures and drops trailing zeros: 3472.2 -> "3470"; from 1e24 on
   * and below 1e-19, in scientific notation: 1.8e308.
   */
  public static String sig3(double value) {
    if (value == 0) {
      return "0";
    }
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
    }
    // Beyond 24 characters (10^24, 10^-20) in powers of ten, so that no double makes a number of
    // hundreds of digits.
    return powersOfTen(Numbers.plain(new BigDecimal(value).round(THREE)));
  }

  /** {@code value} to three significant figures, as {@link #sig3} shows it. */
  public static double rounded(double value) {
    return value == 0 || !Double.isFinite(value) ? value : new BigDecimal(value).round(THREE).doubleValue();
  }

  /** The shortest exact decimal form of a number as the user might have written it: 2, 0.2, 1271. */
  public static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    return Math.abs(value) >= 1e-6 && Math.abs(value) < 1e15 ? d.toPlainString() : d.toString();
  }

  /**
   * A text as a message quotes it: in full up to 60 characters, else its start and its length
   * ({@code xxxx... (120,000 characters)}), so that one long value cannot flood the terminal.
   */
  public static String cut(String text) {
    if (text.length() <= 60) {
      return text;
    }
    // Never half of a surrogate pair (an emoji), which would print as '?'.
    int cut = Character.isHighSurrogate(text.charAt(39)) ? 39 : 40;
    return text.substring(0, cut) + "... (" + integer(text.length()) + " characters)";
  }

  /**
   * A count with K/M/bn/T: 150000000 -> "150 M", 3472.2 -> "3.47 K", 3e9 -> "3 bn": a billion is
   * {@code bn}, never {@code B}, which is a byte.
   */
  public static String count(double value) {
    return scaled(value, 1000, COUNT_SUFFIX);
  }

  /**
   * An amount of money, its currency named elsewhere, as counts are shown (350, 4.5 M, 0.023): three
   * significant figures, for a cost is an estimate, not an invoice.
   */
  public static String money(double value) {
    return count(value);
  }

  /** A rate per second: "3.47 K/s", "0.116 /s". */
  public static String rate(double perSecond) {
    String s = count(perSecond);
    return s.contains(" ") ? s + "/s" : s + " /s";
  }

  public static String bytes(double bytes, UnitSystem system) {
    return system == UnitSystem.IEC ? scaled(bytes, 1024, spaced(IEC_BYTES)) : scaled(bytes, 1000, spaced(SI_BYTES));
  }

  public static String bytesPerSecond(double bytes, UnitSystem system) {
    return bytes(bytes, system) + "/s";
  }

  /** Network speed of a byte rate, always decimal: 708 KB/s -> "5.66 Mbit/s". */
  public static String bits(double bytesPerSecond) {
    return scaled(bytesPerSecond * 8, 1000, spaced(BITS));
  }

  /**
   * A duration: "8.64 s" under a minute, "43m 12s" under an hour (seconds to 0.1 s), then
   * "8.76 h" and "3.65 d".
   */
  public static String duration(double seconds) {
    if (!Double.isFinite(seconds)) {
      return sig3(seconds) + " s";
    }
    if (rounded(seconds) < 60) {
      return sig3(seconds) + " s";
    }
    if (seconds < 3600) {
      double tenths = Math.round(seconds * 10);
      long minutes = (long) (tenths / 600);
      double rest = (tenths - minutes * 600) / 10;
      if (minutes == 60) {
        return "1 h";
      }
      return minutes + "m " + plain(rest) + "s";
    }
    if (rounded(seconds / 3600) < 24) {
      return sig3(seconds / 3600) + " h";
    }
    double days = seconds / 86_400;
    return (days >= 1000 ? integer(days) : sig3(days)) + " d";
  }

  /** A fraction as a percentage, up to 4 decimals: 0.9995 -> "99.95%". */
  public static String percent(double fraction) {
    // Ten decimals first, to drop the binary noise of x 100 (0.9995 x 100 = 99.94999999999999) without
    // making a tie at the fourth decimal that the value does not have (59.79285037% is 59.7929%).
    BigDecimal d = new BigDecimal(Double.toString(fraction * 100)).setScale(10, RoundingMode.HALF_EVEN);
    BigDecimal rounded = d.round(new MathContext(Math.max(1, d.precision() - d.scale() + 4), RoundingMode.HALF_EVEN));
    return powersOfTen(Numbers.plain(rounded)) + "%";
  }

  /** A number to two decimals: 3.30103 -> "3.30". */
  public static String fixed2(double value) {
    return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * Where a whole number stops being printed digit by digit: past 10^15 the digits are beyond any
   * count a person reads (and past 2^63 beyond a long), so it prints in powers of ten.
   */
  static final double LARGEST_PLAIN = 1e15;

  /** Three significant figures in powers of ten: 1.73e305 -> "1.73 x 10^305". */
  public static String scientific(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return sig3(value);
    }
    BigDecimal d = new BigDecimal(value).round(THREE);
    int exponent = d.precision() - d.scale() - 1;
    BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString() + " x 10^" + exponent;
  }

  /** {@code 1.23e24} as people read it in a table: {@code 1.23 x 10^24}. */
  private static String powersOfTen(String number) {
    int e = number.indexOf('e');
    return e < 0 ? number : number.substring(0, e) + " x 10^" + number.substring(e + 1);
  }

  /** An integer count with thousands separators: 12345 -> "12,345"; past 10^15 in powers of ten. */
  public static String integer(double value) {
    if (!Double.isFinite(value)) {
      return sig3(value);
    }
    if (Math.abs(value) >= LARGEST_PLAIN) {
      return scientific(value);
    }
    long n = Math.round(value);
    String digits = Long.toString(Math.abs(n));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return (n < 0 ? "-" : "") + sb;
  }

  private static String[] spaced(String[] units) {
    String[] out = new String[units.length];
    for (int i = 0; i < units.length; i++) {
      out[i] = " " + units[i];
    }
    return out;
  }

  private static String scaled(double value, double base, String[] suffixes) {
    if (value == 0 || !Double.isFinite(value)) {
      return sig3(value) + suffixes[0];
    }
    double original = value;
    int i = 0;
    // Scale by the exact value: rounded first, 1024 B would read 1020 and never reach 1 KiB.
    while (i < suffixes.length - 1 && Math.abs(value) >= base) {
      value /= base;
      i++;
    }
    String number = sig3(value);
    // 999.7 rounds to "1000" at this scale: step up once more.
    if (i < suffixes.length - 1 && Math.abs(rounded(value)) >= base) {
      number = sig3(value / base);
      i++;
    } else if (Math.abs(rounded(value)) >= base) {
      // A thousand of the largest unit and more: powers of ten of the base unit say it better.
      return scientific(original) + suffixes[0];
    }
    return number + suffixes[i];
  }
}
