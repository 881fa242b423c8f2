package dev.envelope.units;

/**
 * The lengths that convert rates and retention into seconds. Seconds, minutes and hours are
 * always exact; the day, week, month and year come from the file's conventions.
 */
public record TimeBase(
    double secondsPerDay, double secondsPerWeek, double secondsPerMonth, double secondsPerYear) {

  public TimeBase {
    for (double s : new double[] {secondsPerDay, secondsPerWeek, secondsPerMonth, secondsPerYear}) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("time lengths must be positive and finite: " + s);
      }
    }
  }

  /** Seconds in one {@code unit}. A quarter is a quarter of this base's year. */
  public double seconds(CalendarUnit unit) {
    return switch (unit) {
      case SECOND -> 1;
      case MINUTE -> 60;
      case HOUR -> 3600;
      case DAY -> secondsPerDay;
      case WEEK -> secondsPerWeek;
      case MONTH -> secondsPerMonth;
      case QUARTER -> secondsPerYear / 4;
      case YEAR -> secondsPerYear;
    };
  }
}
