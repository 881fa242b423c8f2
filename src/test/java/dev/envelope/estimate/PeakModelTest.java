package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PeakModelTest {
  /** The busiest hour with 10% of the day's requests runs at 0.10 x 24 = 2.4 times the day's average. */
  @Test
  void diurnalFactorIsTheShareTimes24() {
    assertThat(PeakModel.diurnal(0.10)).isCloseTo(2.4, within(1e-12));
    // a flat day: every hour 1/24 of it, no peak
    assertThat(PeakModel.diurnal(1.0 / 24)).isCloseTo(1, within(1e-12));
  }

  /**
   * The busiest second of Poisson arrivals at the 99.9th percentile, the smallest k with
   * P(N <= k) >= 0.999 (values from scipy.stats.poisson.ppf(0.999, L)): 132 at 100/s (1.32),
   * 21 at 10/s (2.1), 4 at 0.5/s (8), 100,030,904 at 10^8/s (1.00030904).
   */
  @Test
  void poissonFactorIsTheBusySecondOverTheAverage() {
    assertThat(PeakModel.poisson(100, 0.999)).isCloseTo(1.32, within(1e-12));
    assertThat(PeakModel.poisson(10, 0.999)).isCloseTo(2.1, within(1e-12));
    assertThat(PeakModel.poisson(0.5, 0.999)).isCloseTo(8, within(1e-12));
    assertThat(PeakModel.poisson(1e8, 0.999)).isCloseTo(1.00030904, within(1e-8));
    assertThat(PeakModel.poisson(0, 0.999)).isEqualTo(1);
  }
}
