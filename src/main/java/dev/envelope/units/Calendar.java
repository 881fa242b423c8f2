package dev.envelope.units;

import java.util.Locale;

/**
 * The lengths of the SLA periods. {@code sre} is the Google SRE book's (Appendix A: 30-day month,
 * 90-day quarter, 365-day year); {@code gregorian} and {@code julian} use the average year
 * (365.2425 and 365.25 days) with month = year / 12 and quarter = year / 4.
 */
public record Calendar(String name, double yearDays, double quarterDays, double monthDays) {
  public static final double SECONDS_PER_DAY = 86_400;
  public static final Calendar SRE = new Calendar("sre", 365, 90, 30);
  public static final Calendar GREGORIAN = new Calendar("gregorian", 365.2425, 365.2425 / 4, 365.2425 / 12);
  public static final Calendar JULIAN = new Calendar("julian", 365.25, 365.25 / 4, 365.25 / 12);
  public static final String EXPECTED = "sre, gregorian, julian, or custom days {year: 365, month: 30}";

  public Calendar {
    for (double d : new double[] {yearDays, quarterDays, monthDays}) {
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new QuantityException("calendar lengths must be positive", EXPECTED);
      }
    }
  }

  public static Calendar named(String text) {
    return switch (Numbers.spaces(text).toLowerCase(Locale.ROOT)) {
      case "sre" -> SRE;
      case "gregorian" -> GREGORIAN;
      case "julian" -> JULIAN;
      default -> throw new QuantityException("unknown calendar", EXPECTED);
    };
  }

  /** A custom calendar: {@code month} defaults to year/12 and {@code quarter} to year/4. */
  public static Calendar custom(double yearDays, Double quarterDays, Double monthDays) {
    return new Calendar(
        "custom",
        yearDays,
        quarterDays != null ? quarterDays : yearDays / 4,
        monthDays != null ? monthDays : yearDays / 12);
  }

  /** Seconds in one SLA period of this calendar. The day is always 86,400 s. */
  public double periodSeconds(CalendarUnit unit) {
    return switch (unit) {
      case SECOND -> 1;
      case MINUTE -> 60;
      case HOUR -> 3600;
      case DAY -> SECONDS_PER_DAY;
      case WEEK -> 7 * SECONDS_PER_DAY;
      case MONTH -> monthDays * SECONDS_PER_DAY;
      case QUARTER -> quarterDays * SECONDS_PER_DAY;
      case YEAR -> yearDays * SECONDS_PER_DAY;
    };
  }

  /** The SLA periods, shortest first: hour, day, week, month, quarter, year. */
  public static final CalendarUnit[] SLA_PERIODS = {
    CalendarUnit.HOUR, CalendarUnit.DAY, CalendarUnit.WEEK,
    CalendarUnit.MONTH, CalendarUnit.QUARTER, CalendarUnit.YEAR
  };
}
