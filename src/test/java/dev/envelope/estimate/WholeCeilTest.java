package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WholeCeilTest {

  @Test
  void ceilingIgnoresFloatingPointNoise() {
    // 0.1 x 3 is 0.30000000000000004 in binary; divided by 0.3 it is 1.0000000000000002: one node.
    assertThat(0.1 * 3 / 0.3).isGreaterThan(1);
    assertThat(Op.wholeCeil(0.1 * 3 / 0.3)).isEqualTo(1);
    // 0.7 x 100 is 70.00000000000001 in binary.
    assertThat(Op.wholeCeil(0.7 * 100)).isEqualTo(70);
  }

  @Test
  void ceilingRoundsRealExcessUp() {
    assertThat(Op.wholeCeil(1.01)).isEqualTo(2);
    assertThat(Op.wholeCeil(17.28)).isEqualTo(18);
    assertThat(Op.wholeCeil(0.001)).isEqualTo(1);
  }

  @Test
  void wholeNumbersStayWhole() {
    assertThat(Op.wholeCeil(0)).isEqualTo(0);
    assertThat(Op.wholeCeil(3)).isEqualTo(3);
    assertThat(Op.wholeCeil(1e12)).isEqualTo(1e12);
  }

  /** The definition wholeCeil is written out from: the nearest whole number within a billionth, else the ceiling. */
  private static double reference(double exact) {
    double nearest = Math.rint(exact);
    if (Math.abs(exact - nearest) <= 1e-9 * Math.max(1, Math.abs(exact))) {
      return nearest;
    }
    return Math.ceil(exact);
  }

  private static final double[] LANE = new double[1];
  private static final double[] CEILED = new double[1];

  /**
   * The same double, signed zeros told apart, from wholeCeil and from the lanes' loop (which writes
   * its usual case out); every NaN is one (its payload is the compiler's to keep or not).
   */
  private static void sameBits(double x) {
    long want = Double.doubleToLongBits(reference(x));
    long got = Double.doubleToLongBits(Op.wholeCeil(x));
    if (got != want) {
      throw new AssertionError("wholeCeil(" + x + ") = " + Op.wholeCeil(x) + ", expected " + reference(x));
    }
    LANE[0] = x;
    Op.wholeCeils(LANE, CEILED, 1);
    if (Double.doubleToLongBits(CEILED[0]) != want) {
      throw new AssertionError("wholeCeils({" + x + "}) = " + CEILED[0] + ", expected " + reference(x));
    }
  }

  @Test
  void sameBitsAsMathRintAndCeilAtTheEdges() {
    double two52 = 0x1p52;
    double[] edges = {0.0, -0.0, 0.5, -0.5, 0.7, -0.7, 1.5, -1.5, 2.5, -2.5, 1 - 1e-9, -1 + 1e-9, 1e-9, -1e-9,
        1.0000000005, 1.0000000015, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0xfff8000000000001L), two52, -two52, Math.nextDown(two52), -Math.nextDown(two52),
        two52 - 0.5, -(two52 - 0.5), two52 - 1.5, Math.nextUp(two52), 0x1p53 + 2, 0x1p51 + 0.5, -(0x1p51 + 0.5),
        0x1p51 + 1.5, 1e9 + 0.5, 1e9 + 1e-6, -1e9 - 1e-6, 4503599627.370496, 0.49999999999999994,
        -0.49999999999999994};
    for (double x : edges) {
      sameBits(x);
      sameBits(Math.nextUp(x));
      sameBits(Math.nextDown(x));
    }
  }

  @Test
  void sameBitsAsMathRintAndCeilOnMillionsOfDraws() {
    SplittableRandom r = new SplittableRandom(20261203L);
    for (int i = 0; i < 1_000_000; i++) {
      sameBits(Double.longBitsToDouble(r.nextLong())); // any double: every exponent and sign
      long whole = r.nextLong(-1L << 53, 1L << 53) >> r.nextInt(54);
      double w = whole;
      sameBits(w); // whole numbers
      sameBits(w + 0.5); // halves: ties to even
      sameBits(w + (r.nextDouble() - 0.5) * 4e-9 * Math.max(1, Math.abs(w))); // within noise of a whole number
      sameBits(w + r.nextDouble()); // anywhere between two whole numbers
      sameBits((r.nextDouble() - 0.5) * 4); // around 0, -1 and 1: signed zeros
    }
  }
}
