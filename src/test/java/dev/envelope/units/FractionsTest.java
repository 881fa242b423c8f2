package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FractionsTest {

  @Nested
  class Percent {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = ';',
        value = {"20%; 0.2", "0.2; 0.2", "0%; 0", "100%; 1", "1; 1", "0; 0", "12.5 %; 0.125", "50%; 0.5"})
    void readsAPercentageOrAFractionUpToOne(String text, double expected) {
      assertThat(Fractions.percent(text, false)).isEqualTo(expected);
    }

    @Test
    void acceptsOver100PercentOnlyWhereAllowed() {
      assertThat(Fractions.percent("150%", true)).isEqualTo(1.5);
      assertThatThrownBy(() -> Fractions.percent("150%", false))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("over 100%")
          .hasMessageContaining("from 0% to 100%");
    }

    @Test
    void refusesABareNumberOverOneAndSuggestsThePercentSign() {
      assertThatThrownBy(() -> Fractions.percent("50", false))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("a bare number over 1 is ambiguous as a percentage")
          .hasMessageContaining("(50%)");
      // Not even where percentages over 100% are fine: 50 could mean 50% or 5,000%.
      assertThatThrownBy(() -> Fractions.percent("50", true)).isInstanceOf(QuantityException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5%", "-0.1"})
    void refusesNegativePercentages(String text) {
      assertThatThrownBy(() -> Fractions.percent(text, true))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("a percentage cannot be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "%", "NaN%", "ten%"})
    void refusesTextThatIsNoNumber(String text) {
      assertThatThrownBy(() -> Fractions.percent(text, false))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("not a number");
    }
  }

  @Nested
  class Target {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = ';',
        value = {
          "99.95%; 0.9995",
          "0.9995; 0.9995",
          "99.9%; 0.999",
          "99.999%; 0.99999",
          "90%; 0.9",
          "3.5 nines; 0.9995",
          "3 nines; 0.999",
          "four nines; 0.9999",
          "Five Nines; 0.99999",
          "1 nine; 0.9",
          "2.5 nines; 0.995"
        })
    void readsPercentagesFractionsAndNines(String text, double expected) {
      // Exact equality: "3.5 nines" must be the same double as 99.95% and as 0.9995.
      assertThat(Fractions.target(text)).isEqualTo(expected);
    }

    @Test
    void threeAndAHalfNinesIsExactlyTheDoubleOf9995() {
      assertThat(Fractions.target("3.5 nines"))
          .isEqualTo(Fractions.target("99.95%"))
          .isEqualTo(Fractions.target("0.9995"))
          .isEqualTo(0.9995);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0%", "100%", "1", "150%", "1.0"})
    void refusesTargetsNotStrictlyBetweenZeroAndHundredPercent(String text) {
      assertThatThrownBy(() -> Fractions.target(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("target not strictly between 0 and 100%");
    }

    @Test
    void refusesABareNumberOverOneAndSuggestsThePercentSign() {
      assertThatThrownBy(() -> Fractions.target("99.95"))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("a bare number over 1 is ambiguous as a target")
          .hasMessageContaining("(99.95%)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.7 nines", "nines", "many nines", "zero nines", "3.5nine s"})
    void refusesNinesFormsOtherThanNOrNAndAHalf(String text) {
      assertThatThrownBy(() -> Fractions.target(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("not a nines form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 nines", "16 nines", "1234 nines"})
    void refusesANinesCountOutOfRange(String text) {
      assertThatThrownBy(() -> Fractions.target(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("nines count out of range");
    }
  }

  @Nested
  class Ratio {
    @ParameterizedTest(name = "{0} = {1} reads per write")
    @CsvSource(
        delimiter = ';',
        value = {"10:1; 10", "1:10; 0.1", "10; 10", "100:1; 100", "3:2; 1.5", "0.5; 0.5", "10 : 1; 10"})
    void readsReadsPerWrite(String text, double expected) {
      assertThat(Fractions.ratio(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:1", "1:0", "0:0", "-1:1"})
    void refusesARatioWithAZeroOrNegativeSide(String text) {
      assertThatThrownBy(() -> Fractions.ratio(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("a ratio cannot have a zero or negative side");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3"})
    void refusesABareRatioThatIsNotPositive(String text) {
      assertThatThrownBy(() -> Fractions.ratio(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("a ratio must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10:1:1", "ten:one", "10/1"})
    void refusesTextThatIsNoRatio(String text) {
      assertThatThrownBy(() -> Fractions.ratio(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("not a number");
    }
  }

  @Nested
  class Nines {
    @Test
    void ninesIsMinusLog10OfTheMiss() {
      // -log10(0.0005) = 4 - log10(5) = 4 - 0.69897 = 3.30103.
      assertThat(Fractions.nines(0.9995)).isCloseTo(3.30103, withinPercentage(1e-3));
      assertThat(Format.fixed2(Fractions.nines(0.9995))).isEqualTo("3.30");
    }

    @Test
    void wholeNinesCountTheirNines() {
      assertThat(Fractions.nines(0.9)).isCloseTo(1, withinPercentage(1e-9));
      assertThat(Fractions.nines(0.999)).isCloseTo(3, withinPercentage(1e-9));
      assertThat(Fractions.nines(0.99999)).isCloseTo(5, withinPercentage(1e-9));
      assertThat(Format.fixed2(Fractions.nines(0.999))).isEqualTo("3.00");
    }
  }

  @Nested
  class Percentile {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {"p95; 0.95", "P99.9; 0.999", "99.9; 0.999", "99.9%; 0.999", "p50; 0.5",
        "p1; 0.01", "p0.5; 0.005", "95 %; 0.95"})
    void readsAPercentileAsAFraction(String text, double expected) {
      assertThat(Fractions.percentile(text)).isEqualTo(expected);
    }

    @Test
    void refusesABareFractionAsAmbiguous() {
      assertThatThrownBy(() -> Fractions.percentile("0.999"))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("a bare number of 1 or less is ambiguous as a percentile")
          .hasMessageContaining("p99.9 if a fraction is meant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "p100", "0%", "p0", "-5", "150%", "p", "high"})
    void refusesWhatIsNotStrictlyBetweenZeroAndHundred(String text) {
      assertThatThrownBy(() -> Fractions.percentile(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("a percentile strictly between 0 and 100");
    }
  }

  /** Numbers at the edges of BigDecimal and of a double, in each form that moves the point. */
  @Nested
  class Edges {
    @Test
    void theHintForATinyBarePercentileIsShort() {
      // Its hint wrote the value out in full: 1e-999999999 gave a message of a billion characters.
      // Now such a number is refused before (too close to zero), and the hint itself is bounded.
      assertThatThrownBy(() -> Fractions.percentile("1e-999999999"))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("number is too close to zero");
      assertThatThrownBy(() -> Fractions.percentile("1e-300"))
          .isInstanceOf(QuantityException.class)
          .hasMessage("a bare number of 1 or less is ambiguous as a percentile; expected p1e-298 if a fraction is"
              + " meant, or p1e-300 for that percentile");
      // Short values keep their plain form: 0.999 could be p99.9 or p0.999.
      assertThatThrownBy(() -> Fractions.percentile("0.999"))
          .hasMessageContaining("expected p99.9 if a fraction is meant, or p0.999 for that percentile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-2147483647%", "1e-2147483647", "1e2147483647%", "1e-2147483648%", "1e+2147483648%",
        "9e999999999%", "1e-400", "1e-400%", "0.0001e-305%"})
    void exponentsAtTheEdgeAreProblemsNotExceptions(String text) {
      // 1e-2147483647% threw ArithmeticException (Underflow) when the point moved two places.
      for (java.util.function.Consumer<String> parser : java.util.List.<java.util.function.Consumer<String>>of(
          t -> Fractions.percent(t, false), t -> Fractions.percent(t, true), Fractions::target,
          Fractions::percentile)) {
        assertThatThrownBy(() -> parser.accept(text)).as(text).isInstanceOf(QuantityException.class)
            .satisfies(e -> assertThat(((QuantityException) e).problem()).startsWith("number is too"));
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-2147483647", "1e2147483647:1", "1:1e-400", "9e999999999"})
    void ratiosAtTheEdgeAreProblemsToo(String text) {
      assertThatThrownBy(() -> Fractions.ratio(text)).isInstanceOf(QuantityException.class)
          .satisfies(e -> assertThat(((QuantityException) e).problem()).startsWith("number is too"));
    }

    @Test
    void zeroWithAHugeExponentIsZero() {
      assertThat(Fractions.percent("0e-2147483647%", false)).isZero();
    }

    @Test
    void aTargetThatRoundsTo100PercentIsRefusedAsSuch() {
      // 99.99999999999999999999% is below 100%, but 1.0 as a double: no downtime, infinite nines.
      assertThatThrownBy(() -> Fractions.target("99.99999999999999999999%"))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("too close to 100% for a double (it rounds to 100%); expected a target strictly"
              + " between 0 and 100%")
          .hasMessageEndingWith("with at most 16 nines (99.99999999999999%)");
      assertThatThrownBy(() -> Fractions.target("0.99999999999999999999"))
          .hasMessageStartingWith("too close to 100% for a double");
      // 16 nines is the last that a double tells from 100%: 1 - 1e-16 is 0.9999999999999999.
      assertThat(Fractions.target("99.99999999999999%")).isLessThan(1);
      // 100% itself is simply out of range.
      assertThatThrownBy(() -> Fractions.target("100%")).hasMessageStartingWith("target not strictly between");
    }

    @Test
    void aPercentileThatRoundsTo100IsRefusedAsSuch() {
      assertThatThrownBy(() -> Fractions.percentile("p99.99999999999999999"))
          .isInstanceOf(QuantityException.class)
          .hasMessageStartingWith("too close to 100 for a double (it rounds to 100)");
      assertThat(Fractions.percentile("p99.99999999999999")).isLessThan(1);
    }

    @Test
    void theSmallestNumbersStayAboveZero() {
      // 1e-307% is 1e-309, a subnormal double, but not zero: a share that reads is never 0 by rounding.
      assertThat(Fractions.percent("1e-307%", false)).isPositive();
      assertThat(Fractions.target("1e-307%")).isPositive();
      assertThat(Fractions.percentile("p1e-307")).isPositive();
    }
  }
}
