package dev.envelope.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.envelope.units.Counts;
import dev.envelope.units.Format;
import dev.envelope.units.Fractions;
import dev.envelope.units.Rate;
import dev.envelope.units.Sizes;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What the tables print reads back as the value printed, within the rounding of the print: three
 * significant figures are within half a unit of the third digit (0.5%), a percentage within half a
 * unit of its fourth decimal. Values drawn log-uniformly over many orders of magnitude, fixed seeds.
 */
class RoundTripPropertiesTest {
  private static final int DRAWS = 5_000;
  private static final double THREE_FIGURES = 0.005;
  private static final TimeBase SRE = new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);

  private static void roundTrips(long seed, double low, double high, DoubleFunction<String> format,
      Function<String, Double> parse, double relative) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < DRAWS; i++) {
      double value = RandomFiles.logUniform(r, low, high);
      String text = format.apply(value);
      assertThat(parse.apply(text)).as("%s printed as '%s'", value, text)
          .isCloseTo(value, within(value * relative));
    }
  }

  @Test
  void sizesInDecimalAndBinaryUnits() {
    // Up to 1e21 B: exabytes are the largest unit, so 999 EB is still three figures.
    roundTrips(1, 1, 9.99e20, v -> Format.bytes(v, UnitSystem.SI), t -> Sizes.parse(t, UnitSystem.SI), THREE_FIGURES);
    roundTrips(2, 1, 9.99e20, v -> Format.bytes(v, UnitSystem.IEC), t -> Sizes.parse(t, UnitSystem.IEC), THREE_FIGURES);
  }

  @Test
  void ratesPerSecond() {
    roundTrips(3, 1e-3, 9.99e14, Format::rate, t -> Rate.parse(t, null).perSecond(SRE), THREE_FIGURES);
  }

  @Test
  void countsWithTheirScale() {
    roundTrips(4, 1, 9.99e14, Format::count, Counts::parse, THREE_FIGURES);
  }

  @Test
  void durationsFromSecondsToCenturies() {
    // Under an hour, "43m 12s" keeps tenths of a second: within 0.05 s, less than 0.5% of 60 s.
    roundTrips(5, 0.01, 100 * 365 * 86_400.0, Format::duration, t -> Span.parse(t).seconds(SRE), THREE_FIGURES);
  }

  @Test
  void percentagesToFourDecimals() {
    SplittableRandom r = new SplittableRandom(6);
    for (int i = 0; i < DRAWS; i++) {
      double fraction = r.nextDouble();
      String text = Format.percent(fraction);
      // Four decimals of a percentage: within 0.00005% = 5e-7 of the fraction.
      assertThat(Fractions.percent(text, false)).as("%s printed as '%s'", fraction, text)
          .isCloseTo(fraction, within(5.00001e-7));
      double over = 1 + 9 * r.nextDouble();
      assertThat(Fractions.percent(Format.percent(over), true)).isCloseTo(over, within(5.00001e-7));
    }
  }

  @Test
  void availabilityTargetsAsPrinted() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < DRAWS; i++) {
      // Targets with up to four decimals of a percentage print exactly, and read back exactly.
      double target = (1 + r.nextInt(999_999)) / 1e6;
      String text = Format.percent(target);
      assertThat(Fractions.target(text)).as(text).isEqualTo(target);
    }
  }
}
