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
    assertThat(conversion("1bn/month").perSecond()).isCloseTo(385.802, withinPercentage(0.001));
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

  private static Cheatsheets.Throughput throughput(String part) {
    return Cheatsheets.throughput(DATA, SRE).stream().filter(t -> t.part().equals(part)).findFirst().orElseThrow();
  }

  @Test
  void throughputHasTheRowsASizingAsksFor() {
    assertThat(Cheatsheets.throughput(DATA, SRE)).extracting(Cheatsheets.Throughput::part).containsExactly(
        "web server", "PostgreSQL reads", "PostgreSQL writes", "MySQL reads", "Redis", "Memcached", "Kafka partition",
        "Cassandra node", "object store (S3 prefix)", "1 Gbit link", "10 Gbit link", "SSD", "SSD random reads", "disk",
        "disk random reads");
  }

  @Test
  void aLinksBytesAreItsBitsOverEight() {
    // IEEE 802.3ab and 802.3ae: 10^9 and 10^10 bit/s; / 8 = 125 MB/s and 1.25 GB/s, decimal bytes.
    assertThat(throughput("1 Gbit link").value()).isCloseTo(125e6, withinPercentage(1e-9));
    assertThat(throughput("10 Gbit link").value()).isCloseTo(1.25e9, withinPercentage(1e-9));
    assertThat(throughput("1 Gbit link").measure()).isEqualTo(ReferenceData.Measure.BYTES);
  }

  @Test
  void throughputsAreThoseTheSourcesPublished() {
    // The S3 user guide: at least 5,500 GET/HEAD per second per partitioned prefix.
    assertThat(throughput("object store (S3 prefix)").value()).isEqualTo(5_500);
    // The Redis benchmarks: about 81,000 GETs per second; Facebook's memcached: 200,000 UDP requests/s.
    assertThat(throughput("Redis").value()).isEqualTo(81_000);
    assertThat(throughput("Memcached").value()).isEqualTo(200_000);
    // Netflix: 1.1 million client writes/s over 288 nodes = 3,819 a node, written 3.8K/s.
    assertThat(throughput("Cassandra node").value()).isCloseTo(1.1e6 / 288, withinPercentage(1));
    // Greg Smith's table: 13,546 read-only and 2,713 read-write sysbench transactions/s.
    assertThat(throughput("PostgreSQL reads").value()).isCloseTo(13_546, withinPercentage(1));
    assertThat(throughput("PostgreSQL writes").value()).isCloseTo(2_713, withinPercentage(1));
    // Jun Rao: 10s of MB/s on one partition, an order of magnitude.
    assertThat(throughput("Kafka partition").value()).isEqualTo(10e6);
    assertThat(throughput("Kafka partition").orderOfMagnitude()).isTrue();
    assertThat(throughput("web server").measure()).isEqualTo(ReferenceData.Measure.CONNECTIONS);
    assertThat(throughput("web server").value()).isEqualTo(10_000);
  }

  @Test
  void diskAndSsdRatesAreTheLatencySheetsTimesAsRates() {
    List<Cheatsheets.Latency> latency = Cheatsheets.latency(DATA);
    double ssdMegabyte = latency.stream().filter(l -> l.operation().equals("Read 1 MB sequentially from SSD"))
        .findFirst().orElseThrow().seconds();
    double diskMegabyte = latency.stream().filter(l -> l.operation().equals("Read 1 MB sequentially from disk"))
        .findFirst().orElseThrow().seconds();
    double seek = latency.stream().filter(l -> l.operation().equals("Disk seek")).findFirst().orElseThrow().seconds();
    double ssdRandom = latency.stream().filter(l -> l.operation().equals("Read 4K randomly from SSD")).findFirst()
        .orElseThrow().seconds();
    assertThat(throughput("SSD").value()).isCloseTo(1e6 / ssdMegabyte, withinPercentage(1e-9));
    assertThat(throughput("disk").value()).isCloseTo(1e6 / diskMegabyte, withinPercentage(1e-9));
    assertThat(throughput("disk random reads").value()).isCloseTo(1 / seek, withinPercentage(1e-9));
    // 1 / 150 us = 6,667 a second, written 6.7K/s.
    assertThat(throughput("SSD random reads").value()).isCloseTo(1 / ssdRandom, withinPercentage(1));
  }
}
