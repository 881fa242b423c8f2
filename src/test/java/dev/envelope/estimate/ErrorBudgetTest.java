package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.envelope.estimate.ErrorBudget.Alert;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {
  static final double DAY = 86_400;

  /** Google SRE book, Appendix A: 99.9% over a 30-day month allows 43.2 minutes (2,592 s). */
  @Test
  void theBudgetIsTheMissTimesTheWindow() {
    ErrorBudget.Budget b = ErrorBudget.budget(0.001, 30 * DAY, OptionalDouble.of(1000));
    assertThat(b.seconds()).isCloseTo(2592, within(1e-9));
    // 1,000 requests a second for 30 days is 2.592e9 requests; 0.1% of them may fail: 2,592,000
    assertThat(b.requests()).hasValue(2_592_000);
    assertThat(ErrorBudget.budget(0.001, 30 * DAY, OptionalDouble.empty()).requests()).isEmpty();
  }

  /**
   * SRE workbook, ch. 5, table 5-8, for a 30-day window: 2% of the budget in 1 hour is a burn rate
   * of 14.4, 5% in 6 hours is 6, 10% in 3 days is 1. At 99.9% those burn rates are error rates of
   * 1.44%, 0.6% and 0.1%, and spend the whole budget in 30 / 14.4 = 2.083 days (180,000 s), 5 days
   * and 30 days.
   */
  @Test
  void theWorkbookBurnRatesForThirtyDays() {
    List<Alert> alerts = ErrorBudget.alerts(0.001, 30 * DAY);
    assertThat(alerts).extracting(Alert::burnRate).containsExactly(14.4, 6.0, 1.0);
    assertThat(alerts.get(0).errorRate()).isCloseTo(0.0144, within(1e-12));
    assertThat(alerts.get(1).errorRate()).isCloseTo(0.006, within(1e-12));
    assertThat(alerts.get(2).errorRate()).isCloseTo(0.001, within(1e-12));
    assertThat(alerts).extracting(Alert::exhaustsSeconds).containsExactly(180_000.0, 432_000.0, 2_592_000.0);
    assertThat(alerts).extracting(a -> a.policy().longWindowSeconds(), a -> a.policy().shortWindowSeconds(),
        a -> a.policy().action()).containsExactly(tuple(3600.0, 300.0, "page"), tuple(21_600.0, 1800.0, "page"),
        tuple(259_200.0, 21_600.0, "ticket"));
  }

  /** The same shares over 28 days: 0.02 x 672 h / 1 h = 13.44; 0.05 x 672 / 6 = 5.6; 0.1 x 28 / 3 = 0.9333. */
  @Test
  void otherWindowsGiveOtherBurnRates() {
    List<Alert> alerts = ErrorBudget.alerts(0.001, 28 * DAY);
    assertThat(alerts.get(0).burnRate()).isCloseTo(13.44, within(1e-12));
    assertThat(alerts.get(1).burnRate()).isCloseTo(5.6, within(1e-12));
    assertThat(alerts.get(2).burnRate()).isCloseTo(28.0 / 30, within(1e-12));
  }

  /** A one-day window has no 3-day alert; its 1-hour alert burns 0.02 x 24 = 0.48. */
  @Test
  void alertsLongerThanTheWindowAreLeftOut() {
    List<Alert> alerts = ErrorBudget.alerts(0.001, DAY);
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0).burnRate()).isCloseTo(0.48, within(1e-12));
  }

  /** At 90%, a burn rate of 14.4 would need 144% of requests to fail: the threshold is all of them. */
  @Test
  void anErrorRateNeverExceedsOne() {
    assertThat(ErrorBudget.alerts(0.1, 30 * DAY).get(0).errorRate()).isEqualTo(1);
  }
}
