package dev.envelope.estimate;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The availability of a component run as {@code n} replicas of which {@code k} must be up, each
 * replica up with probability {@code A} and failing independently of the others:
 *
 * <pre>
 *   A(k of n) = P(at least k of n up) = sum over i = k..n of C(n, i) A^i (1 - A)^(n - i)
 * </pre>
 *
 * the tail of the binomial distribution (any reliability text on k-out-of-n systems, e.g. Trivedi,
 * <i>Probability and Statistics with Reliability, Queuing and Computer Science Applications</i>,
 * 2nd ed., section 3.5). One of two is the parallel case {@code 1 - (1 - A)^2}, and n of n the
 * serial one {@code A^n} (System Design Primer, "Availability in parallel vs in sequence").
 *
 * <p>A replica's own availability is given, or is {@code MTBF / (MTBF + MTTR)}, the share of time
 * a repairable unit is up in the long run. Computed as unavailability, the chance that more than
 * {@code n - k} replicas are down, summed from the binomial's probabilities in logarithms, so that
 * 99.9999999% is not rounded to 100% on the way.
 */
public final class Redundancy {
  private Redundancy() {}

  /**
   * The natural logarithm of the unavailability of {@code required} of {@code replicas}, each down
   * with probability {@code unavailability}: ln P(more than replicas - required down).
   */
  public static double logUnavailability(double unavailability, int replicas, int required) {
    if (!(unavailability > 0 && unavailability < 1)) {
      throw new IllegalArgumentException("unavailability must lie strictly between 0 and 1: " + unavailability);
    }
    if (replicas < 1 || required < 1 || required > replicas) {
      throw new IllegalArgumentException("need 1 <= required <= replicas: " + required + " of " + replicas);
    }
    // Down replicas ~ Binomial(n, u); no random generator is needed for probabilities.
    BinomialDistribution down = new BinomialDistribution(null, replicas, unavailability);
    double max = Double.NEGATIVE_INFINITY;
    double[] logs = new double[required];
    for (int j = replicas - required + 1, i = 0; j <= replicas; j++, i++) {
      logs[i] = down.logProbability(j);
      max = Math.max(max, logs[i]);
    }
    double sum = 0;
    for (double l : logs) {
      sum += Math.exp(l - max);
    }
    return max + Math.log(sum);
  }
}
