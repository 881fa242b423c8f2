package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class SensitivityTest {
  // Storage per day = DAU x writes per user x payload: each input moves it in proportion to its
  // own spread, so the widest range must rank first: DAU (x100), then writes (x3), payload (x1.1).
  private static final String FILE = """
      users: {dau: 1M to 100M}
      workloads: {w: {writes_per_user: 1/day to 3/day, payload: 1KB to 1.1KB}}
      """;

  @Test
  void theWidestRangeMovesAProductMost() {
    Sensitivity.Result r = Sensitivity.of(Estimates.of(FILE), "storage.bytes_per_day", 0.05, 0.95);
    assertThat(r.swings()).extracting(s -> s.input().path())
        .containsExactly("users.dau", "workloads.w.writes_per_user", "workloads.w.payload");
    // DAU alone from 1M to 100M, writes at sqrt(3)/day, payload at sqrt(1.1) KB:
    // 1M x 1.732 x 1,048.8 B = 1.8166 GB a day, and 100 times that.
    Sensitivity.Swing dau = r.swings().get(0);
    double perDay = 1e6 * Math.sqrt(3) * Math.sqrt(1000 * 1100.0);
    assertThat(dau.inputLow()).isCloseTo(1e6, withinPercentage(1e-9));
    assertThat(dau.inputHigh()).isCloseTo(100e6, withinPercentage(1e-9));
    assertThat(dau.atLow()).isCloseTo(perDay, withinPercentage(1e-6));
    assertThat(dau.atHigh()).isCloseTo(100 * perDay, withinPercentage(1e-6));
    assertThat(r.point()).isCloseTo(10 * perDay, withinPercentage(1e-6));
  }

  @Test
  void anInputThatDoesNotReachTheFigureHasNoSwing() {
    Sensitivity.Result r = Sensitivity.of(Estimates.of(FILE), "traffic.total.peak_per_second", 0.05, 0.95);
    assertThat(r.swings().get(2).input().path()).isEqualTo("workloads.w.payload");
    assertThat(r.swings().get(2).swing()).isZero();
  }

  @Test
  void aFigureTheEstimateDoesNotHaveHasNoSensitivity() {
    assertThat(Sensitivity.of(Estimates.of(FILE), "capacity.servers", 0.05, 0.95)).isNull();
  }

  /**
   * A model's count: servers = ceil(peak x latency / 50%), the rate 500/s to 2,000/s (median
   * 1,000/s), the latency uniform over 10 to 30 ms (p5 11 ms, median 20 ms, p95 29 ms), the
   * payload out of reach. At the medians 1,000 x 0.020 / 0.5 = 40 servers. The rate alone: 500 x
   * 0.020 / 0.5 = 20 and 2,000 x 0.020 / 0.5 = 80, a swing of 60; the latency alone: 1,000 x 0.011
   * / 0.5 = 22 and 1,000 x 0.029 / 0.5 = 58, a swing of 36; the payload none.
   */
  @Test
  void aQueueingCountRanksItsInputsByHand() {
    Estimate e = Estimates.of("""
        workloads:
          api:
            writes: 500/s to 2000/s
            latency: {dist: uniform, low: 10ms, high: 30ms}
            payload: 1KB to 2KB
        traffic: {peak_factor: 1}
        capacity: {utilization: 50%}
        """);
    Sensitivity.Result r = Sensitivity.of(e, "workloads.api.queueing.servers", 0.05, 0.95);
    assertThat(r.point()).isEqualTo(40);
    assertThat(r.swings()).extracting(s -> s.input().path())
        .containsExactly("workloads.api.writes", "workloads.api.latency", "workloads.api.payload");
    assertThat(r.swings()).extracting(Sensitivity.Swing::atLow).containsExactly(20.0, 22.0, 40.0);
    assertThat(r.swings()).extracting(Sensitivity.Swing::atHigh).containsExactly(80.0, 58.0, 40.0);
    assertThat(r.swings()).extracting(Sensitivity.Swing::swing).containsExactly(60.0, 36.0, 0.0);
  }
}
