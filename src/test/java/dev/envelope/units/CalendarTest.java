package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class CalendarTest {

  @Test
  void sreCalendarHasTheSreBookPeriods() {
    // Google SRE book, Appendix A: 30-day month, 90-day quarter, 365-day year.
    Calendar sre = Calendar.named("sre");
    assertThat(sre.periodSeconds(CalendarUnit.HOUR)).isEqualTo(3_600);
    assertThat(sre.periodSeconds(CalendarUnit.DAY)).isEqualTo(86_400);
    assertThat(sre.periodSeconds(CalendarUnit.WEEK)).isEqualTo(604_800);
    assertThat(sre.periodSeconds(CalendarUnit.MONTH)).isEqualTo(2_592_000);
    assertThat(sre.periodSeconds(CalendarUnit.QUARTER)).isEqualTo(7_776_000);
    assertThat(sre.periodSeconds(CalendarUnit.YEAR)).isEqualTo(31_536_000);
  }

  @Test
  void gregorianMonthIsATwelfthOfTheAverageYear() {
    // 365.2425 days x 86,400 = 31,556,952 s; / 12 = 2,629,746 s; / 4 = 7,889,238 s.
    Calendar g = Calendar.named("gregorian");
    assertThat(g.periodSeconds(CalendarUnit.YEAR)).isCloseTo(31_556_952, withinPercentage(1e-9));
    assertThat(g.periodSeconds(CalendarUnit.MONTH)).isCloseTo(2_629_746, withinPercentage(1e-9));
    assertThat(g.periodSeconds(CalendarUnit.QUARTER)).isCloseTo(7_889_238, withinPercentage(1e-9));
    assertThat(g.periodSeconds(CalendarUnit.DAY)).isEqualTo(86_400);
  }

  @Test
  void julianYearIs365AndAQuarterDays() {
    // 365.25 x 86,400 = 31,557,600 s; / 12 = 2,629,800 s; / 4 = 7,889,400 s.
    Calendar j = Calendar.named("julian");
    assertThat(j.periodSeconds(CalendarUnit.YEAR)).isCloseTo(31_557_600, withinPercentage(1e-9));
    assertThat(j.periodSeconds(CalendarUnit.MONTH)).isCloseTo(2_629_800, withinPercentage(1e-9));
    assertThat(j.periodSeconds(CalendarUnit.QUARTER)).isCloseTo(7_889_400, withinPercentage(1e-9));
  }

  @Test
  void customCalendarDefaultsMonthToAYearOverTwelveAndQuarterToAYearOverFour() {
    Calendar c = Calendar.custom(360, null, null);
    assertThat(c.name()).isEqualTo("custom");
    assertThat(c.monthDays()).isEqualTo(30);
    assertThat(c.quarterDays()).isEqualTo(90);
  }

  @Test
  void customCalendarKeepsTheLengthsItIsGiven() {
    Calendar c = Calendar.custom(362.2425, 91.0, 30.0);
    assertThat(c.yearDays()).isEqualTo(362.2425);
    assertThat(c.quarterDays()).isEqualTo(91);
    assertThat(c.monthDays()).isEqualTo(30);
    assertThat(c.periodSeconds(CalendarUnit.QUARTER)).isEqualTo(91 * 86_400);
  }

  @Test
  void namesAreCaseInsensitive() {
    assertThat(Calendar.named(" Gregorian ")).isSameAs(Calendar.GREGORIAN);
    assertThat(Calendar.named("SRE")).isSameAs(Calendar.SRE);
  }

  @Test
  void refusesAnUnknownName() {
    assertThatThrownBy(() -> Calendar.named("lunar"))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("unknown calendar")
        .hasMessageContaining("sre, gregorian, julian");
  }

  @Test
  void refusesLengthsThatAreNotPositive() {
    assertThatThrownBy(() -> Calendar.custom(0, null, null)).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Calendar.custom(365, -1.0, null)).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Calendar.custom(Double.POSITIVE_INFINITY, 90.0, 30.0))
        .isInstanceOf(QuantityException.class);
  }
}
