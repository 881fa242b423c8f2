package dev.envelope.model;

import static dev.envelope.model.RequirementsReaderTest.problems;
import static dev.envelope.model.RequirementsReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.model.Requirements.Cost;
import dev.envelope.model.Uncertain;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The {@code cost} section: the currency and the unit prices, each optional, none built in. */
class CostReaderTest {
  private static final String WORKLOAD = "workloads: {api: {reads: 1/s}}\n";

  @Test
  void readsEveryPrice() {
    Requirements r = read(WORKLOAD + """
        cost:
          currency: EUR
          server_per_month: 70
          cache_node_per_month: 150.5
          storage_per_gb_month: 0.023
          egress_per_gb: 0.09
          cdn_egress_per_gb: 0.02
          per_million_requests: 1,000
        """);
    assertThat(r.cost()).isEqualTo(new Cost(Optional.of("EUR"), OptionalDouble.of(70), OptionalDouble.of(150.5),
        OptionalDouble.of(0.023), OptionalDouble.of(0.09), OptionalDouble.of(0.02), OptionalDouble.of(1000)));
    // No price is a default: none is listed among the assumptions.
    assertThat(r.assumptions()).noneMatch(a -> a.path().startsWith("cost."));
  }

  @Test
  void everyKeyIsOptional() {
    assertThat(read(WORKLOAD).cost()).isEqualTo(Cost.NONE);
    assertThat(read(WORKLOAD + "cost:\n").cost()).isEqualTo(Cost.NONE);
    assertThat(read(WORKLOAD + "cost: {currency: US$}").cost().currency()).contains("US$");
  }

  @Test
  void aPriceMayBeARange() {
    Requirements r = read(WORKLOAD + "cost: {cdn_egress_per_gb: 0.02 to 0.085}");
    assertThat(r.uncertainty().inputs()).extracting(Uncertain::path).containsExactly("cost.cdn_egress_per_gb");
  }

  @Test
  void badPricesAndCurrenciesAreReportedAtTheirPlace() {
    assertThat(problems(WORKLOAD + """
        cost: {currency: US dollars, server_per_month: -5, egress_per_gb: 9c, per_month: 3}
        """)).extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.path() + ": "
            + d.message())
        .containsExactly(
            "2:18 cost.currency: not a currency (got 'US dollars'); expected a short text of letters, digits or a"
                + " currency sign, at most 12 characters and no spaces, such as USD, EUR or US$",
            "2:48 cost.server_per_month: a price cannot be negative (got '-5'); expected a price, a plain number"
                + " such as 70 or 0.023",
            "2:67 cost.egress_per_gb: not a number (got '9c'); expected a price, a plain number such as 70 or 0.023",
            "2:71 cost.per_month: unknown key; expected one of: currency,"
                + " server_per_month, cache_node_per_month, storage_per_gb_month, egress_per_gb, cdn_egress_per_gb,"
                + " per_million_requests");
  }
}
