package dev.envelope.estimate;

import dev.envelope.model.ReferenceData;
import dev.envelope.model.Requirements;
import dev.envelope.units.TimeBase;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The derived columns of the reference sheets, from the numbers of {@link ReferenceData}:
 *
 * <ul>
 *   <li>latency: seconds = nanoseconds x 10^-9;
 *   <li>powers: 2^n exactly; the gap between a binary and a decimal unit at the scale of 2^n is
 *       2^(10k) / 1000^k - 1 with k = floor(n / 10) (IEC 80000-13: KiB = 2^10 B, KB = 10^3 B);
 *   <li>nines: allowed downtime = (1 - target) x period, by {@link Sla}, the calculator of
 *       {@code envelope sla}, so both print the same numbers;
 *   <li>conversions: per second = amount / seconds in the rate's unit, then x seconds per day,
 *       month and year, all from the conventions' time base (by default the SRE book's calendar:
 *       86,400 s day, 30-day month, 365-day year);
 *   <li>throughput: requests or bytes a second (decimal bytes: a link's 1 Gbit/s is 125 MB/s), or
 *       connections, from the value as its source wrote it.
 * </ul>
 */
public final class Cheatsheets {
  private Cheatsheets() {}

  private static final double NANOSECOND = 1e-9;

  public record Latency(String operation, double seconds, Optional<String> note, String source) {}

  /**
   * {@code 2^power}: exactly, as a double, about as the source says, and the relative gap between
   * the binary and the decimal unit at its scale (0.024 for KiB against KB).
   */
  public record Power(int power, BigInteger exact, double value, String approximately, double binaryOverDecimal,
      String source) {}

  public record Nines(Sla.Tier tier, String source) {}

  public record Conversion(String rate, double perSecond, double perDay, double perMonth, double perYear,
      Optional<String> published, String source) {}

  /**
   * What one node of a part sustains, in base units: {@code perSecond} requests or bytes a second,
   * or connections held at once, as {@code measure} says.
   */
  public record Throughput(String part, ReferenceData.Measure measure, double value, boolean orderOfMagnitude,
      String basis, String source) {}

  public static List<Throughput> throughput(ReferenceData data, Requirements.Conventions conventions) {
    TimeBase time = conventions.time();
    return data.throughput().rows().stream().map(r -> new Throughput(r.part(), r.measure(), switch (r.measure()) {
      case REQUESTS -> dev.envelope.units.Rate.parse(r.value(), null).perSecond(time);
      case BYTES -> dev.envelope.units.ByteRates.perSecond(r.value(), dev.envelope.units.UnitSystem.SI, time);
      case CONNECTIONS -> dev.envelope.units.Counts.parse(r.value());
    }, r.orderOfMagnitude(), r.basis(), r.source())).toList();
  }

  public static List<Latency> latency(ReferenceData data) {
    return data.latency().rows().stream()
        .map(r -> new Latency(r.operation(), r.nanoseconds() * NANOSECOND, r.note(), r.source()))
        .toList();
  }

  public static List<Power> powers(ReferenceData data) {
    return data.powers().rows().stream().map(r -> {
      BigInteger exact = BigInteger.TWO.pow(r.power());
      int k = r.power() / 10;
      double gap = Math.pow(2, 10.0 * k) / Math.pow(1000, k) - 1;
      return new Power(r.power(), exact, exact.doubleValue(), r.approximately(), gap, r.source());
    }).toList();
  }

  public static List<Nines> nines(ReferenceData data, Requirements.Conventions conventions) {
    return data.nines().rows().stream()
        .map(r -> new Nines(Sla.tier(r.target(), conventions.calendar()), r.source()))
        .toList();
  }

  public static List<Conversion> conversions(ReferenceData data, Requirements.Conventions conventions) {
    TimeBase time = conventions.time();
    return data.conversions().rows().stream().map(r -> {
      double perSecond = r.rate().perSecond(time);
      return new Conversion(r.text(), perSecond, perSecond * time.secondsPerDay(),
          perSecond * time.secondsPerMonth(), perSecond * time.secondsPerYear(), r.published(), r.source());
    }).toList();
  }
}
