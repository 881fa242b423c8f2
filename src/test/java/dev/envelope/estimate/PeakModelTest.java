package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakModelTest {
  /**
   * The busiest second of Poisson arrivals at the 99.9th percentile, the smallest k with
   * P(N <= k) >= 0.999 (values from scipy.stats.poisson.ppf(0.999, L)): 132 at 100/s, 21 at 10/s,
   * 4 at 0.5/s; above 10^7/s too, 100,030,904 at 10^8/s.
   */
  @Test
  void theBusiestSecondOfPoissonArrivals() {
    assertThat(PeakModel.poissonQuantile(100, 0.999)).isEqualTo(132);
    assertThat(PeakModel.poissonQuantile(10, 0.999)).isEqualTo(21);
    assertThat(PeakModel.poissonQuantile(0.5, 0.999)).isEqualTo(4);
    assertThat(PeakModel.poissonQuantile(1e8, 0.999)).isEqualTo(100_030_904);
  }

  /**
   * Exact above 10^7/s, to 2^53/s. The expected values are the smallest k with P(N <= k) >= p, found
   * with mpmath's regularized incomplete gamma function at 60 digits (1e10, 742,600,000, 1.2e8, 1e12),
   * with scipy.stats.poisson.ppf (Boost's quantile) for 1e15, 1e9 and 5e7, and at 2^52 with Temme's
   * expansion worked in mpmath at 40 digits (P(N <= k) - 0.999 is -2.4e-11 at k = ...476 and +2.6e-11
   * at ...477; Boost's 32-bit-safe search says ...476 there). At 742,600,000/s the
   * Cornish-Fisher value rounded up, 742,684,213, is one too high; so is it for about half of all rates.
   */
  @Test
  void thePoissonQuantileIsExactUpTo2To53() {
    assertThat(PeakModel.poissonQuantile(742_600_000, 0.999)).isEqualTo(742_684_212);
    assertThat(PeakModel.poissonQuantile(1e7, 0.999)).isEqualTo(10_009_774);
    assertThat(PeakModel.poissonQuantile(123_456_789, 0.99)).isEqualTo(123_482_638);
    assertThat(PeakModel.poissonQuantile(1e10, 0.999)).isEqualTo(10_000_309_025L);
    assertThat(PeakModel.poissonQuantile(1e12, 0.9999)).isEqualTo(1_000_003_719_019L);
    assertThat(PeakModel.poissonQuantile(1e15, 0.999)).isEqualTo(1_000_000_097_721_727L);
    assertThat(PeakModel.poissonQuantile(Math.pow(2, 52), 0.999)).isEqualTo(4_503_599_834_752_477L);
    assertThat(PeakModel.poissonQuantile(1e9, 0.5)).isEqualTo(1_000_000_000);
    assertThat(PeakModel.poissonQuantile(5e7, 0.99)).isEqualTo(50_016_450);
  }

  /** Above 10^7/s, the search agrees with commons-math's exact search where both run (up to 3 x 10^7). */
  @Test
  void theSearchAgreesWithTheDistributionsOwnWhereBothRun() {
    for (double rate = 1.0e7 + 0.37; rate < 3e7; rate *= 1.137) {
      double exact = new org.apache.commons.math3.distribution.PoissonDistribution(null, rate, 1e-12, 10_000_000)
          .inverseCumulativeProbability(0.999);
      assertThat(PeakModel.poissonQuantile(rate, 0.999)).as("at %s/s", rate).isEqualTo(exact);
    }
  }

  /** At 0.001/s even the p99.9 second holds no request: below the average, so the floor applies. */
  @Test
  void aQuietWorkloadsBusiestSecondIsBelowItsAverage() {
    assertThat(PeakModel.belowAverage(0.001, 0.999)).isTrue();
    assertThat(PeakModel.belowAverage(100, 0.999)).isFalse();
    assertThat(PeakModel.belowAverage(0, 0.999)).isFalse();
  }

  /**
   * Up to 10^7 a second the quantile is Commons Math's {@code inverseCumulativeProbability} of
   * Poisson(L), to the unit, though searched from the normal guess: rates from 0.001 to 10^7,
   * percentiles from 1e-9 to 1 - 1e-12.
   */
  @Test
  void theSearchGivesCommonsMathsQuantile() {
    int checked = 0;
    for (double rate : new double[] {0.001, 0.5, 3, 10, 99.5, 1_000, 12_345.6, 1e6, 9.99e6}) {
      for (double p : new double[] {1e-9, 0.01, 0.3, 0.5, 0.9, 0.99, 0.999, 0.999999, 1 - 1e-12}) {
        double expected = new org.apache.commons.math3.distribution.PoissonDistribution(null, rate,
            org.apache.commons.math3.distribution.PoissonDistribution.DEFAULT_EPSILON,
            org.apache.commons.math3.distribution.PoissonDistribution.DEFAULT_MAX_ITERATIONS)
            .inverseCumulativeProbability(p);
        assertThat(PeakModel.poissonQuantile(rate, p)).as("%s/s at %s", rate, p).isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(81);
  }
}
