package dev.envelope.estimate;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;

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
 * Above 10^7 per second the Poisson quantile is taken from its Cornish-Fisher approximation,
 * {@code L + z sqrt(L) + (z^2 - 1) / 6} rounded up, within a request or two of the exact one there.
 */
public final class PeakModel {
  private PeakModel() {}

  /** Hours in a day: the busiest hour's share of a day, times this, is its rate over the day's average. */
  static final double HOURS_PER_DAY = 24;
  /** Above this average rate per second the Poisson quantile is approximated by the normal one. */
  static final double NORMAL_ABOVE = 1e7;

  /** Whether the Poisson busiest second at {@code percentile} holds fewer requests than the average. */
  public static boolean belowAverage(double perSecond, double percentile) {
    return perSecond > 0 && poissonQuantile(perSecond, percentile) < perSecond;
  }

  /** The requests in the busiest second at {@code percentile} of Poisson({@code perSecond}) arrivals. */
  public static double poissonQuantile(double perSecond, double percentile) {
    if (perSecond > NORMAL_ABOVE) {
      double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(percentile);
      return Math.ceil(perSecond + z * Math.sqrt(perSecond) + (z * z - 1) / 6);
    }
    return new PoissonDistribution(null, perSecond, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).inverseCumulativeProbability(percentile);
  }
}
