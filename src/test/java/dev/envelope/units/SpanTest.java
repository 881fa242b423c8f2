package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envelope.units.Span.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpanTest {

  private static final TimeBase SRE =
      new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);

  @Test
  void readsAnAmountAndAUnit() {
    assertThat(Span.parse("5y").terms()).containsExactly(new Term(5, CalendarUnit.YEAR));
    assertThat(Span.parse("36mo").terms()).containsExactly(new Term(36, CalendarUnit.MONTH));
    assertThat(Span.parse("30d").terms()).containsExactly(new Term(30, CalendarUnit.DAY));
    assertThat(Span.parse("2 weeks").terms()).containsExactly(new Term(2, CalendarUnit.WEEK));
    assertThat(Span.parse("90min").terms()).containsExactly(new Term(90, CalendarUnit.MINUTE));
    assertThat(Span.parse("1.5h").terms()).containsExactly(new Term(1.5, CalendarUnit.HOUR));
  }

  @Test
  void readsIso8601Durations() {
    assertThat(Span.parse("P5Y").terms()).containsExactly(new Term(5, CalendarUnit.YEAR));
    assertThat(Span.parse("P1Y6M").terms())
        .containsExactly(new Term(1, CalendarUnit.YEAR), new Term(6, CalendarUnit.MONTH));
    assertThat(Span.parse("PT12H").terms()).containsExactly(new Term(12, CalendarUnit.HOUR));
    // M before T is months, after T minutes.
    assertThat(Span.parse("P2MT30M").terms())
        .containsExactly(new Term(2, CalendarUnit.MONTH), new Term(30, CalendarUnit.MINUTE));
    assertThat(Span.parse("p1w").terms()).containsExactly(new Term(1, CalendarUnit.WEEK));
  }

  @Test
  void secondsFollowTheTimeBase() {
    // 5 x 365 x 86,400 = 157,680,000 s; 36 x 30 x 86,400 = 93,312,000 s.
    assertThat(Span.parse("5y").seconds(SRE)).isEqualTo(157_680_000);
    assertThat(Span.parse("P5Y").seconds(SRE)).isEqualTo(157_680_000);
    assertThat(Span.parse("36mo").seconds(SRE)).isEqualTo(93_312_000);
    // 1 year + 6 months = 31,536,000 + 15,552,000 = 47,088,000 s.
    assertThat(Span.parse("P1Y6M").seconds(SRE)).isEqualTo(47_088_000);
    assertThat(Span.parse("PT12H").seconds(SRE)).isEqualTo(43_200);
    // With the System Design Primer's 2.5M-second month, 36 months are 90M seconds.
    TimeBase primer = new TimeBase(86_400, 7 * 86_400, 2_500_000, 365 * 86_400);
    assertThat(Span.parse("36mo").seconds(primer)).isEqualTo(90_000_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "36", "1e9", "86,400"})
  void refusesBareNumbersWithAHint(String text) {
    assertThatThrownBy(() -> Span.parse(text))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("a duration needs its unit")
        .hasMessageContaining("5y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5m", "5 eons", "3q"})
  void refusesUnknownOrAmbiguousUnits(String text) {
    // "m" could be minutes or months: neither is guessed.
    assertThatThrownBy(() -> Span.parse(text))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("unknown time unit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P", "PT", "P1YT", "P5X", "P1M1Y"})
  void refusesMalformedIsoDurations(String text) {
    assertThatThrownBy(() -> Span.parse(text))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("not an ISO-8601 duration");
  }

  @Test
  void refusesNegativeDurations() {
    assertThatThrownBy(() -> Span.parse("-5y"))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("a duration cannot be negative");
  }

  @Test
  void refusesTextThatIsNoDuration() {
    assertThatThrownBy(() -> Span.parse("forever"))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("not a duration");
  }

  @Test
  void printsEveryTerm() {
    assertThat(Span.parse("P1Y6M")).hasToString("1 year 6 months");
    assertThat(Span.parse("12h")).hasToString("12 h");
    assertThat(List.of(Span.parse("5y"))).containsExactly(new Span(List.of(new Term(5, CalendarUnit.YEAR))));
  }

  @Test
  void refusesADurationOfThousandsOfTermsInsteadOfOverflowingTheStack() {
    // Found by UnitsFuzzTest: the compound pattern recursed once per term, "4h" x 1,000 overflowed.
    assertThatThrownBy(() -> Span.parse("4h".repeat(5_000)))
        .isInstanceOf(QuantityException.class)
        .hasMessageStartingWith("duration is too long (10000 characters)");
    // 63 characters, every unit once, still reads: 1y 11mo 3w 6d 23h 59min 59s.
    assertThat(Span.parse("1 year 11 months 3 weeks 6 days 23 hours 59 minutes 59 seconds").terms()).hasSize(7);
  }
}
