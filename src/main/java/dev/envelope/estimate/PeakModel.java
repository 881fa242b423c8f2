package dev.envelope.estimate;

import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Peak;
import dev.envelope.model.Requirements.Workload;
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

  /** The diurnal factor: the busiest hour's share of the day x 24. */
  public static double diurnal(double peakHourShare) {
    return peakHourShare * HOURS_PER_DAY;
  }

  /**
   * The Poisson factor: the busiest second at {@code percentile} (a fraction, 0.999) over the
   * average {@code perSecond}, never below 1: a peak is never below the average. At a low rate or
   * a low percentile the busiest second holds fewer requests than the average (below about 86
   * requests a day even the p99.9 second holds none), which would size servers and partitions for
   * less than the average load; the checks warn where the floor applies ({@link #belowAverage}). A
   * workload with no requests has a factor of 1: its peak is its average, zero.
   */
  public static double poisson(double perSecond, double percentile) {
    if (!(perSecond > 0)) {
      return 1;
    }
    return Math.max(1, poissonQuantile(perSecond, percentile) / perSecond);
  }

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

  /**
   * The peak factor of {@code w}, whose writes and reads average {@code perSecond} together: the
   * file's model where it applies (a workload without its own peak_factor, in a file with
   * traffic.peak), else the workload's factor.
   */
  public static double factor(Requirements req, Workload w, double perSecond) {
    if (!req.models().followsPeakModel(w.name())) {
      return w.peakFactor();
    }
    Peak peak = req.models().peak().orElseThrow();
    return switch (peak.model()) {
      case DIURNAL -> diurnal(peak.value());
      case POISSON -> poisson(perSecond, peak.value());
    };
  }
}
