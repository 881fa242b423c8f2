package dev.envelope.render;

import dev.envelope.estimate.Sla;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Format;
import java.util.ArrayList;
import java.util.List;

/** The downtime table for SLA tiers: {@code envelope sla}, and the availability section. */
public final class SlaReport {
  public static final String SCHEMA = "envelope.sla/v1";

  private SlaReport() {}

  /**
   * @param conventions the conventions tree of the file, or of the calendar alone
   * @param highlighted targets the user asked for, marked in the table among the standard tiers
   */
  public static Report build(String title, List<String> header, Tree conventions, Calendar calendar,
      List<Double> targets, List<Double> highlighted) {
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.put("conventions", conventions);
    List<Tree> tiers = new ArrayList<>();
    for (Sla.Tier tier : Sla.tiers(targets, calendar)) {
      tiers.add(tierTree(tier, false));
    }
    tree.putList("tiers", tiers);
    java.util.TreeSet<Double> shown = new java.util.TreeSet<>(targets);
    if (!highlighted.isEmpty()) {
      shown.addAll(Sla.STANDARD_TIERS);
    }
    Report.Block block = block("Allowed downtime", Sla.tiers(new ArrayList<>(shown), calendar), highlighted);
    return new Report(title, header, List.of(block), tree);
  }

  static Tree tierTree(Sla.Tier tier, boolean withPeriods) {
    Tree t = new Tree();
    t.put("target", tier.target(), Kind.FRACTION);
    t.put("nines", tier.nines(), Kind.NUMBER);
    if (withPeriods) {
      Tree periods = t.child("period_seconds");
      tier.periodSeconds().forEach((unit, s) -> periods.put(unit.key(), s, Kind.SECONDS));
    }
    Tree down = t.child("downtime_seconds");
    tier.downtimeSeconds().forEach((unit, s) -> down.put(unit.key(), s, Kind.SECONDS));
    return t;
  }

  static Report.Block block(String title, List<Sla.Tier> tiers, List<Double> highlighted) {
    return block(title, tiers, highlighted, List.of("downtime = (1 - target) x period"));
  }

  /** The tiers' block with the given notes: an estimate's come from its catalog. */
  static Report.Block block(String title, List<Sla.Tier> tiers, List<Double> highlighted, List<String> notes) {
    List<String> columns = new ArrayList<>(List.of("target", "nines"));
    for (CalendarUnit unit : Calendar.SLA_PERIODS) {
      columns.add("per " + unit.key());
    }
    List<List<String>> rows = new ArrayList<>();
    for (Sla.Tier tier : tiers) {
      List<String> row = new ArrayList<>();
      boolean mark = highlighted.contains(tier.target());
      row.add((mark ? "> " : "  ") + Format.percent(tier.target()));
      row.add(Format.fixed2(tier.nines()));
      for (CalendarUnit unit : Calendar.SLA_PERIODS) {
        row.add(Format.duration(tier.downtimeSeconds().get(unit)));
      }
      rows.add(row);
    }
    // The nines restate the target; the downtimes are what a narrow terminal keeps.
    return new Report.Block(title, columns, rows, notes).dropping("nines", 1);
  }
}
