package dev.envelope.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Percentages, SLA targets and read:write ratios. */
public final class Fractions {
  private Fractions() {}

  private static final Pattern NINES =
      Pattern.compile("(?:(\\d+)(\\.5)?|(one|two|three|four|five|six|seven|eight|nine))\\s+nines?");
  private static final String[] WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };
  static final String TARGET =
      "a target strictly between 0 and 100%: 99.95%, 0.9995, \"3.5 nines\" or \"four nines\"";

  /**
   * A percentage as a fraction: {@code 20%} or {@code 0.2}. A bare number must be a fraction up to
   * 1; percentages over 100% are accepted only where {@code allowOver100} (overheads).
   */
  public static double percent(String text, boolean allowOver100) {
    String t = Numbers.spaces(text);
    String expected =
        allowOver100
            ? "a non-negative percentage such as 10% or 150%, or a fraction such as 0.1"
            : "a percentage from 0% to 100%, or a fraction from 0 to 1";
    double value;
    if (t.endsWith("%")) {
      value = Numbers.parseDecimal(t.substring(0, t.length() - 1), expected).movePointLeft(2).doubleValue();
    } else {
      value = Numbers.parse(t, expected);
      if (value > 1) {
        throw new QuantityException(
            "a bare number over 1 is ambiguous as a percentage",
            "a fraction up to 1, or write it with % (" + Format.plain(value) + "%"
                + (value < 10 ? " or " + Format.plain(value * 100) + "%" : "") + ")");
      }
    }
    if (value < 0) {
      throw new QuantityException("a percentage cannot be negative", expected);
    }
    if (!allowOver100 && value > 1) {
      throw new QuantityException("over 100%", expected);
    }
    return value;
  }

  /** An availability target as a fraction strictly between 0 and 1. */
  public static double target(String text) {
    String t = Numbers.spaces(text).toLowerCase(Locale.ROOT);
    Matcher m = NINES.matcher(t);
    double value;
    if (m.matches()) {
      int n = wordToInt(m.group(1) != null ? m.group(1) : m.group(3));
      if (n < 1 || n > 15) {
        throw new QuantityException("nines count out of range", TARGET + ", with 1 to 15 nines");
      }
      // Exact decimals: "3.5 nines" is the double nearest 0.9995, as if written 99.95%.
      java.math.BigDecimal miss = java.math.BigDecimal.ONE.movePointLeft(n);
      if (m.group(2) != null) {
        miss = miss.divide(java.math.BigDecimal.valueOf(2));
      }
      value = java.math.BigDecimal.ONE.subtract(miss).doubleValue();
    } else if (t.contains("nine")) {
      throw new QuantityException("not a nines form", TARGET);
    } else if (t.endsWith("%")) {
      value = Numbers.parseDecimal(t.substring(0, t.length() - 1), TARGET).movePointLeft(2).doubleValue();
    } else {
      value = Numbers.parse(t, TARGET);
      if (value > 1) {
        throw new QuantityException(
            "a bare number over 1 is ambiguous as a target",
            "a fraction below 1 (" + Numbers.plain(Numbers.parseDecimal(t, TARGET).movePointLeft(2))
                + "), or write it with % (" + Format.plain(value) + "%)");
      }
    }
    if (value == 1 && !t.contains("nine") && below100(t)) {
      // 99.99999999999999999% is below 100%, but not as a double: it would allow no downtime.
      throw new QuantityException("too close to 100% for a double (it rounds to 100%)",
          TARGET + ", with at most 16 nines (99.99999999999999%)");
    }
    if (!(value > 0 && value < 1)) {
      throw new QuantityException("target not strictly between 0 and 100%", TARGET);
    }
    return value;
  }

  /** Whether a target written as a percentage or a fraction is below 100% as a decimal. */
  private static boolean below100(String t) {
    boolean percent = t.endsWith("%");
    java.math.BigDecimal value = Numbers.parseDecimal(percent ? t.substring(0, t.length() - 1) : t, TARGET);
    return value.compareTo(percent ? java.math.BigDecimal.valueOf(100) : java.math.BigDecimal.ONE) < 0;
  }

  private static int wordToInt(String word) {
    for (int i = 0; i < WORDS.length; i++) {
      if (WORDS[i].equals(word)) {
        return i;
      }
    }
    return word.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(word);
  }

  /** Reads per write: {@code 10:1} is 10, {@code 1:10} is 0.1, a bare number is reads per write. */
  public static double ratio(String text) {
    String t = Numbers.spaces(text);
    String expected = "reads:writes such as 10:1 or 1:10, or reads per write such as 10";
    int colon = t.indexOf(':');
    if (colon < 0) {
      double value = Numbers.parse(t, expected);
      if (!(value > 0)) {
        throw new QuantityException("a ratio must be positive", expected);
      }
      return value;
    }
    double reads = Numbers.parse(t.substring(0, colon), expected);
    double writes = Numbers.parse(t.substring(colon + 1), expected);
    if (!(reads > 0) || !(writes > 0)) {
      throw new QuantityException("a ratio cannot have a zero or negative side", expected);
    }
    double value = reads / writes;
    if (Double.isInfinite(value) || value == 0) {
      throw new QuantityException("ratio out of range", expected);
    }
    return value;
  }

  static final String PERCENTILE = "a percentile strictly between 0 and 100: p99.9, 99.9 or 99.9%";

  /**
   * A percentile as the fraction of values at or below it: {@code p95}, {@code 95} and
   * {@code 95%} are all 0.95. A bare number of 1 or less is refused: {@code 0.999} could mean
   * p99.9 or p0.999.
   */
  public static double percentile(String text) {
    String t = Numbers.spaces(text);
    java.math.BigDecimal value;
    if (t.startsWith("p") || t.startsWith("P")) {
      value = Numbers.parseDecimal(t.substring(1), PERCENTILE);
    } else if (t.endsWith("%")) {
      value = Numbers.parseDecimal(t.substring(0, t.length() - 1), PERCENTILE);
    } else {
      value = Numbers.parseDecimal(t, PERCENTILE);
      if (value.compareTo(java.math.BigDecimal.ONE) <= 0 && value.signum() > 0) {
        // Numbers.plain: 1e-999999 would be a million zeros written out.
        throw new QuantityException("a bare number of 1 or less is ambiguous as a percentile",
            "p" + Numbers.plain(value.movePointRight(2)) + " if a fraction is meant, or p"
                + Numbers.plain(value) + " for that percentile");
      }
    }
    if (!(value.signum() > 0 && value.compareTo(java.math.BigDecimal.valueOf(100)) < 0)) {
      throw new QuantityException("percentile not strictly between 0 and 100", PERCENTILE);
    }
    double fraction = value.movePointLeft(2).doubleValue();
    if (fraction == 1) {
      // p99.99999999999999999 is below 100, but not as a double: the busiest second of no seconds.
      throw new QuantityException("too close to 100 for a double (it rounds to 100)",
          PERCENTILE + ", with at most 16 nines (p99.99999999999999)");
    }
    return fraction;
  }

  /** The number of nines of a target: {@code -log10(1 - target)}, 3.30 for 99.95%. */
  public static double nines(double target) {
    return -Math.log10(miss(target));
  }

  /**
   * {@code 1 - target}, taken in decimal: 1 - 0.9995 in binary is 0.0004999999999999449, but
   * what the user wrote means 0.0005.
   */
  public static double miss(double target) {
    return java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(target)).doubleValue();
  }
}
