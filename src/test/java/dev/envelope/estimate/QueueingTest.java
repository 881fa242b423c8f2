package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Little's law and Erlang C, by the calculator and on a whole file; the arithmetic is in the comments. */
class QueueingTest {
  /** 500 requests a second at a peak factor of 1, each 20 ms in service: 10 Erlangs. */
  private static Estimate api(String utilization, String maxWait) {
    return Estimates.of("""
        workloads:
          api: {writes: 500/s, latency: 20ms}
        traffic: {peak_factor: 1}
        capacity: {utilization: %s%s}
        """.formatted(utilization, maxWait.isEmpty() ? "" : ", max_wait_p99: " + maxWait));
  }

  /** Little's law: 500 requests a second, each 20 ms in the system, keep 500 x 0.02 = 10 in flight. */
  @Test
  void inFlightIsRateTimesTime() {
    Estimate e = api("70%", "");
    assertThat(e.value("workloads.api.queueing.peak_per_second")).isEqualTo(500);
    assertThat(e.value("workloads.api.queueing.latency_seconds")).isEqualTo(0.020);
    assertThat(e.value("workloads.api.queueing.in_flight")).isCloseTo(10, within(1e-12));
  }

  /**
   * Erlang C by hand, c = 3 servers at a = 2 Erlangs: Erlang B is (2^3 / 3!) / (1 + 2 + 2^2/2! +
   * 2^3/3!) = (4/3) / (19/3) = 4/19, and C = c B / (c - a (1 - B)) = (12/19) / (3 - 30/19) = 12/27
   * = 4/9. And M/M/2 at half load: C(2, 1) = 2 rho^2 / (1 + rho) with rho = 1/2, = 1/3.
   */
  @Test
  void erlangCMatchesHandArithmetic() {
    assertThat(Queueing.erlangC(3, 2)).isCloseTo(4.0 / 9, within(1e-14));
    assertThat(Queueing.erlangC(2, 1)).isCloseTo(1.0 / 3, within(1e-14));
    // Erlang C tables: 10 Erlangs on 12 servers wait 44.94% of the time (the closed form,
    // (a^c/c! x c/(c-a)) / (sum over k < c of a^k/k! + a^c/c! x c/(c-a)), gives 0.449388).
    assertThat(Queueing.erlangC(12, 10)).isCloseTo(0.449388, within(1e-6));
    assertThatThrownBy(() -> Queueing.erlangC(2, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Erlang B by hand: 2 Erlangs on 3 servers are blocked 4/19 of the time (above). */
  @Test
  void erlangBMatchesHandArithmetic() {
    assertThat(Queueing.erlangB(3, 2)).isCloseTo(4.0 / 19, within(1e-15));
    // One server at load a is blocked a / (1 + a).
    assertThat(Queueing.erlangB(1, 3)).isCloseTo(0.75, within(1e-15));
  }

  /**
   * 10 Erlangs (500/s x 20 ms), p99 wait at most 10 ms: with P(wait > t) = C exp(-(c - a) t / S),
   * 14 servers give C = 0.174132 and a p99 of 20 ms x ln(17.4132) / 4 = 14.29 ms, too long; 15 give
   * C = 0.102042 and 20 ms x ln(10.2042) / 5 = 9.29 ms. By rate at 80%: ceil(10 / 0.8) = 13.
   */
  @Test
  void serversForAWaitTargetByErlangC() {
    assertThat(Queueing.serversForWait(10, 0.020, 0.010)).isEqualTo(15);
    Estimate e = api("80%", "10ms");
    String q = "workloads.api.queueing.";
    assertThat(e.value(q + "servers_by_rate")).isEqualTo(13);
    assertThat(e.value(q + "utilization_by_rate")).isCloseTo(10.0 / 13, within(1e-12));
    assertThat(e.value(q + "max_wait_p99_seconds")).isEqualTo(0.010);
    assertThat(e.value(q + "servers_by_wait")).isEqualTo(15);
    assertThat(e.value(q + "utilization_by_wait")).isCloseTo(10.0 / 15, within(1e-12));
    assertThat(e.value(q + "wait_probability")).isCloseTo(0.102042, within(1e-6));
    assertThat(e.value(q + "wait_p99_seconds")).isCloseTo(0.0092912, withinPercentage(0.01));
    assertThat(e.value(q + "servers")).isEqualTo(15);
    assertThat(e.text(q + "bound_by")).isEqualTo("wait");
  }

  /** Where at most 1% of requests wait at all, the p99 wait is zero: 19 servers at 10 Erlangs, C = 0.7874%. */
  @Test
  void aZeroWaitTargetNeedsAtMostOnePercentToWait() {
    assertThat(Queueing.serversForWait(10, 0.020, 0)).isEqualTo(19);
    Estimate e = api("80%", "0ms");
    assertThat(e.value("workloads.api.queueing.servers_by_wait")).isEqualTo(19);
    assertThat(e.value("workloads.api.queueing.wait_probability")).isCloseTo(0.0078736, within(1e-7));
    assertThat(e.value("workloads.api.queueing.wait_p99_seconds")).isZero();
  }

  @Test
  void withoutAWaitTargetOnlyTheRateCounts() {
    Estimate e = api("70%", "");
    // ceil(10 / 0.7) = ceil(14.29) = 15
    assertThat(e.value("workloads.api.queueing.servers_by_rate")).isEqualTo(15);
    assertThat(Estimates.under(e, "workloads.api.queueing")).noneMatch(p -> p.contains("wait"));
    assertThat(e.value("workloads.api.queueing.servers")).isEqualTo(15);
    assertThat(e.text("workloads.api.queueing.bound_by")).isEqualTo("rate");
  }

  @Test
  void noLoadNeedsOneServer() {
    assertThat(Queueing.serversForWait(0, 0.020, 0.01)).isEqualTo(1);
    Estimate e = Estimates.of("""
        workloads:
          api: {writes: 0/s, latency: 20ms}
        capacity: {max_wait_p99: 10ms}
        """);
    assertThat(e.value("workloads.api.queueing.in_flight")).isZero();
    assertThat(e.value("workloads.api.queueing.servers_by_rate")).isEqualTo(1);
    assertThat(e.value("workloads.api.queueing.servers_by_wait")).isEqualTo(1);
    assertThat(e.value("workloads.api.queueing.wait_p99_seconds")).isZero();
  }

  /** Outside the search's range (no latency, a negative load) there is no count: not a number. */
  @Test
  void theSearchHasNoAnswerWithoutAServiceTime() {
    assertThat(Queueing.serversForWait(10, 0, 0.01)).isNaN();
    assertThat(Queueing.serversForWait(-1, 0.02, 0.01)).isNaN();
  }

  /**
   * Square-root staffing's beta makes Halfin and Whitt's share of waiting requests,
   * 1 / (1 + beta Phi(beta) / phi(beta)), 1%: beta = 2.37489 (scipy.optimize.brentq on that equation).
   */
  @Test
  void theSquareRootStaffingBetaLeavesOnePercentWaiting() {
    assertThat(Queueing.SQRT_STAFFING_BETA).isCloseTo(2.3748881, within(1e-6));
  }

  /**
   * At 1,000 Erlangs square-root staffing needs ceil(1000 + 2.3749 x sqrt(1000)) = ceil(1075.1) = 1,076
   * servers, where the flat 70% rule asks ceil(1000 / 0.7) = 1,429: 33% more. At 10,000 Erlangs,
   * 10,238 against 14,286: 40% more. A small pool is the other way: 24 Erlangs, ceil(24 + 2.3749 x 4.899)
   * = 36 against 35.
   */
  @Test
  void squareRootStaffingBesideTheFlatRule() {
    Estimate e = Estimates.of("""
        workloads:
          big: {writes: 50K/s, latency: 20ms, peak_factor: 1}
          huge: {writes: 500K/s, latency: 20ms, peak_factor: 1}
          small: {writes: 1200/s, latency: 20ms, peak_factor: 1}
        """);
    assertThat(e.value("workloads.big.queueing.servers_by_sqrt_staffing")).isEqualTo(1076);
    assertThat(e.value("workloads.big.queueing.servers_by_rate")).isEqualTo(1429);
    assertThat(e.value("workloads.big.queueing.utilization_by_sqrt_staffing")).isCloseTo(1000.0 / 1076, within(1e-9));
    assertThat(e.value("workloads.huge.queueing.servers_by_sqrt_staffing")).isEqualTo(10_238);
    assertThat(e.value("workloads.small.queueing.servers_by_sqrt_staffing")).isEqualTo(36);
  }

  /**
   * The p99 response time, wait plus service. M/M/1 at half load: the time in the system is
   * exponential at rate mu - lambda = 0.5/s, so its p99 is ln(100) / 0.5 = 9.2103 s. M/M/3 at 2
   * Erlangs (C = 4/9, theta = mu) and M/M/4 at 2 Erlangs (C = 0.173913, theta = 2 mu): 5.89117 s
   * and 4.76425 s at a 1 s service, found with scipy (brentq over e^(-t) + C x the integral over
   * 0..t of e^(-s) e^(-theta (t - s)) ds, by quad). No load: the service's own p99, ln(100) s.
   */
  @Test
  void theP99ResponseTimeIsWaitPlusService() {
    assertThat(Queueing.responseP99(1, 0.5, 1)).isCloseTo(Math.log(100) / 0.5, within(1e-9));
    assertThat(Queueing.responseP99(3, 2, 1)).isCloseTo(5.8911744, within(1e-6));
    assertThat(Queueing.responseP99(4, 2, 1)).isCloseTo(4.7642484, within(1e-6));
    assertThat(Queueing.responseP99(1, 0, 0.02)).isCloseTo(0.02 * Math.log(100), within(1e-12));
    assertThat(Queueing.responseP99(2, 2, 1)).isNaN();
  }

  /** On a file: at the servers provisioned (15 by rate at 10 Erlangs), at least the service's own p99. */
  @Test
  void theResponseTimeIsAtTheServersProvisioned() {
    Estimate e = api("70%", "");
    double c = e.value("workloads.api.queueing.servers");
    double a = e.value("workloads.api.queueing.in_flight");
    assertThat(e.value("workloads.api.queueing.response_p99_seconds"))
        .isCloseTo(Queueing.responseP99(c, a, 0.020), within(1e-12))
        .isGreaterThanOrEqualTo(0.020 * Math.log(100));
  }

  /**
   * service_cv scales the M/M/c wait by Allen-Cunneen's (1 + cv^2) / 2 (arrivals Poisson, cv 1), both
   * its mean and its exponential tail. At 10 Erlangs, 20 ms service and a p99 wait of at most 10 ms:
   * exponential service needs 15 servers (C(15, 10) = 10.20%, p99 wait 20 ms x ln(10.20) / 5 = 9.29 ms);
   * constant service (cv 0, factor 0.5) 14 (C(14, 10) = 17.41%, 10 ms x ln(17.41) / 4 = 7.14 ms;
   * 13 would wait longer); cv = sqrt(2) (factor 1.5) 16. The mean wait at 14 with cv 0:
   * 17.41% x 10 ms / 4 = 0.435 ms. (Erlang C by the recurrence, worked in Python.)
   */
  @Test
  void serviceVariabilityScalesTheWait() {
    assertThat(withCv("").value("workloads.api.queueing.servers_by_wait")).isEqualTo(15);
    Estimate constant = withCv(", service_cv: 0");
    assertThat(constant.value("workloads.api.queueing.wait_scale")).isEqualTo(0.5);
    assertThat(constant.value("workloads.api.queueing.servers_by_wait")).isEqualTo(14);
    assertThat(constant.value("workloads.api.queueing.wait_p99_seconds")).isCloseTo(0.0071431, within(1e-6));
    assertThat(constant.value("workloads.api.queueing.wait_mean_seconds")).isCloseTo(0.00043533, within(1e-7));
    assertThat(constant.has("workloads.api.queueing.response_p99_seconds")).isFalse();
    assertThat(withCv(", service_cv: 1.41421356").value("workloads.api.queueing.servers_by_wait")).isEqualTo(16);
    assertThat(withCv("").value("workloads.api.queueing.wait_mean_seconds")).isCloseTo(0.00040817, within(1e-7));
  }

  private static Estimate withCv(String cv) {
    return Estimates.of("""
        workloads:
          api: {writes: 500/s, latency: 20ms%s}
        traffic: {peak_factor: 1}
        capacity: {max_wait_p99: 10ms}
        """.formatted(cv));
  }
}
