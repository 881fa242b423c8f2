package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

  /** The SRE calendar's lengths: 86,400 s day, 7-day week, 30-day month, 365-day year. */
  private static final TimeBase SRE =
      new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);

  @Test
  void readsAmountAndUnit() {
    assertThat(Rate.parse("2/day", null)).isEqualTo(new Rate(2, CalendarUnit.DAY));
    assertThat(Rate.parse("500M/month", null)).isEqualTo(new Rate(500e6, CalendarUnit.MONTH));
    assertThat(Rate.parse("1e9 / year", null)).isEqualTo(new Rate(1e9, CalendarUnit.YEAR));
  }

  @ParameterizedTest(name = "/{0} is {1}")
  @CsvSource({
    "s, SECOND", "sec, SECOND", "second, SECOND",
    "min, MINUTE", "minute, MINUTE",
    "h, HOUR", "hour, HOUR",
    "d, DAY", "day, DAY",
    "w, WEEK", "week, WEEK",
    "mo, MONTH", "month, MONTH",
    "y, YEAR", "yr, YEAR", "year, YEAR",
    "DAY, DAY", "Sec, SECOND"
  })
  void acceptsEveryUnitAlias(String alias, CalendarUnit unit) {
    assertThat(Rate.parse("3/" + alias, null).per()).isEqualTo(unit);
  }

  @Test
  void bareNumberTakesTheBareUnitWhenOneIsGiven() {
    // A bare number in a *_per_user field means per day.
    assertThat(Rate.parse("20", CalendarUnit.DAY)).isEqualTo(new Rate(20, CalendarUnit.DAY));
    assertThat(Rate.parse("0.2", CalendarUnit.DAY)).isEqualTo(new Rate(0.2, CalendarUnit.DAY));
  }

  @Test
  void absoluteBareNumberIsRefusedWithAHint() {
    assertThatThrownBy(() -> Rate.parse("500M", null))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("an absolute rate needs its unit")
        .hasMessageContaining("500M/month");
  }

  @Test
  void textThatIsNoRateIsRefused() {
    assertThatThrownBy(() -> Rate.parse("lots", null))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("not a rate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2/fortnight", "2/q", "2/quarter", "2/"})
  void refusesUnknownTimeUnits(String text) {
    assertThatThrownBy(() -> Rate.parse(text, null))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("unknown time unit");
  }

  @Test
  void refusesNegativeRates() {
    assertThatThrownBy(() -> Rate.parse("-2/day", null))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("a rate cannot be negative");
    assertThatThrownBy(() -> Rate.parse("-2", CalendarUnit.DAY))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("a rate cannot be negative");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN/day", "Infinity/s", "12X/day"})
  void refusesAmountsThatAreNoCount(String text) {
    assertThatThrownBy(() -> Rate.parse(text, null))
        .isInstanceOf(QuantityException.class)
        .hasMessageContaining("expected a rate such as 2/day");
  }

  @Test
  void perSecondDividesByTheLengthOfTheUnit() {
    // 86,400 per day is 1/s; 2,592,000 per 30-day month is 1/s; 31,536,000 per 365-day year is 1/s.
    assertThat(Rate.parse("86400/day", null).perSecond(SRE)).isEqualTo(1);
    assertThat(Rate.parse("2.592M/month", null).perSecond(SRE)).isCloseTo(1, withinPercentage(1e-9));
    assertThat(Rate.parse("31.536M/year", null).perSecond(SRE)).isCloseTo(1, withinPercentage(1e-9));
    assertThat(Rate.parse("604800/week", null).perSecond(SRE)).isEqualTo(1);
    assertThat(Rate.parse("120/min", null).perSecond(SRE)).isEqualTo(2);
    assertThat(Rate.parse("7200/h", null).perSecond(SRE)).isEqualTo(2);
  }

  @Test
  void secondsMinutesAndHoursStayExactWhateverTheBase() {
    TimeBase napkin = new TimeBase(100_000, 700_000, 3_000_000, 36_500_000);
    assertThat(Rate.parse("60/min", null).perSecond(napkin)).isEqualTo(1);
    assertThat(Rate.parse("3600/hour", null).perSecond(napkin)).isEqualTo(1);
    assertThat(Rate.parse("100000/day", null).perSecond(napkin)).isEqualTo(1);
  }

  @Test
  void printsAsWritten() {
    assertThat(Rate.parse("2/day", null)).hasToString("2/day");
    assertThat(Rate.parse("0.2/d", null)).hasToString("0.2/day");
  }
}
