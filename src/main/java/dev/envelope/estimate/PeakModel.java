package dev.envelope.estimate;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Peak factors from a model of the traffic instead of a number:
 *
 * <ul>
 *   <li>diurnal: the busiest hour carries a share {@code s} of the day's requests, so its rate is
 *       {@code s x 24} times the day's average (10% gives 2.4). A flat day is 1/24, 4.17%.
 *   <li>Poisson: requests arrive independently at the average rate {@code L} per second; the
 *       number in one second is Poisson(L), and the busiest second at percentile {@code p} holds
 *       {@code k = F^-1(p)} requests, a factor of {@code k / L}. Random arrivals alone: at 100/s, 99.9%
 *       of seconds hold at most 132 requests (a factor of 1.32), at 10/s at most 21 (2.1).
 * </ul>
 *
 * The quantile is exact: up to 10^7 per second by commons-math's search over the distribution; above,
 * by a search from the Cornish-Fisher guess {@code L + z sqrt(L) + (z^2 - 1) / 6} whose distribution
 * function {@code P(X <= k) = Q(k + 1, L)} (the regularized upper incomplete gamma function) is
 * Temme's uniform asymptotic expansion (NIST DLMF 8.12.3 to 8.12.11), whose error there, below
 * 10^-14, is far under the 10^-4 that one more request adds at 10^7/s; one or two evaluations.
 * Exact while the quantile is below 2^53, above which a double no longer holds every whole number
 * and the guess is returned.
 */
public final class PeakModel {
  private PeakModel() {}

  /** Hours in a day: the busiest hour's share of a day, times this, is its rate over the day's average. */
  static final double HOURS_PER_DAY = 24;
  /** Above this average rate per second the Poisson quantile is searched with Temme's expansion. */
  static final double NORMAL_ABOVE = 1e7;
  /** 2^53: above it a double no longer holds every whole number. */
  static final double WHOLE_UP_TO = 9_007_199_254_740_992.0;

  /** Whether the Poisson busiest second at {@code percentile} holds fewer requests than the average. */
  public static boolean belowAverage(double perSecond, double percentile) {
    return perSecond > 0 && poissonQuantile(perSecond, percentile) < perSecond;
  }

  /** The requests in the busiest second at {@code percentile} of Poisson({@code perSecond}) arrivals. */
  public static double poissonQuantile(double perSecond, double percentile) {
    if (perSecond > NORMAL_ABOVE) {
      double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(percentile);
      double k = Math.ceil(perSecond + z * Math.sqrt(perSecond) + (z * z - 1) / 6);
      if (k + 64 >= WHOLE_UP_TO) {
        return k;
      }
      if (cumulative(k, perSecond) >= percentile) {
        while (cumulative(k - 1, perSecond) >= percentile) {
          k--;
        }
        return k;
      }
      do {
        k++;
      } while (cumulative(k, perSecond) < percentile);
      return k;
    }
    return searched(new PoissonDistribution(null, perSecond, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS), perSecond, percentile);
  }

  /**
   * Commons Math's {@code inverseCumulativeProbability} of {@code d}, Poisson({@code mean}), found
   * in fewer evaluations of its distribution function: the same answer, the least k within its
   * Chebyshev bounds {@code (lower, upper]} with {@code P(X <= k) >= p} (or {@code upper}), but
   * stepped to from the Cornish-Fisher guess, one or two evaluations, instead of bisected to from
   * the bounds, some twenty (each a continued fraction, dearer as the mean grows).
   */
  static double searched(PoissonDistribution d, double mean, double p) {
    if (p == 0 || p == 1) {
      return p == 0 ? 0 : Integer.MAX_VALUE; // the support's bounds, as Commons Math answers
    }
    // The bounds as Commons Math takes them (AbstractIntegerDistribution), by Chebyshev's inequality.
    int lower = -1;
    int upper = Integer.MAX_VALUE;
    double sigma = org.apache.commons.math3.util.FastMath.sqrt(mean);
    double k = org.apache.commons.math3.util.FastMath.sqrt((1.0 - p) / p);
    double tmp = mean - k * sigma;
    if (tmp > lower) {
      lower = ((int) org.apache.commons.math3.util.FastMath.ceil(tmp)) - 1;
    }
    k = 1.0 / k;
    tmp = mean + k * sigma;
    if (tmp < upper) {
      upper = ((int) org.apache.commons.math3.util.FastMath.ceil(tmp)) - 1;
    }
    if (lower + 1 >= upper) {
      return upper;
    }
    double z = STANDARD.inverseCumulativeProbability(p);
    double guess = Math.ceil(mean + z * sigma + (z * z - 1) / 6);
    int x = (int) Math.max(lower + 1, Math.min(upper, guess));
    if (d.cumulativeProbability(x) >= p) {
      while (x - 1 > lower && d.cumulativeProbability(x - 1) >= p) {
        x--;
      }
      return x;
    }
    while (x < upper) {
      x++;
      if (d.cumulativeProbability(x) >= p) {
        return x;
      }
    }
    return upper; // as the bisection ends when no k below its upper bound reaches p
  }

  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  /**
   * {@code P(X <= k)} for X ~ Poisson(L) with L above 10^7 and k near it: {@code Q(a, L)} with
   * {@code a = k + 1}, by Temme's expansion {@code Q = erfc(eta sqrt(a / 2)) / 2 + R}, where
   * {@code eta^2 / 2 = m - ln(1 + m)}, {@code m = (L - a) / a}, eta with the sign of m, and
   * {@code R = e^(-a eta^2 / 2) / sqrt(2 pi a) (c0(eta) + c1(eta) / a)} (DLMF 8.12.3, 8.12.8 to 8.12.11).
   */
  static double cumulative(double k, double rate) {
    double a = k + 1;
    double m = (rate - a) / a;
    double half = mMinusLog1p(m);
    double eta = Math.copySign(Math.sqrt(2 * half), m);
    double lead = Erf.erfc(eta * Math.sqrt(a / 2)) / 2;
    double c0;
    double c1;
    if (Math.abs(eta) < 0.05) {
      // DLMF 8.12.11: the series, since 1 / m - 1 / eta cancels near 0.
      c0 = -1.0 / 3 + eta / 12 - 2 * eta * eta / 135 + eta * eta * eta / 864 + eta * eta * eta * eta / 2835;
      c1 = -1.0 / 540 - eta / 288;
    } else {
      c0 = 1 / m - 1 / eta;
      c1 = 1 / (eta * eta * eta) - 1 / (m * m * m) - 1 / (m * m) - 1 / (12 * m);
    }
    double r = Math.exp(-a * half) / Math.sqrt(2 * Math.PI * a) * (c0 + c1 / a);
    return lead + r;
  }

  /** {@code m - ln(1 + m)}, by its series where the logarithm would cancel. */
  private static double mMinusLog1p(double m) {
    if (Math.abs(m) > 0.01) {
      return m - Math.log1p(m);
    }
    double sum = 0;
    double power = m * m;
    for (int n = 2; n < 12; n++) {
      sum += (n % 2 == 0 ? 1 : -1) * power / n;
      power *= m;
    }
    return sum;
  }
}
