package dev.envelope.estimate;

/** Whole counts of machines, shards and nodes. */
final class Counts {
  private Counts() {}

  /** Relative distance to a whole number below which a quotient counts as that number. */
  private static final double NOISE = 1e-9;

  /**
   * The ceiling of {@code exact}, immune to floating-point noise: 0.1 x 3 / 0.3 is
   * 1.0000000000000002 in binary floating point, and is one, not two.
   */
  static double ceil(double exact) {
    double nearest = Math.rint(exact);
    if (Math.abs(exact - nearest) <= NOISE * Math.max(1, Math.abs(exact))) {
      return nearest;
    }
    return Math.ceil(exact);
  }
}
