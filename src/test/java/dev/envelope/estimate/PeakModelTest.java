package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakModelTest {
  /**
   * The busiest second of Poisson arrivals at the 99.9th percentile, the smallest k with
   * P(N <= k) >= 0.999 (values from scipy.stats.poisson.ppf(0.999, L)): 132 at 100/s, 21 at 10/s,
   * 4 at 0.5/s; above 10^7/s the Cornish-Fisher approximation, 100,030,904 at 10^8/s.
   */
  @Test
  void theBusiestSecondOfPoissonArrivals() {
    assertThat(PeakModel.poissonQuantile(100, 0.999)).isEqualTo(132);
    assertThat(PeakModel.poissonQuantile(10, 0.999)).isEqualTo(21);
    assertThat(PeakModel.poissonQuantile(0.5, 0.999)).isEqualTo(4);
    assertThat(PeakModel.poissonQuantile(1e8, 0.999)).isEqualTo(100_030_904);
  }

  /** At 0.001/s even the p99.9 second holds no request: below the average, so the floor applies. */
  @Test
  void aQuietWorkloadsBusiestSecondIsBelowItsAverage() {
    assertThat(PeakModel.belowAverage(0.001, 0.999)).isTrue();
    assertThat(PeakModel.belowAverage(100, 0.999)).isFalse();
    assertThat(PeakModel.belowAverage(0, 0.999)).isFalse();
  }
}
