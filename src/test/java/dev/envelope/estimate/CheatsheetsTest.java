package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.model.ReferenceData;
import dev.envelope.model.Requirements;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.UnitSystem;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheatsheetsTest {
  private static final ReferenceData DATA = ReferenceData.load();
  private static final Requirements.Conventions SRE = Requirements.Conventions.of(Calendar.SRE, UnitSystem.SI);

  private static Cheatsheets.Conversion conversion(String rate) {
    return Cheatsheets.conversions(DATA, SRE).stream().filter(c -> c.rate().equals(rate)).findFirst().orElseThrow();
  }

  @Test
  void oneRequestPerSecondIsAbout2point6MillionPerMonth() {
    // By hand: 1/s x 30 days x 86,400 s = 2,592,000 a month; 86,400 a day; x 365 = 31,536,000 a year.
    Cheatsheets.Conversion one = conversion("1/s");
    assertThat(one.perDay()).isEqualTo(86_400);
    assertThat(one.perMonth()).isEqualTo(2_592_000);
    assertThat(one.perYear()).isEqualTo(31_536_000);
    // The System Design Primer prints 2.5 million, with its 2.5 million-second month.
    assertThat(one.published()).contains("2.5 million per month");
  }

  @Test
  void fortyPerSecondIsAbout100MillionPerMonth() {
    // The Primer's "40 requests per second = 100 million requests per month"; exactly 40 x 2,592,000.
    assertThat(conversion("40/s").perMonth()).isEqualTo(103_680_000).isCloseTo(100e6, withinPercentage(4));
    assertThat(conversion("400/s").perMonth()).isEqualTo(1_036_800_000).isCloseTo(1e9, withinPercentage(4));
  }

  @Test
  void publishedPerSecondFiguresOfAlexXu() {
    // Ch. 8: 100 million / 24 / 3600 = 1160 (1157.4 unrounded); ch. 2: 300 million / 86,400 = ~3,500 (3472.2).
    assertThat(conversion("100M/day").perSecond()).isCloseTo(1157.407, withinPercentage(0.001))
        .isCloseTo(1160, withinPercentage(0.5));
    assertThat(conversion("300M/day").perSecond()).isCloseTo(3472.222, withinPercentage(0.001));
    // 1 billion a month in a 30-day month: 1e9 / 2,592,000 = 385.8/s (the Primer's 400).
    assertThat(conversion("1B/month").perSecond()).isCloseTo(385.802, withinPercentage(0.001));
  }

  @Test
  void ninesMatchTheSlaCalculatorAndTheSreTable() {
    List<Cheatsheets.Nines> nines = Cheatsheets.nines(DATA, SRE);
    assertThat(nines).extracting(n -> n.tier().target())
        .containsExactly(0.9, 0.95, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999);
    for (Cheatsheets.Nines n : nines) {
      assertThat(n.tier()).isEqualTo(Sla.tier(n.tier().target(), Calendar.SRE));
    }
    // SRE book, Table A-1: 99.99% allows 4.32 minutes a month, 99.999% 0.864 s a day (printed 0.87).
    assertThat(nines.get(6).tier().downtimeSeconds().get(CalendarUnit.MONTH)).isCloseTo(259.2, withinPercentage(1e-9));
    assertThat(nines.get(7).tier().downtimeSeconds().get(CalendarUnit.DAY)).isCloseTo(0.864, withinPercentage(1e-9));
    // 95% allows 18.25 days a year (Table A-1).
    assertThat(nines.get(1).tier().downtimeSeconds().get(CalendarUnit.YEAR) / 86_400).isCloseTo(18.25, withinPercentage(1e-9));
  }

  @Test
  void powersAreExactAndTheUnitGapGrowsBy2point4PercentAStep() {
    List<Cheatsheets.Power> powers = Cheatsheets.powers(DATA);
    Cheatsheets.Power kilo = powers.get(0);
    assertThat(kilo.exact()).isEqualTo(BigInteger.valueOf(1024));
    // 1024 / 1000 - 1 = 2.4%
    assertThat(kilo.binaryOverDecimal()).isCloseTo(0.024, withinPercentage(1e-9));
    Cheatsheets.Power peta = powers.stream().filter(p -> p.power() == 50).findFirst().orElseThrow();
    // 2^50 = 1024^5 = 1,125,899,906,842,624; 2^50 / 10^15 - 1 = 12.59%
    assertThat(peta.exact()).isEqualTo(new BigInteger("1125899906842624"));
    assertThat(peta.binaryOverDecimal()).isCloseTo(0.1259, withinPercentage(0.1));
    assertThat(peta.approximately()).isEqualTo("1 quadrillion");
    // 2^32 = 4,294,967,296 (the Primer's table); its unit is the gibibyte: 4 GiB.
    Cheatsheets.Power thirtyTwo = powers.stream().filter(p -> p.power() == 32).findFirst().orElseThrow();
    assertThat(thirtyTwo.exact()).isEqualTo(new BigInteger("4294967296"));
  }

  @Test
  void latencyIsInSeconds() {
    List<Cheatsheets.Latency> latency = Cheatsheets.latency(DATA);
    assertThat(latency.get(0).seconds()).isCloseTo(0.5e-9, withinPercentage(1e-9));
    // Disk seek, 10 ms in the gist.
    assertThat(latency.stream().filter(l -> l.operation().equals("Disk seek")).findFirst().orElseThrow().seconds())
        .isCloseTo(0.010, withinPercentage(1e-9));
  }
}
