package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeBaseTest {

  @Test
  void secondsMinutesAndHoursAreExact() {
    TimeBase napkin = new TimeBase(100_000, 700_000, 3_000_000, 36_500_000);
    assertThat(napkin.seconds(CalendarUnit.SECOND)).isEqualTo(1);
    assertThat(napkin.seconds(CalendarUnit.MINUTE)).isEqualTo(60);
    assertThat(napkin.seconds(CalendarUnit.HOUR)).isEqualTo(3600);
  }

  @Test
  void dayWeekMonthAndYearComeFromTheBase() {
    TimeBase napkin = new TimeBase(100_000, 700_000, 3_000_000, 36_500_000);
    assertThat(napkin.seconds(CalendarUnit.DAY)).isEqualTo(100_000);
    assertThat(napkin.seconds(CalendarUnit.WEEK)).isEqualTo(700_000);
    assertThat(napkin.seconds(CalendarUnit.MONTH)).isEqualTo(3_000_000);
    assertThat(napkin.seconds(CalendarUnit.YEAR)).isEqualTo(36_500_000);
  }

  @Test
  void quarterIsAQuarterOfTheYear() {
    // 365 x 86,400 / 4 = 7,884,000 s.
    TimeBase sre = new TimeBase(86_400, 604_800, 2_592_000, 31_536_000);
    assertThat(sre.seconds(CalendarUnit.QUARTER)).isEqualTo(7_884_000);
  }

  @Test
  void refusesLengthsThatAreNotPositiveAndFinite() {
    assertThatThrownBy(() -> new TimeBase(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeBase(1, -1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeBase(1, 1, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeBase(1, 1, 1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
