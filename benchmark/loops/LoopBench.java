package dev.envelope.estimate;

/**
 * The time of one lane of the Monte Carlo's loops under the launcher's compiler: Op's loops, which
 * work on four lanes a turn, beside the same loops written one lane a turn; 40 results of 100,000
 * lanes a round (more than the processor's caches hold, as a run's figures are), six rounds in
 * turns; the last rounds are the compiled code's. In package dev.envelope.estimate to call Op's own loops.
 */
public final class LoopBench {
  private LoopBench() {}

  private static void timesOneByOne(double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] * b[i];
    }
  }

  private static void timesOneByOne(double[] a, double y, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] * y;
    }
  }

  public static void main(String[] args) {
    int n = 100_000;
    double[] a = new double[n];
    double[] b = new double[n];
    double[][] out = new double[40][n];
    for (int i = 0; i < n; i++) {
      a[i] = i * 0.3 + 1;
      b[i] = 2.5 - i * 1e-6;
    }
    double lanes = 40.0 * n;
    System.out.println("ns a lane:  a x b, one a turn   a x b, Op (four)   a x y, one a turn   a x y, Op (four)");
    for (int round = 1; round <= 6; round++) {
      long t0 = System.nanoTime();
      for (double[] r : out) {
        timesOneByOne(a, b, r, n);
      }
      long t1 = System.nanoTime();
      for (double[] r : out) {
        Op.times(a, b, r, n);
      }
      long t2 = System.nanoTime();
      for (double[] r : out) {
        timesOneByOne(a, 1.7, r, n);
      }
      long t3 = System.nanoTime();
      for (double[] r : out) {
        Op.times(a, 1.7, r, n);
      }
      long t4 = System.nanoTime();
      System.out.printf(java.util.Locale.ROOT, "round %d:   %18.2f %18.2f %19.2f %18.2f%n", round, (t1 - t0) / lanes,
          (t2 - t1) / lanes, (t3 - t2) / lanes, (t4 - t3) / lanes);
    }
  }
}
