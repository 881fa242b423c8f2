package dev.envelope.model;

/**
 * e^x for the lognormal draws: within 2 ulps of {@code StrictMath.exp}, the same bits on every
 * platform and JVM (plain double arithmetic, no intrinsic, a table made by {@code StrictMath}),
 * and without a branch on the argument, which makes it two to three times as fast as
 * {@code StrictMath.exp} on the draws under the launcher's C1 compiler ({@code benchmark/exp.sh}:
 * 7 against 17 to 19 ns a call, arguments drawn as a lognormal's are). Tang's method (ACM TOMS 15(2), 1989) with a smaller table:
 * {@code x = k ln2/64 + r}, k the nearest whole number (rounded by adding 1.5 x 2^52), |r| at most
 * ln2/128, and {@code e^x = 2^(k/64) (1 + p(r))} with 2^(j/64) from a table of 64 and p a
 * polynomial of degree 5 (its truncation error below 4e-17). A result that would overflow or fall
 * below the normal doubles, and an argument that is not a number, go to {@code StrictMath.exp}.
 * {@code ExpTest} holds it to {@code StrictMath.exp}.
 */
public final class Exp {
  private Exp() {}

  /** 2^(j/64), j = 0 to 63. */
  private static final double[] POWERS = new double[64];

  static {
    for (int j = 0; j < POWERS.length; j++) {
      POWERS[j] = StrictMath.pow(2, j / 64.0);
    }
  }

  private static final double SIXTY_FOUR_OVER_LN2 = 64 / 0.6931471805599453;
  /** ln 2 / 64 in two parts (fdlibm's ln2_hi and ln2_lo over 64): k times the first is exact for |k| < 2^21. */
  private static final double LN2_OVER_64_HI = 6.93147180369123816490e-01 / 64;
  private static final double LN2_OVER_64_LO = 1.90821492927058770002e-10 / 64;
  /** Added to a double below 2^51 in magnitude, rounds it to a whole number held in the low bits. */
  private static final double ROUNDER = 0x1.8p52;

  /** e^x. */
  public static double of(double x) {
    if (!(x > -707 && x < 709)) {
      return StrictMath.exp(x);
    }
    double shifted = x * SIXTY_FOUR_OVER_LN2 + ROUNDER;
    int k = (int) Double.doubleToRawLongBits(shifted);
    double kd = shifted - ROUNDER;
    double r = (x - kd * LN2_OVER_64_HI) - kd * LN2_OVER_64_LO;
    double p = r + r * r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120))));
    double t = POWERS[k & 63];
    // times 2^floor(k / 64), within [-1022, 1022] here: a normal double's exponent
    return (t + t * p) * Double.longBitsToDouble((long) ((k >> 6) + 1023) << 52);
  }
}
