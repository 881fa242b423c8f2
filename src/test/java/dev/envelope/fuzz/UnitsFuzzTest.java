package dev.envelope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Counts;
import dev.envelope.units.Fractions;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Rate;
import dev.envelope.units.Sizes;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;

/**
 * The unit parsers on any text: each returns a finite value in its domain (non-negative sizes,
 * counts that are numbers, targets strictly between 0 and 1) or throws {@link QuantityException},
 * never anything else. Regression inputs: {@code src/test/resources/dev/envelope/fuzz/UnitsFuzzTestInputs/}.
 */
class UnitsFuzzTest {
  private static final TimeBase SRE = new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);
  private static final CalendarUnit[] BARE = {null, CalendarUnit.DAY, CalendarUnit.SECOND};

  @FuzzTest(maxDuration = "30s")
  void parsers(FuzzedDataProvider data) {
    int which = data.consumeInt(0, 9);
    String text = data.consumeRemainingAsString();
    try {
      switch (which) {
        case 0 -> assertFiniteNonNegative(text, Sizes.parse(text, UnitSystem.SI));
        case 1 -> assertFiniteNonNegative(text, Sizes.parse(text, UnitSystem.IEC));
        case 2 -> {
          Rate rate = Rate.parse(text, BARE[Math.floorMod(text.length(), BARE.length)]);
          assertFiniteNonNegative(text, rate.amount());
          assertFiniteNonNegative(text, rate.perSecond(SRE));
        }
        case 3 -> {
          Span span = Span.parse(text);
          assertThat(span.terms()).as(text).isNotEmpty();
          assertFiniteNonNegative(text, span.seconds(SRE));
        }
        case 4 -> assertFinite(text, Counts.parse(text));
        case 5 -> assertFiniteNonNegative(text, Fractions.percent(text, false));
        case 6 -> assertFiniteNonNegative(text, Fractions.percent(text, true));
        case 7 -> {
          double target = Fractions.target(text);
          assertThat(target).as(text).isGreaterThan(0).isLessThan(1);
          assertFinite(text, Fractions.nines(target));
        }
        case 8 -> assertThat(Fractions.ratio(text)).as(text).isPositive().isLessThan(Double.POSITIVE_INFINITY);
        default -> assertFinite(text, Numbers.parse(text, "a number"));
      }
    } catch (QuantityException expected) {
      assertThat(expected.problem()).as(text).isNotBlank();
      assertThat(expected.expected()).as(text).isNotBlank();
    }
  }

  private static void assertFinite(String text, double value) {
    assertThat(Double.isFinite(value)).as("finite value of '" + text + "': " + value).isTrue();
  }

  private static void assertFiniteNonNegative(String text, double value) {
    assertFinite(text, value);
    assertThat(value).as("value of '" + text + "'").isGreaterThanOrEqualTo(0);
  }
}
