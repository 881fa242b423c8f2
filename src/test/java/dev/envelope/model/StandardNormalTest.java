package dev.envelope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.junit.jupiter.api.Test;

class StandardNormalTest {
  /**
   * Wichura (1988) prints, for checking a transcription, the sum of the mantissas (each coefficient
   * written as d.ddd... times a power of ten) of each pair of coefficient sets.
   */
  @Test
  void coefficientsAreThePapersByItsOwnChecksums() {
    // to the 15 digits a sum of doubles holds: a digit copied wrong anywhere before that shows
    assertThat(mantissas(StandardNormal.A, StandardNormal.B)).isCloseTo(55.8831928806149014439, within(1e-13));
    assertThat(mantissas(StandardNormal.C, StandardNormal.D)).isCloseTo(49.33206503301610289036, within(1e-13));
    assertThat(mantissas(StandardNormal.E, StandardNormal.F)).isCloseTo(47.52583317549289671629, within(1e-13));
  }

  /** The sum of the mantissas (the constant 1 of each denominator is not a coefficient). */
  private static double mantissas(double[] numerator, double[] denominator) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double[] set : new double[][] {numerator, denominator}) {
      for (int i = set == denominator ? 1 : 0; i < set.length; i++) {
        BigDecimal c = new BigDecimal(set[i]);
        sum = sum.add(c.movePointLeft(c.precision() - c.scale() - 1));
      }
    }
    return sum.doubleValue();
  }

  /** Quantiles worked out to 60 digits (mpmath: the root of ncdf(z) = p, p the double written). */
  @Test
  void withinAFewUlpsOfTheQuantileTo50Digits() {
    double[][] cases = {
        {0.95, 1.6448536269514722843}, {0.05, -1.644853626951472688}, {0.3, -0.52440051270804081597},
        {0.0749, -1.4402382675279636631}, {1e-6, -4.7534243088228989573}, {0.999999, 4.7534243088170877657},
        {9.884005537233167e-7, -4.7557815805815222716}, {1e-10, -6.3613409024040561991},
        {1e-20, -9.2623400897984075796}, {1e-100, -21.273453560965324294}, {1e-300, -37.047096299361199237},
        {1.7265574676150447e-14, -7.5800914427778429489}, {Double.MIN_VALUE, -38.467405617144346251}};
    for (double[] c : cases) {
      assertThat(StandardNormal.quantile(c[0])).as("p = %s", c[0]).isCloseTo(c[1], within(8 * Math.ulp(c[1])));
    }
  }

  /**
   * Commons Math's quantile (mean + sd sqrt(2) erfInv(2p - 1)) agrees to 1e-11 relative where
   * 2p - 1 keeps p's digits, down to p = 1e-6; below, it loses them (at p = 1.7e-14 it is 1.2e-5
   * off the 60-digit value, this within an ulp), which is why ranges no longer go through it.
   */
  @Test
  void agreesWithCommonsMathWhereItHoldsItsDigits() {
    NormalDistribution n = new NormalDistribution(null, 0, 1);
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 200_000; i++) {
      double p = i % 3 == 0 ? r.nextDouble(1e-6, 1 - 1e-6) : i % 3 == 1 ? Math.pow(10, -r.nextDouble(1, 6)) : 1 - r.nextDouble(1e-6, 0.2);
      double expected = n.inverseCumulativeProbability(p);
      assertThat(StandardNormal.quantile(p)).as("p = %s", p)
          .isCloseTo(expected, within(1e-11 * Math.max(1, Math.abs(expected))));
    }
    assertThat(Math.abs(n.inverseCumulativeProbability(1.7265574676150447e-14) - -7.5800914427778429489))
        .isGreaterThan(1e-5);
  }

  @Test
  void theMedianTheEndsAndWhatIsNoShare() {
    assertThat(StandardNormal.quantile(0.5)).isEqualTo(0.0);
    assertThat(StandardNormal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(StandardNormal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(StandardNormal.quantile(Double.NaN)).isNaN();
    assertThat(StandardNormal.quantile(-0.1)).isNaN();
    assertThat(StandardNormal.quantile(1.1)).isNaN();
  }

  @Test
  void increasesWithP() {
    double previous = Double.NEGATIVE_INFINITY;
    for (int i = 1; i < 100_000; i++) {
      double z = StandardNormal.quantile(i / 100_000.0);
      assertThat(z).isGreaterThan(previous);
      previous = z;
    }
  }

  /** The triangular quantile in closed form is Commons Math's to the bit. */
  @Test
  void triangularInverseIsCommonsMathsToTheBit() {
    SplittableRandom r = new SplittableRandom(9);
    double[][] shapes = {{0, 0.3, 1}, {10, 10, 20}, {10, 20, 20}, {1e-3, 5, 1e9}, {-4, -1, 2}};
    for (double[] t : shapes) {
      Uncertain u = new Uncertain("x", null, "t", Uncertain.Shape.TRIANGULAR, t[0], t[1], t[2],
          Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
      TriangularDistribution d = new TriangularDistribution(null, t[0], t[1], t[2]);
      for (int i = 0; i < 20_000; i++) {
        double p = i == 0 ? 0 : r.nextDouble();
        assertThat(u.inverse(p)).as("%s at %s", java.util.Arrays.toString(t), p)
            .isEqualTo(d.inverseCumulativeProbability(p));
      }
    }
  }
}
