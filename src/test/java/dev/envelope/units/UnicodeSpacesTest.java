package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parser reads a number and its unit apart by any Unicode space, as it does by an ASCII
 * one: a no-break space (U+00A0, which word processors put between a number and its unit) was
 * refused while an ideographic space (U+3000) was accepted.
 */
class UnicodeSpacesTest {
  private static final TimeBase SRE = new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0020", "0009", "00A0", "2007", "202F", "2009", "3000", "1680", "205F"})
  void everyParserReadsAUnicodeSpaceAsASpace(String hex) {
    String s = String.valueOf((char) Integer.parseInt(hex, 16));
    assertThat(Sizes.parse("1" + s + "KB", UnitSystem.SI)).isEqualTo(1000);
    assertThat(Counts.parse("150" + s + "M")).isEqualTo(150e6);
    assertThat(Rate.parse("2" + s + "/" + s + "day", null)).isEqualTo(new Rate(2, CalendarUnit.DAY));
    assertThat(Times.seconds("20" + s + "ms")).isEqualTo(0.02);
    assertThat(Times.seconds("1h" + s + "30m")).isEqualTo(5400);
    assertThat(Span.parse("5" + s + "y").seconds(SRE)).isEqualTo(5 * 365 * 86_400.0);
    assertThat(Span.parse("1h" + s + "30min").seconds(SRE)).isEqualTo(5400);
    assertThat(Fractions.percent("20" + s + "%", false)).isEqualTo(0.2);
    assertThat(Fractions.target("99.95" + s + "%")).isEqualTo(0.9995);
    assertThat(Fractions.target("3.5" + s + "nines")).isEqualTo(0.9995);
    assertThat(Fractions.ratio("10" + s + ":" + s + "1")).isEqualTo(10);
    assertThat(Fractions.percentile("99.9" + s + "%")).isEqualTo(0.999);
    assertThat(ByteRates.perSecond("5" + s + "MB" + s + "/" + s + "s", UnitSystem.SI, SRE)).isEqualTo(5e6);
    assertThat(Numbers.parse(s + "42" + s, "a number")).isEqualTo(42);
  }
}
