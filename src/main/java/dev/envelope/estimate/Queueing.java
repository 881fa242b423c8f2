package dev.envelope.estimate;

import java.util.Optional;

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
   * Servers for a wait target: the count, the load over it, the chance a request waits at all, and
   * the p99 of the wait at that count.
   */
  public record Wait(double maxWaitSeconds, double servers, double utilization, double waitProbability,
      double waitP99Seconds) {}

  /**
   * One workload at its peak: in flight by Little's law, the servers by rate at the planned
   * utilization, and by wait where a target is given (empty above {@link #MAX_ERLANGS}).
   */
  public record Result(double peakPerSecond, double latencySeconds, double inFlight, double serversByRate,
      double utilizationByRate, Optional<Wait> byWait) {
    /** The larger of the two counts. */
    public double servers() {
      return byWait.map(w -> Math.max(w.servers(), serversByRate)).orElse(serversByRate);
    }

    /** {@code "rate"} or {@code "wait"}: which count is the larger (rate on a tie). */
    public String boundBy() {
      return byWait.isPresent() && byWait.get().servers() > serversByRate ? "wait" : "rate";
    }
  }

  /** Little's law: requests in the system = arrival rate x time each spends there. */
  public static double inFlight(double perSecond, double seconds) {
    return perSecond * seconds;
  }

  public static Result of(double peakPerSecond, double latencySeconds, double utilization,
      Optional<Double> maxWaitSeconds) {
    double a = inFlight(peakPerSecond, latencySeconds);
    double byRate = Math.max(1, Counts.ceil(a / utilization));
    Optional<Wait> byWait = maxWaitSeconds.flatMap(t -> forWait(a, latencySeconds, t));
    return new Result(peakPerSecond, latencySeconds, a, byRate, a / byRate, byWait);
  }

  /** The fewest servers whose p99 wait is at most {@code maxWait}, at load {@code a} Erlangs. */
  static Optional<Wait> forWait(double a, double latency, double maxWait) {
    if (a > MAX_ERLANGS) {
      return Optional.empty();
    }
    if (a == 0) {
      return Optional.of(new Wait(maxWait, 1, 0, 0, 0));
    }
    // Erlang B up to the first stable count (c > a), then one server at a time.
    int c = (int) Math.floor(a) + 1;
    double b = 1;
    for (int k = 1; k <= c; k++) {
      b = a * b / (k + a * b);
    }
    while (true) {
      double waits = erlangCFromB(c, a, b);
      double p99 = p99Wait(waits, c, a, latency);
      if (p99 <= maxWait) {
        return Optional.of(new Wait(maxWait, c, a / c, waits, p99));
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
    double b = 1;
    for (int k = 1; k <= c; k++) {
      b = a * b / (k + a * b);
    }
    return erlangCFromB(c, a, b);
  }

  private static double erlangCFromB(int c, double a, double b) {
    return c * b / (c - a * (1 - b));
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
