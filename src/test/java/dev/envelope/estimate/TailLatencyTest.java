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
}
