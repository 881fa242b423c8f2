import dev.envelope.model.Exp;
import java.util.SplittableRandom;

/**
 * The time of one e^x as the lognormal draws take it (0.8 times a standard Gaussian), by
 * envelope's Exp, StrictMath.exp and Math.exp, on the launcher's compiler: six rounds of two
 * million calls each, in turns; the last rounds are the compiled code's.
 */
public final class ExpBench {
  public static void main(String[] args) {
    SplittableRandom r = new SplittableRandom(3);
    double[] xs = new double[100_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = r.nextGaussian() * 0.8;
    }
    double sink = 0;
    for (int round = 1; round <= 6; round++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < 20; k++) {
        for (double x : xs) {
          sink += Exp.of(x);
        }
      }
      long t1 = System.nanoTime();
      for (int k = 0; k < 20; k++) {
        for (double x : xs) {
          sink += StrictMath.exp(x);
        }
      }
      long t2 = System.nanoTime();
      for (int k = 0; k < 20; k++) {
        for (double x : xs) {
          sink += Math.exp(x);
        }
      }
      long t3 = System.nanoTime();
      System.out.printf(java.util.Locale.ROOT, "round %d: Exp.of %.1f ns, StrictMath.exp %.1f ns, Math.exp %.1f ns%n",
          round, (t1 - t0) / 2e6, (t2 - t1) / 2e6, (t3 - t2) / 2e6);
    }
    System.out.println(sink > 0 ? "" : "?");
  }
}
