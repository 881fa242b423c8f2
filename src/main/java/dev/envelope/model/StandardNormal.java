package dev.envelope.model;

/**
 * The standard normal distribution's quantile, written out here rather than taken from a library
 * so that reading a range loads no statistics library: Wichura's algorithm AS 241 (PPND16),
 * "The Percentage Points of the Normal Distribution", Applied Statistics 37(3), 1988, pp. 477-484,
 * the one R's {@code qnorm} and Python's {@code statistics.NormalDist} use. {@code StandardNormalTest}
 * checks its coefficients against the sums of their mantissas the paper prints for checking a
 * transcription, and its results against quantiles worked out to 60 digits: within a few ulps, down
 * to the smallest double (where Commons Math's {@code erfInv(2p - 1)} loses p's digits).
 */
public final class StandardNormal {
  private StandardNormal() {}

  // Coefficients of the three rational functions, constant term first: a/b near the median,
  // c/d out to exp(-25) from either end, e/f beyond.
  static final double[] A = {3.3871328727963666080, 1.3314166789178437745e2, 1.9715909503065514427e3,
      1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4,
      2.5090809287301226727e3};
  static final double[] B = {1, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
      2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3};
  static final double[] C = {1.42343711074968357734, 4.63033784615654529590, 5.76949722146069140550,
      3.64784832476320460504, 1.27045825245236838258, 2.41780725177450611770e-1, 2.27238449892691845833e-2,
      7.74545014278341407640e-4};
  static final double[] D = {1, 2.05319162663775882187, 1.67638483018380384940, 6.89767334985100004550e-1,
      1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9};
  static final double[] E = {6.65790464350110377720, 5.46378491116411436990, 1.78482653991729133580,
      2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5,
      2.01033439929228813265e-7};
  static final double[] F = {1, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
      7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15};

  /** The value a share {@code p} of a standard normal's draws fall below: -Infinity at 0, Infinity at 1. */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      return p == 0 ? Double.NEGATIVE_INFINITY : p == 1 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q * horner(A, r) / horner(B, r);
    }
    // Within 0.075 of 0 or 1: in terms of the distance to the nearer end.
    double r = Math.sqrt(-StrictMath.log(q < 0 ? p : 1 - p));
    double z = r <= 5 ? horner(C, r - 1.6) / horner(D, r - 1.6) : horner(E, r - 5) / horner(F, r - 5);
    return q < 0 ? -z : z;
  }

  /** The polynomial with coefficients {@code c} (constant term first) at {@code x}, by Horner's rule. */
  private static double horner(double[] c, double x) {
    double v = c[c.length - 1];
    for (int i = c.length - 2; i >= 0; i--) {
      v = v * x + c[i];
    }
    return v;
  }
}
