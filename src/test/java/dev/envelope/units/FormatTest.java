package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

  @ParameterizedTest(name = "sig3({0}) = {1}")
  @CsvSource({
    "3472.2, 3470",
    "6944.4, 6940",
    "0.11574, 0.116",
    "12.71, 12.7",
    "30, 30",
    "1271, 1270",
    "0, 0",
    "8.64, 8.64",
    "999.7, 1000"
  })
  void sig3KeepsThreeSignificantFiguresAndDropsTrailingZeros(double value, String expected) {
    assertThat(Format.sig3(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "sig3({0}) = {1}")
  @CsvSource({"1e300, 1 x 10^300", "1.2345e-25, 1.23 x 10^-25", "-1.7976931348623157e308, -1.8 x 10^308",
      "4.9e-324, 4.94 x 10^-324", "123456789e16, 1.23 x 10^24", "123456789e15, 123000000000000000000000", "0.0000000000000000012345, 0.00000000000000000123"})
  void sig3WritesHugeAndTinyNumbersInScientificNotation(double value, String expected) {
    // Written out, 1e300 had 301 digits: too long for a table cell or a message.
    assertThat(Format.sig3(value)).isEqualTo(expected);
  }

  @Test
  void percentOfAHugeFractionIsShort() {
    assertThat(Format.percent(1e300)).isEqualTo("1 x 10^302%");
    // Beyond the largest unit by a million: in powers of ten of the base unit.
    assertThat(Format.count(1e300)).isEqualTo("1 x 10^300");
  }

  @Test
  void aBillionIsBnNeverBWhichIsAByte() {
    // Xu, ch. 2: 150M DAU x 2 tweets = 300 million tweets a day; x 10 reads = 3 billion reads a day.
    assertThat(Format.count(3e9)).isEqualTo("3 bn");
    assertThat(Format.rate(2.2e9)).isEqualTo("2.2 bn/s");
    assertThat(Format.bytes(3e9, UnitSystem.SI)).isEqualTo("3 GB");
  }

  @Test
  void beyondTheLargestUnitInPowersOfTenOfTheBaseUnit() {
    // 999 EB is still a named unit; 1,000 EB (10^21 B) and more is a power of ten of bytes.
    assertThat(Format.bytes(999e18, UnitSystem.SI)).isEqualTo("999 EB");
    assertThat(Format.bytes(1e21, UnitSystem.SI)).isEqualTo("1 x 10^21 B");
    assertThat(Format.bytes(5e23, UnitSystem.SI)).isEqualTo("5 x 10^23 B");
    // 999.7 EB rounds to 1000 EB: past the largest unit too.
    assertThat(Format.bytes(999.7e18, UnitSystem.SI)).isEqualTo("1 x 10^21 B");
    // Counts stop at T: 5,000 T is 5 x 10^15.
    assertThat(Format.count(5e15)).isEqualTo("5 x 10^15");
    assertThat(Format.count(999e12)).isEqualTo("999 T");
  }

  @Nested
  class Counts {
    @ParameterizedTest(name = "count({0}) = {1}")
    @CsvSource({
      "150000000, 150 M",
      "3472.2, 3.47 K",
      "360000000, 360 M",
      "1666666666.7, 1.67 bn",
      "30000000000, 30 bn",
      "2000000000000, 2 T",
      "42, 42",
      "0, 0"
    })
    void countScalesByThousands(double value, String expected) {
      assertThat(Format.count(value)).isEqualTo(expected);
    }

    @Test
    void roundingUpToTheNextThousandStepsUpAScale() {
      // 999.7 has three significant figures of 1000: it reads "1 K", never "1000".
      assertThat(Format.count(999.7)).isEqualTo("1 K");
      assertThat(Format.count(999_999)).isEqualTo("1 M");
      assertThat(Format.count(999.4)).isEqualTo("999");
    }

    @Test
    void rateIsACountPerSecond() {
      assertThat(Format.rate(3472.2)).isEqualTo("3.47 K/s");
      assertThat(Format.rate(0.11574)).isEqualTo("0.116 /s");
      assertThat(Format.rate(40)).isEqualTo("40 /s");
    }
  }

  @Nested
  class Bytes {
    @ParameterizedTest(name = "bytes({0}, SI) = {1}")
    @CsvSource({
      "204, 204 B",
      "1271, 1.27 KB",
      "12710000000, 12.7 GB",
      "457560000000, 458 GB",
      "30000000000000, 30 TB",
      "54750000000000000, 54.8 PB",
      "999.7, 1 KB"
    })
    void siBytesStepByThousands(double value, String expected) {
      assertThat(Format.bytes(value, UnitSystem.SI)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "bytes({0}, IEC) = {1}")
    @CsvSource({"1024, 1 KiB", "1536, 1.5 KiB", "1048576, 1 MiB", "1000, 1000 B", "1073741824, 1 GiB"})
    void iecBytesStepBy1024(double value, String expected) {
      assertThat(Format.bytes(value, UnitSystem.IEC)).isEqualTo(expected);
    }

    @Test
    void bytesPerSecondAddsPerSecond() {
      assertThat(Format.bytesPerSecond(96_450, UnitSystem.SI)).isEqualTo("96.5 KB/s");
    }

    @Test
    void bitsAreEightTimesTheBytesInDecimalSteps() {
      // 708 KB/s x 8 = 5.664 Mbit/s.
      assertThat(Format.bits(708_000)).isEqualTo("5.66 Mbit/s");
      assertThat(Format.bits(125)).isEqualTo("1 kbit/s");
      assertThat(Format.bits(1)).isEqualTo("8 bit/s");
    }
  }

  @Nested
  class Durations {
    @ParameterizedTest(name = "duration({0}) = {1}")
    @CsvSource({
      // SRE book Table A-1 cells: 99.99% a day, 99.9% a 30-day month, a year, 99% a year.
      "8.64, 8.64 s",
      "2592, 43m 12s",
      "31536, 8.76 h",
      "315360, 3.65 d",
      // 99.9% of an average Gregorian month: 2,629,746 s x 0.001 = 2,629.746 s.
      "2629.746, 43m 49.7s",
      "60, 1m 0s",
      "60.48, 1m 0.5s",
      "0.864, 0.864 s",
      "3153600, 36.5 d"
    })
    void durationPicksAUnitPerValue(double seconds, String expected) {
      assertThat(Format.duration(seconds)).isEqualTo(expected);
    }

    @Test
    void justUnderAnHourRoundsToOneHour() {
      assertThat(Format.duration(3599.99)).isEqualTo("1 h");
    }

    @Test
    void thousandsOfDaysUseSeparators() {
      // 5 years of 365 days.
      assertThat(Format.duration(5 * 365 * 86_400)).isEqualTo("1,825 d");
    }
  }

  @ParameterizedTest(name = "percent({0}) = {1}")
  @CsvSource({"0.9995, 99.95%", "0.999, 99.9%", "0.99999, 99.999%", "0.2, 20%", "0.5, 50%", "1.5, 150%", "0.9, 90%",
      // 59.79285037...% to four decimals: the fifth is 5 and more follows, so it rounds up (no false tie).
      "0.5979285037636365, 59.7929%"})
  void percentShowsAFractionAsAPercentage(double fraction, String expected) {
    assertThat(Format.percent(fraction)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "integer({0}) = {1}")
  @CsvSource(
      delimiter = ';',
      value = {"12345; 12,345", "0; 0", "999; 999", "1000; 1,000", "1234567; 1,234,567", "-1234567; -1,234,567", "12.6; 13"})
  void integerGroupsThousands(double value, String expected) {
    assertThat(Format.integer(value)).isEqualTo(expected);
  }

  @Test
  void fixed2RoundsToTwoDecimals() {
    assertThat(Format.fixed2(3.30103)).isEqualTo("3.30");
    assertThat(Format.fixed2(2)).isEqualTo("2.00");
  }

  @ParameterizedTest(name = "plain({0}) = {1}")
  @CsvSource({"2, 2", "0.2, 0.2", "1271, 1271", "2500000, 2500000", "30.4375, 30.4375"})
  void plainWritesANumberAsAUserWould(double value, String expected) {
    assertThat(Format.plain(value)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void durationsThatRoundUpToTheNextUnitAreShownInIt() {
    // 59.97 s rounds to 60.0 at three figures: a minute, not "60 s"; 23.99 h likewise a day.
    org.assertj.core.api.Assertions.assertThat(Format.duration(59.97)).isEqualTo("1m 0s");
    org.assertj.core.api.Assertions.assertThat(Format.duration(23.99 * 3600)).isEqualTo("1 d");
  }
}
