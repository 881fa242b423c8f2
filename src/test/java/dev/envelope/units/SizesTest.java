package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

  @ParameterizedTest(name = "{0} = {1} bytes under SI")
  @CsvSource(
      delimiter = ';',
      value = {
        "204B; 204",
        "500; 500",
        "1KB; 1000",
        "1.5KB; 1500",
        "1MB; 1000000",
        "64GB; 64000000000",
        "2TB; 2000000000000",
        "1PB; 1000000000000000",
        "1 kb; 1000",
        "1K; 1000",
        "1KiB; 1024",
        "1MiB; 1048576",
        "1GiB; 1073741824",
        "1,271B; 1271",
        "10 bytes; 10"
      })
  void readsDecimalUnitsUnderSi(String text, double expected) {
    assertThat(Sizes.parse(text, UnitSystem.SI)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} = {1} bytes under IEC")
  @CsvSource(
      delimiter = ';',
      value = {
        "1KB; 1024",
        "1MB; 1048576",
        "2TB; 2199023255552",
        "1KiB; 1024",
        "500; 500",
        "204B; 204"
      })
  void readsKilobytesAsPowersOf1024UnderIec(String text, double expected) {
    assertThat(Sizes.parse(text, UnitSystem.IEC)).isEqualTo(expected);
  }

  @Test
  void kibibytesAre1024BytesWhateverTheSystem() {
    assertThat(Sizes.parse("1KiB", UnitSystem.SI)).isEqualTo(Sizes.parse("1KiB", UnitSystem.IEC)).isEqualTo(1024);
  }

  @Test
  void plainNumberIsBytes() {
    assertThat(Sizes.parse("500", UnitSystem.SI)).isEqualTo(500);
    assertThat(Sizes.parse("500", UnitSystem.IEC)).isEqualTo(500);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1KB", "-500", "-0.5MB"})
  void refusesNegativeSizes(String text) {
    assertThatThrownBy(() -> Sizes.parse(text, UnitSystem.SI))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("a size cannot be negative");
  }

  @Test
  void refusesAnUnknownUnitNamingIt() {
    assertThatThrownBy(() -> Sizes.parse("12XB", UnitSystem.SI))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("unknown size unit 'XB'")
        .hasMessageContaining("204B");
  }

  @Test
  void refusesBitsForBytes() {
    assertThatThrownBy(() -> Sizes.parse("10Mbit", UnitSystem.SI))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("unknown size unit 'Mbit'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
  void refusesNonFiniteSizes(String text) {
    assertThatThrownBy(() -> Sizes.parse(text, UnitSystem.SI))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("not a finite size");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "KB", "1.2.3KB"})
  void refusesAUnitWithoutANumber(String text) {
    assertThatThrownBy(() -> Sizes.parse(text, UnitSystem.SI))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("not a size");
  }

  @Test
  void refusesASizeThatOverflowsADouble() {
    assertThatThrownBy(() -> Sizes.parse("1e307EB", UnitSystem.SI))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("size is too large");
  }
}
