package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DimensionTest {

  @Test
  void aCountTimesASizePerItemIsASize() {
    assertThat(Dimension.NONE.times(Dimension.BYTES)).isEqualTo(Dimension.BYTES);
  }

  @Test
  void aByteRateTimesATimeIsASize() {
    assertThat(Dimension.BYTES_PER_SECOND.times(Dimension.SECONDS)).isEqualTo(Dimension.BYTES);
  }

  @Test
  void aSizeOverATimeIsAByteRate() {
    assertThat(Dimension.BYTES.over(Dimension.SECONDS)).isEqualTo(Dimension.BYTES_PER_SECOND);
    assertThat(Dimension.NONE.over(Dimension.SECONDS)).isEqualTo(Dimension.PER_SECOND);
    assertThat(Dimension.BYTES.over(Dimension.BYTES)).isEqualTo(Dimension.NONE);
  }

  @Test
  void powersMultiply() {
    assertThat(Dimension.BYTES_PER_SECOND.pow(2)).isEqualTo(new Dimension(2, -2, 0));
    assertThat(Dimension.SECONDS.pow(-1)).isEqualTo(Dimension.PER_SECOND);
    assertThat(Dimension.BYTES.pow(0)).isEqualTo(Dimension.NONE);
  }

  @Test
  void squareRootHalvesEvenPowersAndRefusesOddOnes() {
    assertThat(new Dimension(2, -4, 0).sqrt()).contains(new Dimension(1, -2, 0));
    assertThat(Dimension.NONE.sqrt()).contains(Dimension.NONE);
    assertThat(Dimension.BYTES.times(Dimension.SECONDS).sqrt()).isEmpty();
    assertThat(Dimension.PER_SECOND.sqrt()).isEmpty();
  }

  @Test
  void powersPastAnIntThrowArithmeticException() {
    Dimension huge = new Dimension(Integer.MAX_VALUE, 0, 0);
    assertThatThrownBy(() -> huge.times(Dimension.BYTES)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> huge.pow(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> new Dimension(0, Integer.MIN_VALUE, 0).over(Dimension.SECONDS))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void onlyNoUnitIsNone() {
    assertThat(Dimension.NONE.isNone()).isTrue();
    assertThat(Dimension.MONEY.isNone()).isFalse();
    assertThat(Dimension.PER_SECOND.isNone()).isFalse();
  }

  @ParameterizedTest(name = "({0}, {1}, {2}) is {3}")
  @CsvSource(delimiter = ';', value = {
    "0; 0; 0; count",
    "1; 0; 0; bytes",
    "0; 1; 0; seconds",
    "0; -1; 0; per second",
    "1; -1; 0; bytes per second",
    "1; 1; 0; bytes x seconds",
    "2; 0; 0; bytes^2",
    "0; 0; 1; money",
    "0; -1; 1; money per second",
    "0; -2; 0; per second^2",
    "1; -2; 0; bytes per second^2",
    "-1; -1; 1; money per byte per second",
    "2; 3; 0; bytes^2 x seconds^3",
    "0; -2147483648; 0; per second^2147483648"
  })
  void describesInWords(int bytes, int seconds, int money, String words) {
    assertThat(new Dimension(bytes, seconds, money).describe()).isEqualTo(words);
  }

  @ParameterizedTest(name = "unit: {0}")
  @CsvSource(delimiter = ';', value = {
    "count; 0; 0; 0", "fraction; 0; 0; 0", "number; 0; 0; 0",
    "bytes; 1; 0; 0", "B; 1; 0; 0",
    "seconds; 0; 1; 0", "s; 0; 1; 0",
    "per second; 0; -1; 0", "/s; 0; -1; 0",
    "bytes per second; 1; -1; 0", "B/s; 1; -1; 0",
    "USD; 0; 0; 1", "EUR; 0; 0; 1", "JPY; 0; 0; 1", "' count '; 0; 0; 0"
  })
  void namesTheUnitsAFileMayDeclare(String name, int bytes, int seconds, int money) {
    assertThat(Dimension.named(name)).contains(new Dimension(bytes, seconds, money));
  }

  @ParameterizedTest(name = "unit: ''{0}''")
  @ValueSource(strings = {"", "usd", "US", "USDT", "Count", "KB", "byte", "per day", "ms"})
  void refusesOtherNames(String name) {
    assertThat(Dimension.named(name)).isEqualTo(Optional.empty());
  }

  @Test
  void listsTheValidNamesForAMessage() {
    assertThat(Dimension.NAMES).contains("count", "bytes", "per second", "bytes per second");
    assertThat(String.join(", ", Dimension.NAMES)).contains("USD");
  }
}
