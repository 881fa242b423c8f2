package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "150M; 150000000",
        "1.5B; 1500000000",
        "20K; 20000",
        "2T; 2000000000000",
        "1e9; 1000000000",
        "1_000; 1000",
        "86,400; 86400",
        "42; 42",
        "0; 0",
        "20k; 20000",
        "1.5 B; 1500000000",
        "1.5bn; 1500000000",
        "2 bn; 2000000000",
        "3BN; 3000000000",
        "' 150M '; 150000000"
      })
  void scalesByThousandsToTrillions(String text, double expected) {
    assertThat(Counts.parse(text)).isEqualTo(expected);
  }

  /** {@code bn} is a billion as in a formula; it must not swallow a stray {@code n} elsewhere. */
  @Test
  void bnIsABillionAndNothingElseEndsInN() {
    assertThat(Counts.parse("1.5bn")).isEqualTo(Counts.parse("1.5B"));
    assertThatThrownBy(() -> Counts.parse("bn")).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Counts.parse("5n")).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Counts.parse("5bnn")).isInstanceOf(QuantityException.class);
    assertThat(Rate.parse("2bn/day", CalendarUnit.SECOND).amount()).isEqualTo(2e9);
  }

  @Test
  void bIsABillionNeverAByte() {
    assertThat(Counts.parse("3B")).isEqualTo(3e9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesAnEmptyValue(String text) {
    assertThatThrownBy(() -> Counts.parse(text))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("empty value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "-M", "M", "1.2.3"})
  void refusesTextThatIsNoNumber(String text) {
    assertThatThrownBy(() -> Counts.parse(text))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("not a count");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "inf"})
  void refusesNonFiniteNumbers(String text) {
    assertThatThrownBy(() -> Counts.parse(text))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("not a finite number");
  }

  @Test
  void refusesAnUnknownScaleNamingIt() {
    assertThatThrownBy(() -> Counts.parse("12X"))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("unknown scale 'X'")
        .hasMessageContaining("K, M, bn (or B) or T");
  }

  @Test
  void refusesALiteralOfHundredsOfDigits() {
    String digits = "1".repeat(300);
    assertThatThrownBy(() -> Counts.parse(digits))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("number is too long (300 characters)");
  }

  @Test
  void refusesACountThatOverflowsADouble() {
    // 1e308 is finite, but a trillion times it is not.
    assertThatThrownBy(() -> Counts.parse("1e308T"))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("number is too large");
  }

  @Test
  void isCountTellsCountsFromOtherText() {
    assertThat(Counts.isCount("500M")).isTrue();
    assertThat(Counts.isCount("2/day")).isFalse();
    assertThat(Counts.isCount("NaN")).isFalse();
  }

  @Test
  void refusesAnExponentBeyondWhatBigDecimalHolds() {
    // Found by UnitsFuzzTest: 1e10000000000 made BigDecimal throw NumberFormatException.
    assertThatThrownBy(() -> Counts.parse("1e10000000000"))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("number is too large for a double");
    assertThat(Counts.isCount("-1e10008000000")).isFalse();
  }

  @Test
  void readsBnAsFormatPrintsIt() {
    // What the tables print (3 bn, 22.5 bn) reads back as the same count.
    assertThat(Counts.parse("3 bn")).isEqualTo(3e9);
    assertThat(Counts.parse("22.5bn")).isEqualTo(22.5e9);
    assertThat(Counts.parse(dev.envelope.units.Format.count(548e9))).isEqualTo(548e9);
  }
}
