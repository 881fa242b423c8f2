package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueingTest {
  /** Little's law: 500 requests a second, each 20 ms in the system, keep 500 x 0.02 = 10 in flight. */
  @Test
  void inFlightIsRateTimesTime() {
    assertThat(Queueing.inFlight(500, 0.020)).isCloseTo(10, within(1e-12));
  }

  /**
   * Erlang C by hand, c = 3 servers at a = 2 Erlangs: Erlang B is (2^3 / 3!) / (1 + 2 + 2^2/2! +
   * 2^3/3!) = (4/3) / (19/3) = 4/19, and C = c B / (c - a (1 - B)) = (12/19) / (3 - 30/19) = 12/27
   * = 4/9. And M/M/2 at half load: C(2, 1) = 2 rho^2 / (1 + rho) with rho = 1/2, = 1/3.
   */
  @Test
  void erlangCMatchesHandArithmetic() {
    assertThat(Queueing.erlangC(3, 2)).isCloseTo(4.0 / 9, within(1e-14));
    assertThat(Queueing.erlangC(2, 1)).isCloseTo(1.0 / 3, within(1e-14));
    // Erlang C tables: 10 Erlangs on 12 servers wait 44.94% of the time (the closed form,
    // (a^c/c! x c/(c-a)) / (sum over k < c of a^k/k! + a^c/c! x c/(c-a)), gives 0.449388).
    assertThat(Queueing.erlangC(12, 10)).isCloseTo(0.449388, within(1e-6));
    assertThatThrownBy(() -> Queueing.erlangC(2, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * 10 Erlangs (500/s x 20 ms), p99 wait at most 10 ms: with P(wait > t) = C exp(-(c - a) t / S),
   * 14 servers give C = 0.174132 and a p99 of 20 ms x ln(17.4132) / 4 = 14.29 ms, too long; 15 give
   * C = 0.102042 and 20 ms x ln(10.2042) / 5 = 9.29 ms. By rate at 80%: ceil(10 / 0.8) = 13.
   */
  @Test
  void serversForAWaitTargetByErlangC() {
    Queueing.Result r = Queueing.of(500, 0.020, 0.8, Optional.of(0.010));
    assertThat(r.inFlight()).isCloseTo(10, within(1e-12));
    assertThat(r.serversByRate()).isEqualTo(13);
    assertThat(r.utilizationByRate()).isCloseTo(10.0 / 13, within(1e-12));
    Queueing.Wait w = r.byWait().orElseThrow();
    assertThat(w.servers()).isEqualTo(15);
    assertThat(w.utilization()).isCloseTo(10.0 / 15, within(1e-12));
    assertThat(w.waitProbability()).isCloseTo(0.102042, within(1e-6));
    assertThat(w.waitP99Seconds()).isCloseTo(0.0092912, withinPercentage(0.01));
    assertThat(r.servers()).isEqualTo(15);
    assertThat(r.boundBy()).isEqualTo("wait");
  }

  /** Where at most 1% of requests wait at all, the p99 wait is zero: 19 servers at 10 Erlangs, C = 0.7874%. */
  @Test
  void aZeroWaitTargetNeedsAtMostOnePercentToWait() {
    Queueing.Wait w = Queueing.of(500, 0.020, 0.8, Optional.of(0.0)).byWait().orElseThrow();
    assertThat(w.servers()).isEqualTo(19);
    assertThat(w.waitP99Seconds()).isZero();
  }

  @Test
  void withoutAWaitTargetOnlyTheRateCount() {
    Queueing.Result r = Queueing.of(500, 0.020, 0.7, Optional.empty());
    // ceil(10 / 0.7) = ceil(14.29) = 15
    assertThat(r.serversByRate()).isEqualTo(15);
    assertThat(r.byWait()).isEmpty();
    assertThat(r.boundBy()).isEqualTo("rate");
  }

  @Test
  void noLoadNeedsOneServer() {
    Queueing.Result r = Queueing.of(0, 0.020, 0.7, Optional.of(0.01));
    assertThat(r.serversByRate()).isEqualTo(1);
    assertThat(r.byWait().orElseThrow().servers()).isEqualTo(1);
  }
}
