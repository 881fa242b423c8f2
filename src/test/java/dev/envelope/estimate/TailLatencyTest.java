package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TailLatencyTest {
  /**
   * Dean and Barroso, "The Tail at Scale", CACM 56(2), 2013: 1 request in 100 slow at a fan-out of
   * 100 makes 63% of user requests slow (1 - 0.99^100 = 0.634); 1 in 10,000 at 2,000 makes 18%
   * (1 - 0.9999^2000 = 0.181).
   */
  @Test
  void theTailAtScaleAnchors() {
    assertThat(TailLatency.slowShare(0.01, 100)).isCloseTo(0.634, within(0.0005));
    assertThat(TailLatency.slowShare(0.0001, 2000)).isCloseTo(0.181, within(0.0005));
    TailLatency.FanOut f = TailLatency.ofSlowShare(100, 0.01, 1);
    assertThat(f.slowRequestFraction()).isCloseTo(0.6339677, within(1e-7));
    assertThat(f.quantiles()).isEmpty();
  }

  /**
   * A call of p50 5 ms and p99 50 ms is lognormal with sigma = ln(10) / z(0.99) = 2.302585 /
   * 2.326348 = 0.989785. At a fan-out of 1 the request is the call; at 100 the request's p99 is the
   * call's 0.99^(1/100) = 0.99989950 percentile, z = 3.7190: 5 ms x e^(0.989785 x 3.7190) = 198.2 ms
   * (computed independently with scipy.stats.norm: 0.198189 s); its p50, the call's 0.5^(1/100)
   * percentile, is 57.19 ms.
   */
  @Test
  void requestPercentilesFromALognormalCall() {
    TailLatency.Lognormal call = TailLatency.Lognormal.fit(0.005, 0.050);
    assertThat(call.sigma()).isCloseTo(0.9897854, within(1e-7));
    TailLatency.FanOut one = TailLatency.ofQuantiles(1, 0.005, 0.050, OptionalDouble.empty());
    assertThat(one.quantiles().orElseThrow().requestP99()).isCloseTo(0.050, withinPercentage(1e-9));
    assertThat(one.quantiles().orElseThrow().requestP50()).isCloseTo(0.005, withinPercentage(1e-9));
    TailLatency.FanOut hundred = TailLatency.ofQuantiles(100, 0.005, 0.050, OptionalDouble.empty());
    assertThat(hundred.quantiles().orElseThrow().requestP99()).isCloseTo(0.1981894, withinPercentage(1e-4));
    assertThat(hundred.quantiles().orElseThrow().requestP50()).isCloseTo(0.0571870, withinPercentage(1e-4));
    // a slow call is one over the call's p99: 1% of them, 63.4% of requests
    assertThat(hundred.slowCallFraction()).isCloseTo(0.01, within(1e-15));
    assertThat(hundred.slowOverSeconds()).isEqualTo(0.050);
    assertThat(hundred.slowRequestFraction()).isCloseTo(0.6339677, within(1e-7));
  }

  /**
   * Hedging after p95 sends a backup for the 5% of calls still out at the call's p95 (25.47 ms),
   * "approximately 5%" more load in the paper's words. With P(hedged > t) = S(t) S(t - t95) past
   * t95, solved independently with scipy (brentq on the same survival): the call's p99 falls from
   * 50 ms to 32.81 ms; at a fan-out of 100 the request's p99 from 198.2 ms to 63.75 ms and its p50
   * from 57.19 ms to 34.58 ms; calls over 50 ms from 1% to 0.05404%, requests from 63.4% to 5.262%.
   */
  @Test
  void hedgingAfterP95CostsFivePercentAndCutsTheTail() {
    TailLatency.FanOut f = TailLatency.ofQuantiles(100, 0.005, 0.050, OptionalDouble.of(0.95));
    TailLatency.Hedge h = f.hedge().orElseThrow();
    assertThat(h.afterSeconds()).isCloseTo(0.0254697, withinPercentage(1e-4));
    assertThat(h.extraCallFraction()).isCloseTo(0.05, within(1e-12));
    assertThat(h.callP99()).isCloseTo(0.0328133, withinPercentage(1e-4));
    assertThat(h.requestP99()).isCloseTo(0.0637500, withinPercentage(1e-4));
    assertThat(h.requestP50()).isCloseTo(0.0345774, withinPercentage(1e-4));
    assertThat(h.slowCallFraction()).isCloseTo(0.000540399, withinPercentage(1e-3));
    assertThat(h.slowRequestFraction()).isCloseTo(0.0526195, withinPercentage(1e-3));
  }

  /** A hedge after p99.9 never fires before the call's p99: the call's p99 is unchanged. */
  @Test
  void aLateHedgeLeavesEarlierPercentilesAlone() {
    TailLatency.Hedge h = TailLatency.ofQuantiles(1, 0.005, 0.050, OptionalDouble.of(0.999)).hedge().orElseThrow();
    assertThat(h.callP99()).isCloseTo(0.050, withinPercentage(1e-9));
    assertThat(h.extraCallFraction()).isCloseTo(0.001, within(1e-12));
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
