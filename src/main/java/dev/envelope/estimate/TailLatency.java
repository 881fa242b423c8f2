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

  /**
   * The t with P(hedged call > t) = {@code tail}: the bisection of [after, the call's own quantile]
   * to 1e-15 of t. Its steps that fall outside a bracket found first are decided without working
   * the tail out: the bracket is narrowed by regula falsi (the Illinois variant) on the logarithm
   * of the tail, which is nearly straight there, and each of its ends is checked by the same
   * comparison the bisection makes, and kept only where the tail is clearly to one side. The tail never rises with t, so a step below a point whose
   * tail is over {@code tail} is over it too, and the answer is the bisection's to the bit, in some
   * twenty evaluations instead of a hundred.
   */
  /**
   * How near {@code tail} (as a share of it, on a logarithm) a point's tail may come and still end
   * the bracket: far above the few units in the last place in which rounding can make the computed
   * tail rise with t, so each end is on its side of the answer for every t beyond it.
   */
  private static final double NEAR = 1e-12;
  /** The step to each side of a point within {@link #NEAR} of the answer: ten times as far, in t. */
  private static final double PROBE = 1e-11;

  static double hedgedQuantile(Lognormal call, double after, double tail) {
    double plain = call.upperQuantile(tail);
    if (plain <= after) {
      return plain; // answered before any backup is sent
    }
    double lo = after;
    double hi = plain;
    // over: a t whose tail is over `tail`; under: one whose tail is not (the call's own quantile,
    // where the hedged tail is the call's times a share below 1).
    double over = after;
    double under = plain;
    double fOver = hedgedSurvival(call, after, over);
    double fUnder = hedgedSurvival(call, after, under);
    double logTail = Math.log(tail);
    double gOver = Math.log(fOver) - logTail;
    double gUnder = Math.log(fUnder) - logTail;
    // The ends are not steps of the bisection (its steps lie strictly between them), so where one
    // does not check out, nothing is narrowed: the bisection as it was.
    boolean bracketed = fOver > tail && !(fUnder > tail);
    int side = 0;
    for (int i = 0; i < 60 && bracketed && gOver > gUnder; i++) {
      double t = over + gOver * (under - over) / (gOver - gUnder);
      if (!(t > over && t < under)) {
        t = over + (under - over) / 2;
      }
      double f = hedgedSurvival(call, after, t);
      double g = Math.log(f) - logTail;
      if (Math.abs(g) < NEAR) {
        // Near the answer: a point a little to each side ends the bracket if clearly on its side;
        // the bisection evaluates from there.
        for (double u : new double[] {t * (1 - PROBE), t * (1 + PROBE)}) {
          double fu = hedgedSurvival(call, after, u);
          double gu = Math.log(fu) - logTail;
          if (fu > tail && gu >= NEAR && u > over && u < under) {
            over = u;
          } else if (!(fu > tail) && gu <= -NEAR && u > over && u < under) {
            under = u;
          }
        }
        break;
      }
      if (f > tail) {
        over = t;
        gOver = g;
        gUnder = side == 1 ? gUnder / 2 : gUnder;
        side = 1;
      } else {
        under = t;
        gUnder = g;
        gOver = side == -1 ? gOver / 2 : gOver;
        side = -1;
      }
      if (!(Double.isFinite(gOver) && Double.isFinite(gUnder) && gOver > gUnder)) {
        break; // the logarithms ran out of range: the bisection decides the rest by evaluating
      }
    }
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      double mid = (lo + hi) / 2;
      boolean above = mid <= over || (mid < under && hedgedSurvival(call, after, mid) > tail);
      if (above) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
