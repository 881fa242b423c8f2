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

  /** The target a downtime per period implies: {@code 1 - downtime / period}. */
  public record Implied(double downtimeSeconds, CalendarUnit per, double periodSeconds, double target) {}

  /**
   * The target that allows {@code downtimeSeconds} per {@code per} of {@code calendar}. Check
   * {@link #impliable} first: a downtime of none, of the whole period or more, or too short to
   * move the target off 100% as a double implies no target.
   */
  public static Implied implied(double downtimeSeconds, CalendarUnit per, Calendar calendar) {
    double period = calendar.periodSeconds(per);
    return new Implied(downtimeSeconds, per, period, 1 - downtimeSeconds / period);
  }

  /** Whether {@code downtimeSeconds} per {@code per} implies a target strictly between 0 and 100%. */
  public static boolean impliable(double downtimeSeconds, CalendarUnit per, Calendar calendar) {
    double period = calendar.periodSeconds(per);
    return downtimeSeconds > 0 && downtimeSeconds < period && 1 - downtimeSeconds / period != 1;
  }

  /** The shortest downtime per {@code per} whose target is not 100% as a double: about 1.1e-16 of the period. */
  public static double shortestDowntime(CalendarUnit per, Calendar calendar) {
    return calendar.periodSeconds(per) * 0x1p-53;
  }
}
