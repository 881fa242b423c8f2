package dev.envelope.render;

import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;

/** The outcome of {@code envelope check}: one row per budget and scenario. */
public final class CheckReport {
  public static final String SCHEMA = "envelope.check/v1";

  private CheckReport() {}

  public static Report build(String file, List<Budgets.Result> results, UnitSystem units) {
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.put("file", file);
    long failed = results.stream().filter(r -> !r.passed()).count();
    tree.put("passed", failed == 0);
    List<Tree> list = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Budgets.Result r : results) {
      Tree t = new Tree();
      t.put("scenario", r.scenario());
      t.put("path", r.budget().path());
      r.budget().percentile().ifPresent(p -> t.put("percentile", p, Kind.NUMBER));
      t.put("comparison", r.budget().comparison().symbol());
      t.put("limit", r.budget().limit());
      t.put("limit_value", r.limit(), r.actual().kind());
      t.put("actual", r.actual().value(), r.actual().kind());
      t.put("margin", r.margin(), r.actual().kind());
      t.put("margin_fraction", r.marginFraction(), Kind.FRACTION);
      t.put("passed", r.passed());
      list.add(t);
      Tree.Quantity margin = new Tree.Quantity(Math.abs(r.margin()), r.actual().kind());
      String room = (r.margin() < 0 ? "-" : "") + Display.display(margin, units)
          + " (" + (r.marginFraction() < 0 ? "" : "+") + Format.sig3(r.marginFraction() * 100) + "%)";
      rows.add(List.of(r.passed() ? "pass" : "FAIL", r.scenario(), r.budget().path(),
          r.budget().written(), Display.display(r.actual(), units), room));
    }
    tree.putList("budgets", list);
    List<String> notes = new ArrayList<>();
    notes.add(results.isEmpty() ? "no budgets in the file; add budgets: {capacity.servers: \"<= 40\"}"
        : (results.size() - failed) + " of " + results.size() + " budgets hold"
            + "; margin = room left before the budget breaks (below zero it has; at zero a < or > budget has too)");
    Report.Block block = new Report.Block("Budgets",
        List.of("result", "scenario", "budget", "limit", "actual", "margin"), rows, notes, 4);
    return new Report("envelope check (" + file + ")", List.of(), List.of(block), tree);
  }
}
