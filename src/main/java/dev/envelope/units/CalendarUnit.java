package dev.envelope.units;

import java.util.Locale;

/** The time units that rates, retention and SLA periods are written in. */
public enum CalendarUnit {
  SECOND("s", "s", "sec", "secs", "second", "seconds"),
  MINUTE("min", "min", "mins", "minute", "minutes"),
  HOUR("h", "h", "hr", "hrs", "hour", "hours"),
  DAY("day", "d", "day", "days"),
  WEEK("week", "w", "wk", "week", "weeks"),
  MONTH("month", "mo", "month", "months"),
  QUARTER("quarter", "q", "quarter", "quarters"),
  YEAR("year", "y", "yr", "yrs", "year", "years");

  private final String symbol;
  private final String[] aliases;

  CalendarUnit(String symbol, String... aliases) {
    this.symbol = symbol;
    this.aliases = aliases;
  }

  /** The short name used in output: {@code 2/day}, {@code 5 year}. */
  public String symbol() {
    return symbol;
  }

  /** Every spelling of this unit that the parsers accept, lower-case (any case is accepted). */
  public java.util.List<String> aliases() {
    return java.util.List.of(aliases);
  }

  /** Whether this unit may follow a rate's slash or a duration's number (quarters may not). */
  public boolean isRateUnit() {
    return this != QUARTER;
  }

  /** The lower-case JSON key of this unit's period: {@code hour}, {@code day}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit named by {@code text} (any alias, case-insensitive), or null. */
  static CalendarUnit lookup(String text, boolean allowQuarter) {
    String t = Numbers.spaces(text).toLowerCase(Locale.ROOT);
    for (CalendarUnit unit : values()) {
      if (unit == QUARTER && !allowQuarter) {
        continue;
      }
      for (String alias : unit.aliases) {
        if (alias.equals(t)) {
          return unit;
        }
      }
    }
    return null;
  }

  static final String RATE_UNITS = "/s, /min, /h, /day, /week, /month or /year";
  static final String SPAN_UNITS = "s, min, h, d, w, mo or y (e.g. 5y), or ISO-8601 (P5Y)";
}
