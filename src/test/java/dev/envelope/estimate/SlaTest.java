package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaTest {

  private static final double MINUTE = 60;
  private static final double HOUR = 3600;
  private static final double DAY = 86_400;

  /**
   * Google SRE book, Appendix A, Table A-1 (365-day year, 90-day quarter, 30-day month, 7-day
   * week), every cell as printed; each must agree within half a unit of its last printed digit.
   * The 99.999%-a-day cell is printed 0.87 s; the correct value, 0.864 s, is tested instead.
   */
  @ParameterizedTest(name = "{0} allows {2} {3} a {1}")
  @CsvSource({
    "0.9, YEAR, 36.5, days, 0.05",
    "0.9, QUARTER, 9, days, 0.5",
    "0.9, MONTH, 3, days, 0.5",
    "0.9, WEEK, 16.8, hours, 0.05",
    "0.9, DAY, 2.4, hours, 0.05",
    "0.99, YEAR, 3.65, days, 0.005",
    "0.99, QUARTER, 21.6, hours, 0.05",
    "0.99, MONTH, 7.2, hours, 0.05",
    "0.99, WEEK, 1.68, hours, 0.005",
    "0.99, DAY, 14.4, minutes, 0.05",
    "0.999, YEAR, 8.76, hours, 0.005",
    "0.999, QUARTER, 2.16, hours, 0.005",
    "0.999, MONTH, 43.2, minutes, 0.05",
    "0.999, WEEK, 10.1, minutes, 0.05",
    "0.999, DAY, 1.44, minutes, 0.005",
    "0.9999, YEAR, 52.6, minutes, 0.05",
    "0.9999, QUARTER, 12.96, minutes, 0.005",
    "0.9999, MONTH, 4.32, minutes, 0.005",
    "0.9999, WEEK, 60.5, seconds, 0.05",
    "0.9999, DAY, 8.64, seconds, 0.005",
    "0.99999, YEAR, 5.26, minutes, 0.005",
    "0.99999, QUARTER, 1.3, minutes, 0.05",
    "0.99999, MONTH, 25.9, seconds, 0.05",
    "0.99999, WEEK, 6.05, seconds, 0.005",
    "0.99999, DAY, 0.864, seconds, 0.0005"
  })
  void sreCalendarReproducesTableA1(
      double target, CalendarUnit period, double printed, String unit, double halfLastDigit) {
    double unitSeconds = switch (unit) {
      case "days" -> DAY;
      case "hours" -> HOUR;
      case "minutes" -> MINUTE;
      default -> 1;
    };
    double downtime = Sla.tier(target, Calendar.SRE).downtimeSeconds().get(period);
    assertThat(downtime / unitSeconds).isCloseTo(printed, within(halfLastDigit * (1 + 1e-9)));
  }

  @Test
  void sreCalendarPrintsTheFamiliarFortyThreeMinutesTwelveSeconds() {
    // 0.1% of 30 x 86,400 s = 2,592 s = 43m 12s.
    Sla.Tier tier = Sla.tier(0.999, Calendar.SRE);
    assertThat(tier.downtimeSeconds().get(CalendarUnit.MONTH)).isCloseTo(2_592, withinPercentage(1e-9));
    assertThat(Format.duration(tier.downtimeSeconds().get(CalendarUnit.MONTH))).isEqualTo("43m 12s");
  }

  /**
   * System Design Primer, "Availability in numbers", which uses the average Gregorian month
   * (365.2425 / 12 days): 99.9% allows 8h 45m 57s a year and 43m 49.7s a month; 99.99% allows
   * 52m 35.7s a year, 4m 23s a month, 1m 0.5s a week (printed "1m 5s", a slip) and 8.6 s a day.
   */
  @Test
  void gregorianCalendarReproducesThePrimersAvailabilityInNumbers() {
    Sla.Tier three = Sla.tier(0.999, Calendar.GREGORIAN);
    assertThat(three.downtimeSeconds().get(CalendarUnit.YEAR)).isCloseTo(8 * HOUR + 45 * MINUTE + 57, within(0.5));
    assertThat(three.downtimeSeconds().get(CalendarUnit.MONTH)).isCloseTo(43 * MINUTE + 49.7, within(0.05));
    assertThat(Format.duration(three.downtimeSeconds().get(CalendarUnit.MONTH))).isEqualTo("43m 49.7s");

    Sla.Tier four = Sla.tier(0.9999, Calendar.GREGORIAN);
    assertThat(four.downtimeSeconds().get(CalendarUnit.YEAR)).isCloseTo(52 * MINUTE + 35.7, within(0.05));
    assertThat(four.downtimeSeconds().get(CalendarUnit.MONTH)).isCloseTo(4 * MINUTE + 23, within(0.5));
    assertThat(four.downtimeSeconds().get(CalendarUnit.WEEK)).isCloseTo(MINUTE + 0.5, within(0.05));
    assertThat(four.downtimeSeconds().get(CalendarUnit.DAY)).isCloseTo(8.6, within(0.05));
  }

  @Test
  void downtimeIsTheMissTimesThePeriod() {
    // 99.95%: 0.05% of an hour is 1.8 s; of a 90-day quarter (7,776,000 s) 3,888 s.
    Sla.Tier tier = Sla.tier(0.9995, Calendar.SRE);
    assertThat(tier.target()).isEqualTo(0.9995);
    assertThat(tier.downtimeSeconds().get(CalendarUnit.HOUR)).isCloseTo(1.8, withinPercentage(1e-6));
    assertThat(tier.downtimeSeconds().get(CalendarUnit.QUARTER)).isCloseTo(3_888, withinPercentage(1e-6));
    // -log10(0.0005) = 3.30103.
    assertThat(tier.nines()).isCloseTo(3.30103, withinPercentage(1e-3));
  }

  @Test
  void periodsRunFromHourToYearInCalendarLengths() {
    Sla.Tier tier = Sla.tier(0.99, Calendar.SRE);
    assertThat(tier.periodSeconds())
        .containsExactly(
            org.assertj.core.api.Assertions.entry(CalendarUnit.HOUR, 3_600.0),
            org.assertj.core.api.Assertions.entry(CalendarUnit.DAY, 86_400.0),
            org.assertj.core.api.Assertions.entry(CalendarUnit.WEEK, 604_800.0),
            org.assertj.core.api.Assertions.entry(CalendarUnit.MONTH, 2_592_000.0),
            org.assertj.core.api.Assertions.entry(CalendarUnit.QUARTER, 7_776_000.0),
            org.assertj.core.api.Assertions.entry(CalendarUnit.YEAR, 31_536_000.0));
    assertThat(tier.downtimeSeconds()).containsOnlyKeys(tier.periodSeconds().keySet());
  }

  @Test
  void tiersKeepTheOrderOfTheirTargets() {
    assertThat(Sla.tiers(Sla.STANDARD_TIERS, Calendar.SRE))
        .extracting(Sla.Tier::target)
        .containsExactly(0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999);
  }
}
