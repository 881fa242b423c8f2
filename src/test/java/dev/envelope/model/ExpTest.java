package dev.envelope.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpTest {
  private static long ulps(double a, double b) {
    return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
  }

  @Test
  void withinTwoUlpsOfStrictMathAcrossItsRange() {
    SplittableRandom r = new SplittableRandom(11);
    long worst = 0;
    for (int i = 0; i < 3_000_000; i++) {
      // as the draws take it (a spread times a Gaussian), and everywhere a result is a normal double
      double x = i % 2 == 0 ? r.nextGaussian() * 2 : r.nextDouble(-745, 710);
      long u = ulps(Exp.of(x), StrictMath.exp(x));
      worst = Math.max(worst, u);
      assertThat(u).as("x = %s", x).isLessThanOrEqualTo(2);
    }
    assertThat(worst).isPositive(); // not StrictMath itself
  }

  @Test
  void atMultiplesOfLn2AndAtTheEdgesAsStrictMath() {
    assertThat(Exp.of(0)).isEqualTo(1.0);
    assertThat(Exp.of(-0.0)).isEqualTo(1.0);
    for (int n = -1000; n <= 1000; n += 50) {
      double x = n * 0.6931471805599453;
      assertThat(ulps(Exp.of(x), StrictMath.exp(x))).as("x = %s", x).isLessThanOrEqualTo(2);
    }
    double[] edges = {-707, -707.0000001, -706.9999999, 709, 708.9999999, 709.78, 709.8, -745.2, -746, 1e-300, -1e-300,
        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    for (double x : edges) {
      double e = Exp.of(x);
      double s = StrictMath.exp(x);
      if (Double.isNaN(s) || Double.isInfinite(s) || s == 0 || s < Double.MIN_NORMAL) {
        assertThat(Double.doubleToRawLongBits(e)).as("x = %s", x).isEqualTo(Double.doubleToRawLongBits(s));
      } else {
        assertThat(ulps(e, s)).as("x = %s", x).isLessThanOrEqualTo(2);
      }
    }
  }
}
