package dev.envelope.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.estimate.Sla;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Allowed downtime falls as the target rises, in every period and calendar (fixed seed). */
class SlaPropertiesTest {

  @Test
  void allowedDowntimeFallsAsTheTargetRises() {
    SplittableRandom r = new SplittableRandom(11);
    for (Calendar calendar : List.of(Calendar.SRE, Calendar.GREGORIAN, Calendar.JULIAN)) {
      for (int i = 0; i < 5_000; i++) {
        // Targets as written, with up to six decimals of a percentage: 0.000001% to 99.999999%.
        long a = 1 + r.nextLong(99_999_999L);
        long b = 1 + r.nextLong(99_999_999L);
        if (a == b) {
          continue;
        }
        double lower = Math.min(a, b) / 1e8;
        double higher = Math.max(a, b) / 1e8;
        Sla.Tier low = Sla.tier(lower, calendar);
        Sla.Tier high = Sla.tier(higher, calendar);
        assertThat(high.nines()).as("%s vs %s", lower, higher).isGreaterThan(low.nines());
        for (CalendarUnit period : Calendar.SLA_PERIODS) {
          assertThat(high.downtimeSeconds().get(period)).as("%s: %s vs %s", period, lower, higher)
              .isLessThan(low.downtimeSeconds().get(period))
              .isGreaterThan(0);
        }
      }
    }
  }
}
