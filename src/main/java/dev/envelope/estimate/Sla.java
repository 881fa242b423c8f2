package dev.envelope.estimate;

import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Fractions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Allowed downtime per SLA period: {@code (1 - target) x period}, with the periods of the given
 * calendar (Google SRE book, Appendix A, Table A-1, for the {@code sre} calendar).
 */
public final class Sla {
  private Sla() {}

  /** The standard tiers that tables show: 99% to 99.999%. */
  public static final List<Double> STANDARD_TIERS = List.of(0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999);

  /** One availability target with its nines, period lengths and allowed downtime per period. */
  public record Tier(double target, double nines, Map<CalendarUnit, Double> periodSeconds,
      Map<CalendarUnit, Double> downtimeSeconds) {}

  public static Tier tier(double target, Calendar calendar) {
    double miss = Fractions.miss(target);
    Map<CalendarUnit, Double> periods = new LinkedHashMap<>();
    Map<CalendarUnit, Double> downtime = new LinkedHashMap<>();
    for (CalendarUnit unit : Calendar.SLA_PERIODS) {
      double seconds = calendar.periodSeconds(unit);
      periods.put(unit, seconds);
      downtime.put(unit, miss * seconds);
    }
    return new Tier(target, Fractions.nines(target), periods, downtime);
  }

  public static List<Tier> tiers(List<Double> targets, Calendar calendar) {
    List<Tier> out = new ArrayList<>();
    for (double t : targets) {
      out.add(tier(t, calendar));
    }
    return out;
  }
}
