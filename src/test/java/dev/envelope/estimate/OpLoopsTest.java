package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Op's loops, four lanes a turn, give each lane the bits one operation on it gives: on every
 * length up to a few turns, in place (the result written over the lanes operand, as a running
 * product is), and with special values among the operands.
 */
class OpLoopsTest {
  /** A loop: lanes {@code a} and {@code b}, one value {@code s}, into {@code r}. */
  private interface Loop {
    void apply(double[] a, double[] b, double s, double[] r, int n);
  }

  /** What the loop should give one lane. */
  private interface Lane {
    double apply(double a, double b, double s);
  }

  private static final double[] KINDS = {0.0, -0.0, 1, -1, 3.5, 1e308, -1e308, Double.MIN_VALUE,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1, 86_400};

  private static double draw(SplittableRandom r) {
    return r.nextInt(5) == 0 ? KINDS[r.nextInt(KINDS.length)] : r.nextGaussian() * 1e3;
  }

  private static void check(String what, Loop loop, Lane lane) {
    SplittableRandom r = new SplittableRandom(20261203L);
    for (int n = 0; n <= 13; n++) {
      for (int trial = 0; trial < 200; trial++) {
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
          a[i] = draw(r);
          b[i] = draw(r);
        }
        double s = draw(r);
        double[] out = new double[n];
        loop.apply(a, b, s, out, n);
        double[] inPlace = a.clone();
        loop.apply(inPlace, b, s, inPlace, n);
        for (int i = 0; i < n; i++) {
          long want = Double.doubleToRawLongBits(lane.apply(a[i], b[i], s));
          assertThat(Double.doubleToRawLongBits(out[i])).as("%s, lane %d of %d", what, i, n).isEqualTo(want);
          assertThat(Double.doubleToRawLongBits(inPlace[i])).as("%s in place, lane %d of %d", what, i, n)
              .isEqualTo(want);
        }
      }
    }
  }

  @Test
  void lanesWithLanes() {
    check("a x b", (a, b, s, r, n) -> Op.times(a, b, r, n), (a, b, s) -> a * b);
    check("a + b", (a, b, s, r, n) -> Op.plus(a, b, r, n), (a, b, s) -> a + b);
    check("a / b", (a, b, s, r, n) -> Op.divide(a, b, r, n), (a, b, s) -> a / b);
    check("a - b", (a, b, s, r, n) -> Op.minus(a, b, r, n), (a, b, s) -> a - b);
  }

  @Test
  void oneValueWithLanes() {
    check("s x a", (a, b, s, r, n) -> Op.times(s, a, r, n), (a, b, s) -> s * a);
    check("s + a", (a, b, s, r, n) -> Op.plus(s, a, r, n), (a, b, s) -> s + a);
    check("s / a", (a, b, s, r, n) -> Op.divide(s, a, r, n), (a, b, s) -> s / a);
    check("s - a", (a, b, s, r, n) -> Op.minus(s, a, r, n), (a, b, s) -> s - a);
  }

  @Test
  void lanesWithOneValue() {
    check("a x s", (a, b, s, r, n) -> Op.times(a, s, r, n), (a, b, s) -> a * s);
    check("a + s", (a, b, s, r, n) -> Op.plus(a, s, r, n), (a, b, s) -> a + s);
    check("a / s", (a, b, s, r, n) -> Op.divide(a, s, r, n), (a, b, s) -> a / s);
    check("a - s", (a, b, s, r, n) -> Op.minus(a, s, r, n), (a, b, s) -> a - s);
  }

  /** max and min of lanes, into the first: the bits of Op.MAX's and Op.MIN's apply (Math.max and min). */
  @Test
  void extremesAsApplyGivesThem() {
    check("max(a, b)", (a, b, s, r, n) -> {
      System.arraycopy(a, 0, r, 0, n);
      Op.extremes(true, r, b, n);
    }, (a, b, s) -> Op.MAX.apply(new double[] {a, b}));
    check("min(a, b)", (a, b, s, r, n) -> {
      System.arraycopy(a, 0, r, 0, n);
      Op.extremes(false, r, b, n);
    }, (a, b, s) -> Op.MIN.apply(new double[] {a, b}));
    check("max(a, s)", (a, b, s, r, n) -> {
      System.arraycopy(a, 0, r, 0, n);
      Op.extremes(true, r, s, n);
    }, (a, b, s) -> Op.MAX.apply(new double[] {a, s}));
    check("min(a, s)", (a, b, s, r, n) -> {
      System.arraycopy(a, 0, r, 0, n);
      Op.extremes(false, r, s, n);
    }, (a, b, s) -> Op.MIN.apply(new double[] {a, s}));
  }
}
