package dev.envelope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
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
 * counts that are numbers, targets and percentiles strictly between 0 and 1) or throws
 * {@link QuantityException} with a message of bounded length, never anything else. Regression inputs: {@code src/test/resources/dev/envelope/fuzz/UnitsFuzzTestInputs/}.
 */
class UnitsFuzzTest {
  private static final TimeBase SRE = new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);
  private static final CalendarUnit[] BARE = {null, CalendarUnit.DAY, CalendarUnit.SECOND};

  @FuzzTest(maxDuration = "30s")
  @DictionaryFile(resourcePath = "/dev/envelope/fuzz/edges.dict")
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
          double seconds = span.seconds(SRE);
          if (seconds == Double.POSITIVE_INFINITY) {
            // A finite duration in a long unit (21e306y) can be past a double in seconds; the
            // reader and formulas report that at the value (BoundedInputsTest), so it must be a
            // real overflow, never a wrong conversion.
            assertThat(span.terms()).as(text).anySatisfy(t -> assertThat(t.amount() * SRE.seconds(t.unit()))
                .isGreaterThan(Double.MAX_VALUE / span.terms().size()));
          } else {
            assertFiniteNonNegative(text, seconds);
          }
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
        default -> {
          percentile(text);
          assertFinite(text, Numbers.parse(text, "a number"));
        }
      }
    } catch (QuantityException expected) {
      problem(text, expected);
    }
  }

  /** A percentile is a fraction strictly between 0 and 1, or a problem. */
  private static void percentile(String text) {
    try {
      assertThat(Fractions.percentile(text)).as(text).isGreaterThan(0).isLessThan(1);
    } catch (QuantityException expected) {
      problem(text, expected);
    }
  }

  /**
   * A problem says what is wrong and what is expected, in a message of bounded length: a hint
   * that wrote 1e-999999999 out in full once made a message of a billion characters.
   */
  private static void problem(String text, QuantityException e) {
    assertThat(e.problem()).as(text).isNotBlank();
    assertThat(e.expected()).as(text).isNotBlank();
    assertThat(e.getMessage().length()).as(text).isLessThan(MAX_MESSAGE);
  }

  /** Longer than any message of a parser: its problem and its expectation, never the value. */
  static final int MAX_MESSAGE = 1_000;

  private static void assertFinite(String text, double value) {
    assertThat(Double.isFinite(value)).as("finite value of '" + text + "': " + value).isTrue();
  }

  private static void assertFiniteNonNegative(String text, double value) {
    assertFinite(text, value);
    assertThat(value).as("value of '" + text + "'").isGreaterThanOrEqualTo(0);
  }
}
