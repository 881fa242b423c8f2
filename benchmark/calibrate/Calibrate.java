package dev.envelope.estimate;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The time of one call of each model calculator on one lane, beside the work budget's unit (one
 * lane of a plain figure, some 33 ns): what {@code Op.cost} charges for each. Run by
 * benchmark/calibrate.sh against target/classes.
 */
public final class Calibrate {
  private Calibrate() {}

  private static final double UNIT_NS = 33;
  private static double sink;

  private static void time(String name, IntToDoubleFunction f, int calls, long charged) {
    double ns = 0;
    for (int round = 0; round < 3; round++) { // the first two warm the code up
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        sink += f.applyAsDouble(i);
      }
      ns = (System.nanoTime() - start) / (double) calls;
    }
    System.out.println(String.format(Locale.ROOT, "%-44s %12.0f ns %10.0f units %10d charged", name, ns,
        ns / UNIT_NS, charged));
  }

  private static long charged(Op op, double... x) {
    return op.cost(x);
  }

  public static void main(String[] args) {
    TailLatency.Lognormal call = TailLatency.Lognormal.fit(0.005, 0.05);
    time("hedged_quantile (5 ms, 50 ms, after 20 ms)", i -> TailLatency.hedgedQuantile(call, 0.02 + i % 7 * 1e-4,
        0.001), 20_000, charged(Op.HEDGED_QUANTILE, 0.005, 0.05, 0.02, 0.001));
    time("lognormal_over", i -> call.survival(0.03 + i % 7 * 1e-4), 100_000,
        charged(Op.LOGNORMAL_OVER, 0.005, 0.05, 0.03));
    time("lognormal_quantile", i -> TailLatency.Lognormal.fit(0.005, 0.05 + i % 7 * 1e-4).upperQuantile(1e-4),
        50_000, charged(Op.LOGNORMAL_QUANTILE, 0.005, 0.05, 1e-4));
    for (double a : new double[] {100, 5_000, 50_000}) {
      time("erlang_c_servers at " + (long) a + " Erlangs", i -> Queueing.serversForWait(a + i % 7, 0.02, 0.005),
          a > 1_000 ? 1_000 : 20_000, charged(Op.ERLANG_C_SERVERS, a, 0.02, 0.005));
    }
    time("response_p99 (200 servers, 150 Erlangs)", i -> Queueing.responseP99(200, 150 + i % 7, 0.02), 20_000,
        charged(Op.RESPONSE_P99, 200, 150, 0.02));
    time("erlang_c (200 servers, 150 Erlangs)", i -> Queueing.erlangC(200, 150 + i % 7), 20_000,
        charged(Op.ERLANG_C, 200, 150));
    for (double rate : new double[] {1_000, 1e6, 1e9, 1e15}) {
      time("poisson_quantile at " + (long) rate + "/s, p99.9", i -> PeakModel.poissonQuantile(rate + i % 7, 0.999),
          rate > 1e5 ? 2_000 : 20_000, charged(Op.POISSON_QUANTILE, rate, 0.999));
    }
    time("binom_below (2 of 5)", i -> Math.exp(Redundancy.logUnavailability(1e-3 + i % 7 * 1e-6, 5, 2)), 50_000,
        charged(Op.BINOMIAL_BELOW, 2, 5, 0.999));
    time("binom_below (50 of 100)", i -> Math.exp(Redundancy.logUnavailability(1e-3 + i % 7 * 1e-6, 100, 50)),
        5_000, charged(Op.BINOMIAL_BELOW, 50, 100, 0.999));
    if (sink == 42) {
      System.out.println();
    }
  }
}
