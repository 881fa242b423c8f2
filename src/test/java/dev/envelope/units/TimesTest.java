package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource(delimiter = ';', value = {
      "20ms; 0.02", "1.5s; 1.5", "1.5 s; 1.5", "250us; 0.00025",
      // m is a minute here: 30 x 60 s
      "30m; 1800", "30min; 1800", "720h; 2592000", "2d; 172800", "1w; 604800",
      // compound, as tables print durations: 3,600 + 1,800; 43 x 60 + 12
      "1h 30m; 5400", "43m 12s; 2592", "0s; 0", "5 MS; 0.005"})
  void readsAClockTime(String text, double seconds) {
    assertThat(Times.seconds(text)).isCloseTo(seconds, withinPercentage(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"20", "0.5", "1e3"})
  void refusesABareNumber(String text) {
    assertThatThrownBy(() -> Times.seconds(text)).isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("a time needs its unit").hasMessageContaining("20ms, 1.5s, 30m, 720h");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1y", "6mo", "2 months"})
  void refusesCalendarLengths(String text) {
    assertThatThrownBy(() -> Times.seconds(text)).isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("months and years are not units of a time").hasMessageContaining("8760h");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5 fortnights", "ms", "fast", "-5ms", "5ms and more"})
  void refusesWhatIsNotATime(String text) {
    assertThatThrownBy(() -> Times.seconds(text)).isInstanceOf(QuantityException.class)
        .hasMessageContaining("expected a time with its unit");
  }
}
