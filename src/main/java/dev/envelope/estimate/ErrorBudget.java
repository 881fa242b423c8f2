package dev.envelope.estimate;

import java.util.List;

/**
 * The error budget of an availability target over its window, and the multi-window, multi-burn-rate
 * alerts of the Google SRE workbook (ch. 5, "Alerting on SLOs", table 5-8, for a 30-day window):
 *
 * <pre>
 *   budget          = (1 - target) x window                 (as time, and as failed requests)
 *   burn rate       = budget share spent x window / alert window
 *   error rate      = burn rate x (1 - target)              (the alert's threshold)
 *   budget gone in  = window / burn rate
 * </pre>
 *
 * The workbook's three alerts are 2% of the budget spent in 1 hour (burn rate 14.4 over 30 days),
 * 5% in 6 hours (6) and 10% in 3 days (1), each checked over a short window of 1/12 of its long
 * one (5 minutes, 30 minutes, 6 hours) so that it stops firing soon after the errors stop. For
 * another window the same shares give other burn rates: 2% of a 28-day budget in an hour is 13.44.
 */
public final class ErrorBudget {
  private ErrorBudget() {}

  /** One alert of the policy: the budget share it catches being spent in its long window. */
  public record Policy(double budgetSpent, double longWindowSeconds, double shortWindowSeconds, String action) {}

  /** SRE workbook, ch. 5, table 5-8: the recommended alerts for a 99.9% SLO over 30 days. */
  public static final List<Policy> SRE_WORKBOOK = List.of(
      new Policy(0.02, 3_600, 300, "page"),
      new Policy(0.05, 6 * 3_600, 30 * 60, "page"),
      new Policy(0.10, 3 * 86_400, 6 * 3_600, "ticket"));
}
