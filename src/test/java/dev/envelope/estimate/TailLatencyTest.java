package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class TailLatencyTest {
  /**
   * A hedge after the call's p95 (25.47 ms for p50 5 ms, p99 50 ms): the hedged call's p99 is
   * 32.81 ms (scipy's brentq on S(t) S(t - t95)); a hedge after p99.9 never fires before the p99.
   */
  @Test
  void hedgedQuantiles() {
    TailLatency.Lognormal call = TailLatency.Lognormal.fit(0.005, 0.050);
    assertThat(call.sigma()).isCloseTo(0.9897854, within(1e-7));
    double after = call.quantile(0.95);
    assertThat(after).isCloseTo(0.0254697, withinPercentage(1e-4));
    assertThat(TailLatency.hedgedQuantile(call, after, 0.01)).isCloseTo(0.0328133, withinPercentage(1e-4));
    assertThat(TailLatency.hedgedQuantile(call, call.quantile(0.999), 0.01)).isCloseTo(0.050, withinPercentage(1e-9));
  }

  /**
   * The fit is the lognormal of Commons Math with scale mu and shape sigma, at moderate
   * percentiles (its inverse is found by a solver, to about 1e-6 relative).
   */
  @Test
  void theFitIsCommonsMathsLognormal() {
    TailLatency.Lognormal call = TailLatency.Lognormal.fit(0.005, 0.050);
    org.apache.commons.math3.distribution.LogNormalDistribution reference =
        new org.apache.commons.math3.distribution.LogNormalDistribution(null, call.mu(), call.sigma());
    for (double q : new double[] {0.1, 0.5, 0.9, 0.99}) {
      assertThat(call.quantile(q)).isCloseTo(reference.inverseCumulativeProbability(q), withinPercentage(1e-4));
    }
    assertThat(call.survival(0.02)).isCloseTo(1 - reference.cumulativeProbability(0.02), within(1e-12));
  }

  /**
   * The hedged quantile is the bisection's to the bit: the plain bisection of [after, the call's
   * quantile] to 1e-15 of t, written out here, over calls from 1 ms to 1 s, hedges from the call's
   * p50 to past its quantile (and a hedge of almost nothing), tails from 10% to 1e-12.
   */
  @Test
  void hedgedQuantilesAreTheBisectionsToTheBit() {
    int checked = 0;
    for (double p50 : new double[] {0.001, 0.005, 0.2}) {
      for (double spread : new double[] {1.5, 10, 200}) {
        TailLatency.Lognormal call = TailLatency.Lognormal.fit(p50, p50 * spread);
        for (double afterShare : new double[] {0.5, 0.9, 0.95, 0.99, 0.999999}) {
          double after = call.quantile(afterShare);
          for (double tail : new double[] {0.1, 0.01, 1e-3, 1e-6, 1e-12}) {
            for (double h : new double[] {after, 1e-300}) {
              assertThat(TailLatency.hedgedQuantile(call, h, tail)).as("p50 %s x%s after %s tail %s", p50, spread, h, tail)
                  .isEqualTo(bisected(call, h, tail));
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(450);
  }

  /** The bisection as it is defined: 200 steps at most, until the bracket is 1e-15 of t. */
  private static double bisected(TailLatency.Lognormal call, double after, double tail) {
    double plain = call.upperQuantile(tail);
    if (plain <= after) {
      return plain;
    }
    double lo = after;
    double hi = plain;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (TailLatency.hedgedSurvival(call, after, mid) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
