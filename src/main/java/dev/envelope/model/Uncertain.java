package dev.envelope.model;

import dev.envelope.diagnostic.Location;
/**
 * An input written as a range or a distribution, in the base unit of its field (bytes, per
 * second, seconds, a fraction). The estimate's point value uses {@link #median()}; the Monte Carlo
 * draws from the distribution, keeping each draw within the field's valid bounds.
 *
 * <p>Parameters by shape:
 *
 * <ul>
 *   <li>{@code LOGNORMAL}: {@code a} = median, {@code b} = sigma below the median, {@code c} = sigma
 *       above it (equal for a plain lognormal; unequal when low, mid and high are all given, a
 *       two-piece lognormal that passes through all three);
 *   <li>{@code NORMAL}: {@code a} = mean, {@code b} = standard deviation;
 *   <li>{@code UNIFORM}: {@code a} = low, {@code b} = high;
 *   <li>{@code TRIANGULAR}: {@code a} = low, {@code b} = mode, {@code c} = high;
 *   <li>{@code FIXED}: {@code a} = the value.
 * </ul>
 *
 * @param path the field's path, such as {@code users.dau}
 * @param written the range as written, for messages and reports
 * @param min the smallest valid value of the field (draws below it are raised to it)
 * @param max the largest valid value of the field (draws above it are lowered to it)
 * @param whole whether the field counts whole things (replicas, calls): its median and every draw
 *     are rounded to the nearest whole number, then kept within min and max
 */
public record Uncertain(
    String path, Location location, String written, Shape shape, double a, double b, double c,
    double min, double max, boolean whole) {

  public enum Shape {
    LOGNORMAL,
    NORMAL,
    UNIFORM,
    TRIANGULAR,
    FIXED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The value half the draws fall below: the point the estimate uses for this input. */
  public double median() {
    double m = switch (shape) {
      case LOGNORMAL, NORMAL, FIXED -> a;
      case UNIFORM -> (a + b) / 2;
      case TRIANGULAR -> (b - a) >= (c - a) / 2
          ? a + Math.sqrt((c - a) * (b - a) / 2)
          : c - Math.sqrt((c - a) * (c - b) / 2);
    };
    return bounded(m);
  }

  /** {@code x} as a draw of this input: rounded when whole, then within min and max. */
  public double bounded(double x) {
    double v = whole ? Math.rint(x) : x;
    return Math.min(max, Math.max(min, v));
  }

  /** The value below which a share {@code p} of the draws fall. */
  public double quantile(double p) {
    return bounded(inverse(p));
  }

  /**
   * The distribution's own quantile at {@code p}, before {@link #bounded}: a lognormal's through
   * {@link StandardNormal} and {@link Exp} (the same bits on every platform), a
   * triangular's in closed form.
   */
  public double inverse(double p) {
    return switch (shape) {
      case FIXED -> a;
      case LOGNORMAL -> {
        double z = StandardNormal.quantile(p);
        yield a * Exp.of(z * (z < 0 ? b : c));
      }
      case NORMAL -> a + b * StandardNormal.quantile(p);
      case UNIFORM -> p * (b - a) + a;
      case TRIANGULAR -> {
        // low a, mode b, high c: the square-root branch below the mode and above it
        if (p <= 0 || p >= 1) {
          yield p <= 0 ? a : c;
        }
        yield p < (b - a) / (c - a) ? a + Math.sqrt(p * (c - a) * (b - a)) : c - Math.sqrt((1 - p) * (c - a) * (c - b));
      }
    };
  }

  /** The same distribution, read at another path (an input that inherits this one's value). */
  public Uncertain at(String otherPath) {
    return new Uncertain(otherPath, location, written, shape, a, b, c, min, max, whole);
  }
}
