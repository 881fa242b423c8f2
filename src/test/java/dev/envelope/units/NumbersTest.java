package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shared number reader at the edges of BigDecimal and of a double. */
class NumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"1e-2147483647", "1e-2147483648", "-1e-2147483647", "1e-999999999", "1e-400", "4.9e-324",
      "1e-308", "0.0001e-305"})
  void refusesNumbersTooCloseToZeroForADouble(String text) {
    // 1e-400 is 0.0 as a double, and 1e-2147483647 / 100 is past BigDecimal's scale (Underflow).
    assertThatThrownBy(() -> Numbers.parseDecimal(text, "a number"))
        .isInstanceOf(QuantityException.class)
        .hasMessage("number is too close to zero for a double (under 1e-307, other than 0); expected a number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e2147483647", "1e+2147483648", "9e999999999", "1e309", "1.8e308", "-1e400"})
  void refusesNumbersTooLargeForADouble(String text) {
    assertThatThrownBy(() -> Numbers.parseDecimal(text, "a number"))
        .isInstanceOf(QuantityException.class)
        .hasMessage("number is too large for a double (over 1.8e308); expected a number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0e-2147483647", "0e2147483647", "0.000e-999999999", "-0e5"})
  void zeroWithAnyExponentIsZero(String text) {
    // Its scale would overflow when a percentage moves the point: it is read as plain 0.
    BigDecimal zero = Numbers.parseDecimal(text, "a number");
    assertThat(zero.signum()).isZero();
    assertThat(zero.movePointLeft(2).doubleValue()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"1e-307, 1e-307", "1.7e308, 1.7e308", "1.5e-200, 1.5e-200"})
  void readsNumbersWithinADoublesRange(String text, double expected) {
    assertThat(Numbers.parse(text, "a number")).isEqualTo(expected);
    // Moving the point two places (a percentage) stays within BigDecimal's range.
    assertThat(Numbers.parseDecimal(text, "a number").movePointLeft(2).doubleValue()).isEqualTo(expected / 100);
  }

  @ParameterizedTest(name = "plain({0}) = {1}")
  @CsvSource({
    "0.0001, 0.0001",
    "1234.5, 1234.5",
    "150000000, 150000000",
    // 24 characters: in full.
    "0.0000000000000000000001, 0.0000000000000000000001",
    // Beyond: scientific, whatever the exponent.
    "1e-999999999, 1e-999999999",
    "1.5e-30, 1.5e-30",
    "-2.25e40, -2.25e40",
    "1e24, 1e24",
    "123456789012345678901234, 123456789012345678901234",
    "1234567890123456789012345, 1.234567890123456789012345e24"
  })
  void plainWritesShortNumbersInFullAndLongOnesInScientificNotation(String value, String expected) {
    assertThat(Numbers.plain(new BigDecimal(value))).isEqualTo(expected);
  }

  @Test
  void plainOfAHugeExponentIsShortAndQuick() {
    // toPlainString would write a billion zeros (4.8 GB, then OutOfMemoryError).
    assertThat(Numbers.plain(new BigDecimal("1e-2147483647"))).isEqualTo("1e-2147483647");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0", "\u2007", "\u202F", "\u3000", "\u2009", "\u1680", "\u205F", "\t", "\uFEFF", "\u2028"})
  void everyUnicodeSpaceIsASpace(String space) {
    // ECMA-262's \s: tab, line breaks, the byte-order mark and the space separators (Zs).
    assertThat(Numbers.spaces(space + "1" + space + "KB" + space)).isEqualTo("1 KB");
    assertThat(Numbers.isNumber(space + "42" + space)).isTrue();
  }

  @Test
  void controlCharactersAndZeroWidthOnesAreNotSpaces() {
    for (char c : new char[] {'\u0000', '\u001C', '\u0085', '\u200B', '\u2060', 'a'}) {
      assertThat(Numbers.isSpace(c)).as("U+%04X", (int) c).isFalse();
    }
  }
}
