package dev.envelope.render;

import dev.envelope.model.Requirements;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Calendar;
import dev.envelope.units.Format;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.util.List;

/** The conventions block every report starts with, in JSON and in the table header. */
public final class ConventionsBlock {
  private ConventionsBlock() {}

  public static Tree tree(Requirements.Conventions c) {
    Tree t = new Tree();
    t.put("calendar", c.calendar().name());
    t.put("units", c.units().key());
    TimeBase time = c.time();
    t.put("seconds_per_day", time.secondsPerDay(), Kind.SECONDS);
    t.put("seconds_per_week", time.secondsPerWeek(), Kind.SECONDS);
    t.put("seconds_per_month", time.secondsPerMonth(), Kind.SECONDS);
    t.put("seconds_per_year", time.secondsPerYear(), Kind.SECONDS);
    Tree days = t.child("calendar_days");
    days.put("month", c.calendar().monthDays(), Kind.NUMBER);
    days.put("quarter", c.calendar().quarterDays(), Kind.NUMBER);
    days.put("year", c.calendar().yearDays(), Kind.NUMBER);
    return t;
  }

  public static List<String> header(Requirements.Conventions c) {
    TimeBase time = c.time();
    return List.of(
        "conventions: " + calendar(c.calendar()) + "; "
            + (c.units() == UnitSystem.SI ? "si units (1 KB = 1,000 B)" : "iec units (1 KB = 1,024 B)"),
        "rates and retention: day " + Format.integer(time.secondsPerDay()) + " s, month "
            + Format.integer(time.secondsPerMonth()) + " s, year " + Format.integer(time.secondsPerYear()) + " s");
  }

  public static String calendar(Calendar cal) {
    return "calendar " + cal.name() + " (month " + Format.plain(round(cal.monthDays())) + " d, quarter "
        + Format.plain(round(cal.quarterDays())) + " d, year " + Format.plain(cal.yearDays()) + " d)";
  }

  private static double round(double days) {
    return Math.round(days * 10000) / 10000.0;
  }
}
