package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ByteRatesTest {
  static final TimeBase SRE = new TimeBase(86_400, 604_800, 2_592_000, 31_536_000);

  @Test
  void readsASizePerTimeUnit() {
    assertThat(ByteRates.perSecond("5MB/s", UnitSystem.SI, SRE)).isEqualTo(5e6);
    // 3.6 GB an hour is 3.6e9 / 3,600 = 1e6 B/s
    assertThat(ByteRates.perSecond("3.6GB / h", UnitSystem.SI, SRE)).isCloseTo(1e6, withinPercentage(1e-9));
    // KB follows the unit system: 1 KB/s is 1,024 B/s under iec
    assertThat(ByteRates.perSecond("1KB/s", UnitSystem.IEC, SRE)).isEqualTo(1024);
    // a day follows the time base: 86.4 MB a day is 1,000 B/s
    assertThat(ByteRates.perSecond("86.4MB/day", UnitSystem.SI, SRE)).isCloseTo(1000, withinPercentage(1e-9));
  }

  @Test
  void refusesASizeWithoutItsTimeUnitAndUnknownUnits() {
    assertThatThrownBy(() -> ByteRates.perSecond("5MB", UnitSystem.SI, SRE))
        .hasMessageStartingWith("a byte rate needs its time unit").hasMessageContaining("5MB/s");
    assertThatThrownBy(() -> ByteRates.perSecond("5MB/fortnight", UnitSystem.SI, SRE))
        .hasMessageStartingWith("unknown time unit 'fortnight'");
    assertThatThrownBy(() -> ByteRates.perSecond("5ZB/s", UnitSystem.SI, SRE))
        .hasMessageStartingWith("unknown size unit").hasMessageContaining("5MB/s");
  }
}
