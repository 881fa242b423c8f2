package dev.envelope.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The unit of a figure as powers of the base units: bytes, seconds and money. Counts, fractions
 * and plain numbers have no dimension ({@link #NONE}), so that a count times a size per item is a
 * size, and a count per day is a rate ({@link #PER_SECOND}).
 *
 * <p>The powers are whole numbers: a square root of a unit with an odd power has no unit here and
 * is refused ({@link #sqrt}). {@link #times}, {@link #over} and {@link #pow} throw
 * {@link ArithmeticException} if a power would leave the range of an {@code int}, which only a
 * formula such as {@code (x^2000000000)^2} reaches.
 *
 * @param bytes the power of bytes: 1 for a size, 2 for a size squared
 * @param seconds the power of seconds: 1 for a duration, -1 for a rate
 * @param money the power of money (any currency: money is one dimension, see {@link #named})
 */
public record Dimension(int bytes, int seconds, int money) {
  /** Counts, fractions, factors: no unit. */
  public static final Dimension NONE = new Dimension(0, 0, 0);

  public static final Dimension BYTES = new Dimension(1, 0, 0);
  public static final Dimension SECONDS = new Dimension(0, 1, 0);
  public static final Dimension PER_SECOND = new Dimension(0, -1, 0);
  public static final Dimension BYTES_PER_SECOND = new Dimension(1, -1, 0);
  public static final Dimension MONEY = new Dimension(0, 0, 1);

  /** A currency as ISO 4217 writes it: three capital letters (USD, EUR, JPY). */
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** The names {@link #named} accepts, for a message that lists them. */
  public static final List<String> NAMES = List.of(
      "count", "fraction", "number", "bytes", "B", "seconds", "s", "per second", "/s",
      "bytes per second", "B/s", "a currency code such as USD or EUR");

  /** The product of two units: bytes per second times seconds is bytes. */
  public Dimension times(Dimension other) {
    return new Dimension(
        Math.addExact(bytes, other.bytes),
        Math.addExact(seconds, other.seconds),
        Math.addExact(money, other.money));
  }

  /** The quotient of two units: bytes over seconds is bytes per second. */
  public Dimension over(Dimension other) {
    return new Dimension(
        Math.subtractExact(bytes, other.bytes),
        Math.subtractExact(seconds, other.seconds),
        Math.subtractExact(money, other.money));
  }

  /** This unit to a whole power: bytes^2, seconds^-1 (per second); any unit^0 is {@link #NONE}. */
  public Dimension pow(int n) {
    return new Dimension(
        Math.multiplyExact(bytes, n), Math.multiplyExact(seconds, n), Math.multiplyExact(money, n));
  }

  /**
   * The unit whose square is this one (bytes for bytes^2), or empty when a power is odd: the
   * square root of bytes x seconds has no unit made of whole powers.
   */
  public Optional<Dimension> sqrt() {
    if (bytes % 2 != 0 || seconds % 2 != 0 || money % 2 != 0) {
      return Optional.empty();
    }
    return Optional.of(new Dimension(bytes / 2, seconds / 2, money / 2));
  }

  /** Whether this is no unit: a count, a fraction or a plain number. */
  public boolean isNone() {
    return bytes == 0 && seconds == 0 && money == 0;
  }

  /**
   * This unit in words, as the reference names the base units: {@code count}, {@code bytes},
   * {@code seconds}, {@code per second}, {@code bytes per second}, {@code bytes x seconds},
   * {@code bytes^2}, {@code money per second}, {@code per second^2}, {@code money per byte per second}.
   */
  public String describe() {
    if (isNone()) {
      return "count";
    }
    List<String> above = new ArrayList<>();
    List<String> below = new ArrayList<>();
    part(bytes, "bytes", "byte", above, below);
    part(seconds, "seconds", "second", above, below);
    part(money, "money", "money", above, below);
    StringBuilder sb = new StringBuilder(String.join(" x ", above));
    for (String b : below) {
      sb.append(sb.length() == 0 ? "" : " ").append("per ").append(b);
    }
    return sb.toString();
  }

  private static void part(int power, String plural, String singular, List<String> above, List<String> below) {
    if (power > 0) {
      above.add(power == 1 ? plural : plural + "^" + power);
    } else if (power < 0) {
      // -(long) power: the power of a unit can be Integer.MIN_VALUE.
      long p = -(long) power;
      below.add(p == 1 ? singular : singular + "^" + p);
    }
  }

  /**
   * The unit a file declares for a figure ({@code unit:}): {@code count}, {@code fraction} and
   * {@code number} (no unit), {@code bytes} or {@code B}, {@code seconds} or {@code s},
   * {@code per second} or {@code /s}, {@code bytes per second} or {@code B/s}, or a currency code
   * of three capital letters ({@code USD}, {@code EUR}), which is money. Every currency is the one
   * dimension money: the check does not keep dollars from euros. Spaces around the name are
   * ignored; the names are otherwise exact. Empty for any other name; {@link #NAMES} lists the valid ones.
   */
  public static Optional<Dimension> named(String name) {
    String n = Numbers.spaces(name);
    Dimension d = switch (n) {
      case "count", "fraction", "number" -> NONE;
      case "bytes", "B" -> BYTES;
      case "seconds", "s" -> SECONDS;
      case "per second", "/s" -> PER_SECOND;
      case "bytes per second", "B/s" -> BYTES_PER_SECOND;
      default -> CURRENCY.matcher(n).matches() ? MONEY : null;
    };
    return Optional.ofNullable(d);
  }

  @Override
  public String toString() {
    return describe();
  }
}
