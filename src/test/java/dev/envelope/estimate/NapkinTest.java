package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.estimate.Napkin.Working;
import dev.envelope.estimate.Napkin.Operation;
import dev.envelope.units.CalendarUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Napkin arithmetic: powers of ten, one significant figure at each step, a day of 10^5 s. */
class NapkinTest {

  @Test
  void roundsToOneSignificantFigureHalfUp() {
    assertThat(Napkin.round(3.47)).isEqualTo(3);
    assertThat(Napkin.round(3.5)).isEqualTo(4);
    assertThat(Napkin.round(150e6 * 2)).isEqualTo(3e8);
    assertThat(Napkin.round(3472.2)).isEqualTo(3000);
    // 0.35 is 0.34999... in binary; its decimal form rounds half up to 0.4.
    assertThat(Napkin.round(0.35)).isEqualTo(0.4);
    assertThat(Napkin.round(96)).isEqualTo(100);
    assertThat(Napkin.round(0)).isEqualTo(0);
  }

  @Test
  void aDayIsTenToTheFifthSecondsAndOtherLengthsOneFigure() {
    assertThat(Napkin.length(CalendarUnit.DAY, 86_400)).isEqualTo(1e5);
    assertThat(Napkin.length(CalendarUnit.DAY, 100_000)).isEqualTo(1e5);
    // 30 x 86,400 = 2,592,000 -> 3 x 10^6; 365 x 86,400 = 31,536,000 -> 3 x 10^7.
    assertThat(Napkin.length(CalendarUnit.MONTH, 2_592_000)).isEqualTo(3e6);
    assertThat(Napkin.length(CalendarUnit.YEAR, 31_536_000)).isEqualTo(3e7);
    assertThat(Napkin.length(CalendarUnit.HOUR, 3_600)).isEqualTo(4e3);
  }

  private static Map<String, Working> napkin(String yaml) {
    return Napkin.of(Estimates.of(yaml).steps());
  }

  /**
   * Alex Xu's Twitter (System Design Interview vol. 1, ch. 2): 150M DAU, 2 tweets a day, peak
   * 2 x average. By hand, on a napkin: 150M x 2 = 3 x 10^8 tweets a day; / 10^5 s = 3 x 10^3 /s
   * (exact 3,472); peak 2 x 3 x 10^3 = 6 x 10^3 /s (exact 6,944); a day of it is 3 x 10^3 x 10^5
   * = 3 x 10^8.
   */
  @Test
  void twitterOnANapkinIsThreeThousandTweetsASecondAndSixThousandAtPeak() {
    Map<String, Working> n = napkin("""
        users: {dau: 150M}
        workloads:
          tweet: {writes_per_user: 2/day}
        traffic: {peak_factor: 2}
        """);
    Working avg = n.get("workloads.tweet.writes.avg_per_second");
    assertThat(avg.value()).isEqualTo(3e3);
    assertThat(avg.working()).containsExactly(
        new Operation("x", List.of(150e6, 2.0), 3e8, false),
        new Operation("/", List.of(3e8, 1e5), 3e3, true));
    assertThat(n.get("workloads.tweet.writes.peak_per_second").value()).isEqualTo(6e3);
    assertThat(n.get("workloads.tweet.writes.per_day").value()).isEqualTo(3e8);
  }

  /**
   * The same from examples/twitter.yaml's 300M MAU at 50%: the users are the starting point and are
   * not rounded (300M x 50% = 1.5 x 10^8, not 2 x 10^8), so the figures above stand.
   */
  @Test
  void theUsersAreTakenExactlySoMauTimesShareGivesTheSameNapkin() {
    Map<String, Working> n = napkin("""
        users: {mau: 300M, daily_active: 50%}
        workloads:
          tweet: {writes_per_user: 2/day, read_write_ratio: 10:1, payload: 300B}
        storage: {retention: 5y}
        """);
    assertThat(n.get("users.dau").value()).isEqualTo(1.5e8);
    assertThat(n.get("workloads.tweet.writes.avg_per_second").value()).isEqualTo(3e3);
    // Reads: 3 x 10^3 x 10 = 3 x 10^4 /s.
    assertThat(n.get("workloads.tweet.reads.avg_per_second").value()).isEqualTo(3e4);
    // Stored a day: 3 x 10^3 /s x 300 B = 9 x 10^5 B/s, x 10^5 s = 9 x 10^10 B (exact 90 GB).
    assertThat(n.get("workloads.tweet.storage.bytes_per_day").value()).isEqualTo(9e10);
    // Retention: 5 x 3 x 10^7 s = 1.5 x 10^8 -> 2 x 10^8 s; kept: 9 x 10^5 x 2 x 10^8 = 1.8 x 10^14
    // -> 2 x 10^14 B (exact 164 TB).
    assertThat(n.get("storage.retention_seconds").value()).isEqualTo(2e8);
    assertThat(n.get("workloads.tweet.storage.bytes_retained").value()).isEqualTo(2e14);
  }

  @Test
  void countsRoundTheirDivisorAndTheirQuotient() {
    // 3,000 writes/s x 2 = 6 x 10^3 peak; server limit 5,000 x 70% = 3,500 -> 4 x 10^3;
    // 6 x 10^3 / 4 x 10^3 = 1.5 -> 2; ceil(2) = 2 (exact: ceil(6,944 / 3,500) = 2).
    Map<String, Working> n = napkin("""
        users: {dau: 150M}
        workloads:
          tweet: {writes_per_user: 2/day}
        capacity: {server_qps: 5000}
        """);
    Working servers = n.get("capacity.servers");
    assertThat(servers.value()).isEqualTo(2);
    assertThat(servers.working()).containsExactly(
        new Operation("x", List.of(5000.0, 0.7), 4e3, false),
        new Operation("/", List.of(6e3, 4e3), 2, false),
        new Operation("ceil", List.of(2.0), 2, false));
  }

  /**
   * 1 - (1 - p)^n on a napkin is 1 - e^(-np): 1 - 1% rounded to one figure is 1, which made a 63%
   * slow share 0. By hand: 100 calls x 1% = 1, 1 - e^(-1) = 0.632, ~0.6 (exact 1 - 0.99^100 = 63.4%);
   * 10 calls: 0.1, 1 - e^(-0.1) = 0.0952, ~0.1 (exact 9.56%).
   */
  @Test
  void theChanceOfAnySlowCallIsOneMinusEToTheMinusNp() {
    Map<String, Working> n = napkin("""
        workloads:
          wide: {reads: 100/s, fanout: 100, call_latency: {slow_fraction: 1%, over: 1s}}
          narrow: {reads: 100/s, fanout: 10, call_latency: {slow_fraction: 1%, over: 1s}}
        """);
    Working wide = n.get("workloads.wide.tail_latency.slow_request_fraction");
    assertThat(wide.value()).isEqualTo(0.6);
    assertThat(wide.working()).containsExactly(new Operation("x", List.of(100.0, 0.01), 1.0, false),
        new Operation(Napkin.ONE_MINUS_EXP, List.of(1.0), 0.6, false));
    assertThat(n.get("workloads.narrow.tail_latency.slow_request_fraction").value()).isEqualTo(0.1);
  }

  /**
   * Erlang C of rounded arguments outside its domain has no napkin figure, rather than the exact
   * value beside rounded arguments. 500/s x 2.4 = 1,200/s, ~1 x 10^3; x 0.14 s = 140, ~1 x 10^2
   * Erlangs; the servers for the wait, near the load, round to 1 x 10^2 as well, where no queue settles.
   */
  @Test
  void aModelOutsideItsDomainOnRoundedArgumentsHasNoNapkinFigure() {
    Map<String, Working> n = napkin("""
        workloads:
          api: {writes: 500/s, latency: 140ms, peak_factor: 2.4}
        capacity: {max_wait_p99: 10ms}
        """);
    assertThat(n).containsKey("workloads.api.queueing.servers_by_wait");
    assertThat(n.get("workloads.api.queueing.servers_by_wait").value())
        .isEqualTo(n.get("workloads.api.queueing.in_flight").value());
    assertThat(n).doesNotContainKey("workloads.api.queueing.wait_probability");
  }

  /**
   * A burn-rate alert's window of 1 h is a length like the calendar's hour: 4 x 10^3 s on a napkin
   * in both places. By hand: 2% x (3 x 10^6 s) = 6 x 10^4, / (4 x 10^3) = 15, ~20 (a 30-day window).
   */
  @Test
  void anAlertsHourIsTheCalendarsHourOnANapkin() {
    Map<String, Working> n = napkin("""
        workloads: {api: {writes: 1/s}}
        availability: {target: 99.9%, window: 30d, components: [{name: db, availability: 99.99%, replicas: 2}]}
        """);
    assertThat(n.get("availability.period_seconds.hour").value()).isEqualTo(4e3);
    Working burn = n.get("availability.burn_rate_alerts.0.burn_rate");
    assertThat(burn.working().get(burn.working().size() - 1).operands()).containsExactly(6e4, 4e3);
    assertThat(burn.value()).isEqualTo(20);
  }
}
