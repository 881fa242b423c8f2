package dev.envelope.estimate;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The latency a user sees when a request waits for {@code n} calls in parallel (fan-out), each
 * slow independently with probability {@code p}:
 *
 * <pre>
 *   share of slow requests = 1 - (1 - p)^n            (Dean and Barroso, "The Tail at Scale", CACM 2013)
 * </pre>
 *
 * 1 call in 100 over 1 s makes 63% of requests over 1 s at a fan-out of 100; 1 in 10,000 at 2,000
 * makes 18%. Given a call's p50 and p99, its latency is taken as lognormal, {@code ln X ~ N(mu, s)}
 * with {@code mu = ln p50} and {@code s = (ln p99 - ln p50) / z(0.99)}; the request takes the
 * slowest of its {@code n} calls, so its percentile {@code q} is the call's percentile
 * {@code q^(1/n)}.
 *
 * <p>A hedged call (the same paper, "hedged requests") sends a backup to another replica once the
 * first has been out for the call's {@code h} percentile {@code t_h}, and takes whichever answers
 * first. With the backup independent of the first call:
 *
 * <pre>
 *   extra calls = 1 - h of all calls                  (after p95: 5%, as the paper says)
 *   P(hedged call > t) = P(X > t)                     for t < t_h
 *                      = P(X > t) x P(X > t - t_h)    for t >= t_h
 * </pre>
 *
 * and the request percentiles follow from that as before (solved by bisection). The extra load is
 * assumed not to slow the calls down.
 */
public final class TailLatency {
  private TailLatency() {}

  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
  /** The percentile a slow call is over when a call is given by its p50 and p99. */
  public static final double CALL_PERCENTILE = 0.99;

  /**
   * A lognormal call latency, fitted to its p50 and p99. Computed through the normal distribution
   * of {@code ln X}, whose tail Commons Math takes from erfc: its LogNormalDistribution gives
   * {@code 0.5 + 0.5 erf(...)}, and {@code 1 -} that loses the tails that fan-outs need (1e-10).
   */
  public record Lognormal(double mu, double sigma) {
    public static Lognormal fit(double p50, double p99) {
      if (!(p50 > 0) || !(p99 > p50)) {
        throw new IllegalArgumentException("need 0 < p50 < p99: " + p50 + ", " + p99);
      }
      return new Lognormal(Math.log(p50), (Math.log(p99) - Math.log(p50))
          / STANDARD.inverseCumulativeProbability(CALL_PERCENTILE));
    }

    /** P(X > t), from the normal's own tail (no 1 - F cancellation far out). */
    public double survival(double t) {
      if (t <= 0) {
        return 1;
      }
      return STANDARD.cumulativeProbability(-(Math.log(t) - mu) / sigma);
    }

    /** The t with P(X > t) = {@code tail}. */
    public double upperQuantile(double tail) {
      return Math.exp(mu - sigma * STANDARD.inverseCumulativeProbability(tail));
    }

    public double quantile(double q) {
      return upperQuantile(1 - q);
    }
  }

  static double hedgedSurvival(Lognormal call, double after, double t) {
    return t < after ? call.survival(t) : call.survival(t) * call.survival(t - after);
  }

  /** The t with P(hedged call > t) = {@code tail}. */
  static double hedgedQuantile(Lognormal call, double after, double tail) {
    double plain = call.upperQuantile(tail);
    if (plain <= after) {
      return plain; // answered before any backup is sent
    }
    double lo = after;
    double hi = plain;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (hedgedSurvival(call, after, mid) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
