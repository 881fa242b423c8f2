package dev.envelope.estimate;


/**
 * Requests in flight and the servers they need, where a server handles one request at a time (a
 * worker, a thread, a core: a machine running 8 of them counts as 8):
 *
 * <pre>
 *   in flight  L = arrival rate x time in the system     (Little's law, L = lambda W)
 *   offered load a = peak rate x latency                  (Erlangs: servers kept busy on average)
 *   by rate:  c = ceil(a / utilization)                   utilization a / c
 *   by wait:  the fewest c whose p99 queueing delay is under max_wait_p99, with Erlang C (M/M/c):
 *             P(wait > 0) = C(c, a) = c B / (c - a (1 - B)),   B = Erlang B(c, a)
 *             P(wait > t) = C(c, a) x exp(-(c - a) t / latency)
 *             p99 wait    = 0 where C <= 1%, else latency x ln(C / 1%) / (c - a)
 * </pre>
 *
 * Erlang B by its recurrence {@code B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))}, which stays in
 * range at any load, where factorials would overflow (Kleinrock, <i>Queueing Systems</i> vol. 1,
 * 1975, ch. 3, the M/M/m queue). M/M/c assumes Poisson arrivals and exponential service times.
 */
public final class Queueing {
  private Queueing() {}

  /** The percentile of the queueing delay that max_wait_p99 bounds. */
  public static final double WAIT_PERCENTILE = 0.99;
  /** Above this load (servers busy on average) the Erlang C search is not run: it would take seconds. */
  static final double MAX_ERLANGS = 1e8;

  /**
   * The fewest servers whose p99 wait is at most {@code maxWait}, at load {@code a} Erlangs and
   * service time {@code latency}; not a number above {@link #MAX_ERLANGS}, where the search would
   * take seconds. At no load, one server.
   */
  public static double serversForWait(double a, double latency, double maxWait) {
    if (!(a >= 0) || a > MAX_ERLANGS || !(latency > 0) || !(maxWait >= 0)) {
      return Double.NaN;
    }
    if (a == 0) {
      return 1;
    }
    // Erlang B at the first stable count (c > a), then one server at a time: the answer lies within
    // a few square roots of a above it (square-root staffing), so the search is short.
    int c = (int) Math.floor(a) + 1;
    double b = erlangB(c, a);
    while (true) {
      double waits = erlangCFromB(c, a, b);
      if (p99Wait(waits, c, a, latency) <= maxWait) {
        return c;
      }
      c++;
      b = a * b / (c + a * b);
    }
  }

  /** Erlang C: the chance an arrival waits, with {@code c} servers at load {@code a} (needs c > a). */
  public static double erlangC(int c, double a) {
    if (!(c > a) || a < 0) {
      throw new IllegalArgumentException("Erlang C needs c > a >= 0: c = " + c + ", a = " + a);
    }
    return erlangCFromB(c, a, erlangB(c, a));
  }

  /** Servers up to which Erlang B is worked by its recurrence; above, from the Poisson distribution. */
  static final int RECURRENCE_UP_TO = 10_000;

  /**
   * Erlang B, the blocking of {@code c} servers at load {@code a}: by the recurrence up to
   * {@link #RECURRENCE_UP_TO} servers, above as {@code P(X = c) / P(X <= c)} for X Poisson(a), in
   * logarithms (the same quantity, in time that does not grow with c).
   */
  static double erlangB(int c, double a) {
    if (c <= RECURRENCE_UP_TO) {
      double b = 1;
      for (int k = 1; k <= c; k++) {
        b = a * b / (k + a * b);
      }
      return b;
    }
    double logPmf = c * Math.log(a) - a - org.apache.commons.math3.special.Gamma.logGamma(c + 1.0);
    double cdf = org.apache.commons.math3.special.Gamma.regularizedGammaQ(c + 1.0, a);
    return Math.exp(logPmf - Math.log(cdf));
  }

  private static double erlangCFromB(int c, double a, double b) {
    return c * b / (c - a * (1 - b));
  }

  /**
   * Square-root staffing's safety factor beta: {@code c = a + beta sqrt(a)} servers leave a share
   * {@code 1 / (1 + beta Phi(beta) / phi(beta))} of requests waiting at all (Halfin and Whitt, "Heavy-traffic
   * limits for queues with many exponential servers", Operations Research 29(3), 1981); this beta
   * makes that share 1%, so that the p99 wait is 0 (about 2.38). Solved once, by bisection.
   */
  public static final double SQRT_STAFFING_BETA = halfinWhittBeta(1 - WAIT_PERCENTILE);

  /** The beta at which Halfin and Whitt's share of requests that wait is {@code waiting}. */
  static double halfinWhittBeta(double waiting) {
    org.apache.commons.math3.distribution.NormalDistribution n =
        new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
    double lo = 0;
    double hi = 10;
    for (int i = 0; i < 100; i++) {
      double b = (lo + hi) / 2;
      double share = 1 / (1 + b * n.cumulativeProbability(b) / n.density(b));
      if (share > waiting) {
        lo = b;
      } else {
        hi = b;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * The p99 of the response time, wait plus service, in M/M/c with {@code c} servers at load
   * {@code a} and mean service {@code latency}: the t with P(T > t) = 1%, where, with
   * {@code mu = 1 / latency}, {@code theta = (c - a) mu} and C Erlang C,
   * {@code P(T > t) = e^(-mu t) + C mu (e^(-mu t) - e^(-theta t)) / (theta - mu)}
   * ({@code e^(-mu t) (1 + C mu t)} where theta = mu): the service's exponential tail, plus the
   * share that waits, whose wait is exponential at rate theta, convolved with it (Kleinrock,
   * <i>Queueing Systems</i> vol. 1, ch. 3; Gross and Harris, <i>Fundamentals of Queueing Theory</i>,
   * the M/M/c waiting-time distribution). Found by bisection; not a number unless c > a.
   */
  public static double responseP99(double c, double a, double latency) {
    if (!(c > a) || !(a >= 0) || !(latency > 0) || c != Math.floor(c) || c > Integer.MAX_VALUE) {
      return Double.NaN;
    }
    double waits = a == 0 ? 0 : erlangC((int) c, a);
    // Worked in units of the service time (mu = 1), then scaled: no overflow at any latency.
    double mu = 1;
    double theta = c - a;
    double tail = 1 - WAIT_PERCENTILE;
    java.util.function.DoubleUnaryOperator over = t -> {
      double service = Math.exp(-mu * t);
      if (Math.abs(theta - mu) < 1e-12 * mu) {
        return service * (1 + waits * mu * t);
      }
      return service + waits * mu * (service - Math.exp(-theta * t)) / (theta - mu);
    };
    // The service alone reaches 1% at ln(100) service times: the answer is at least that.
    double lo = Math.log(1 / tail);
    double hi = lo;
    while (over.applyAsDouble(hi) > tail) {
      lo = hi;
      hi *= 2;
    }
    for (int i = 0; i < 80 && hi - lo > 1e-13 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (over.applyAsDouble(mid) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2 * latency;
  }

  /** The p99 of the wait: the t with P(wait > t) = 1%, or 0 where at most 1% wait at all. */
  static double p99Wait(double waitProbability, int c, double a, double latency) {
    double tail = 1 - WAIT_PERCENTILE;
    if (waitProbability <= tail) {
      return 0;
    }
    return latency * Math.log(waitProbability / tail) / (c - a);
  }
}
