package dev.envelope.render;

import dev.envelope.estimate.MonteCarlo;
import dev.envelope.model.Requirements;
import dev.envelope.model.Uncertain;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds a Monte Carlo's outcome to an estimate report. Every existing figure stays the point value
 * (at the inputs' medians); the tree gains {@code monte_carlo} (the settings and the inputs written
 * as ranges) and {@code uncertainty} (for each figure that varies, by its path: the mean and each
 * percentile), and the tables gain one block with a column per percentile.
 */
public final class UncertaintyReport {
  private UncertaintyReport() {}

  /**
   * The report with the Monte Carlo's outcome. {@code full}: the tree gets every varying figure;
   * otherwise only those the tables show (a table leaves per-workload figures to JSON).
   */
  /**
   * Whether the report shows the percentiles of the figure at {@code path}: every figure's with
   * {@code full}, else all but the per-workload figures' (which only JSON's full tree holds).
   */
  public static boolean shows(String path, boolean full) {
    return full || !path.startsWith("workloads.");
  }

  /** {@link #shows} as the Monte Carlo takes it: the figures whose percentiles to work out. */
  public static java.util.function.Predicate<String> shown(boolean full) {
    return full ? MonteCarlo.EVERY_FIGURE : TABLES;
  }

  private static final java.util.function.Predicate<String> TABLES = new java.util.function.Predicate<>() {
    @Override
    public boolean test(String path) {
      return shows(path, false);
    }
  };

  public static Report with(Report report, MonteCarlo.Result mc, Requirements.Conventions conventions,
      java.util.Map<String, dev.envelope.estimate.Derivation.Unit> inputUnits, boolean full) {
    UnitSystem units = conventions.units();
    double day = conventions.time().secondsPerDay();
    Tree tree = report.tree();
    MonteCarlo.Settings s = mc.settings();
    List<String> keys = new ArrayList<>();
    for (double p : s.percentiles()) {
      keys.add(key(p));
    }

    Tree meta = tree.child("monte_carlo");
    meta.put("samples", s.samples(), Kind.INTEGER);
    meta.put("seed", s.seed(), Kind.INTEGER);
    List<Tree.Quantity> percentiles = new ArrayList<>();
    for (double p : s.percentiles()) {
      percentiles.add(new Tree.Quantity(p, Kind.NUMBER));
    }
    meta.putList("percentiles", percentiles);
    Tree inputs = meta.child("inputs");
    List<List<String>> inputRows = new ArrayList<>();
    for (Uncertain u : mc.inputs()) {
      Kind kind = inputKind(inputUnits, u.path());
      double low = MonteCarlo.quantile(u, 0.05);
      double high = MonteCarlo.quantile(u, 0.95);
      Tree t = inputs.child(u.path());
      t.put("written", u.written());
      t.put("distribution", u.shape().key());
      t.put("p5", low, kind);
      t.put("median", u.median(), kind);
      t.put("p95", high, kind);
      java.util.Optional<Requirements.Correlation> pair = mc.correlation(u.path());
      if (pair.isPresent()) {
        t.child("correlated_with").put("input", pair.get().other(u.path())).put("rank", pair.get().rank(), Kind.NUMBER);
      }
      inputRows.add(List.of(u.path(), u.written(), input(u.path(), low, kind, units, day),
          input(u.path(), u.median(), kind, units, day), input(u.path(), high, kind, units, day)));
    }

    Tree out = tree.child("uncertainty");
    List<List<String>> rows = new ArrayList<>();
    int perWorkload = 0;
    java.util.Set<String> varying = new java.util.HashSet<>(mc.varying());
    for (Flat.Row flat : Flat.rows(tree)) {
      String path = flat.path();
      if (!varying.contains(path) || !(flat.value() instanceof Tree.Quantity point)) {
        continue; // a figure no range reaches, or text
      }
      boolean workload = path.startsWith("workloads.");
      if (workload) {
        perWorkload++;
      }
      if (!shows(path, full)) {
        continue;
      }
      Map.Entry<String, MonteCarlo.Summary> e = Map.entry(path, mc.summary(path));
      Kind kind = point.kind() == Kind.INTEGER ? Kind.COUNT : point.kind();
      Tree t = out.child(e.getKey());
      t.put("mean", e.getValue().mean(), kind);
      List<String> row = new ArrayList<>();
      row.add(e.getKey());
      for (int i = 0; i < keys.size(); i++) {
        double v = e.getValue().percentile(i);
        t.put(keys.get(i), v, point.kind());
        row.add(Display.display(new Tree.Quantity(v, point.kind()), units));
      }
      row.add(show(e.getValue().mean(), point.kind() == Kind.INTEGER ? Kind.NUMBER : kind, units));
      if (!workload) {
        rows.add(row);
      }
    }

    List<Report.Block> blocks = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    notes.add(Format.integer(s.samples()) + " draws, seed " + s.seed() + "; ranges are 90% intervals read as"
        + " lognormals unless written otherwise");
    for (Requirements.Correlation c : mc.correlations()) {
      notes.add(c.first() + " and " + c.second() + " move together: rank correlation " + Format.plain(c.rank())
          + " (each drawn as alone, then paired by rank)");
    }
    Report.Block ranges = new Report.Block("Ranges", List.of("input", "as written", "p5", "median", "p95"),
        inputRows, notes, 2);
    List<String> columns = new ArrayList<>();
    columns.add("figure");
    columns.addAll(keys);
    columns.add("mean");
    List<String> figureNotes = new ArrayList<>();
    figureNotes.add("figures above are at the inputs' medians; pN is the draw N% of draws are at or below");
    if (perWorkload > 0) {
      figureNotes.add("percentiles of the " + perWorkload + " per-workload figures: -o json (under uncertainty)");
    }
    Report.Block figures = new Report.Block("Uncertainty", columns, rows, figureNotes);
    boolean placed = false;
    for (Report.Block b : report.blocks()) {
      if (!placed && b.title().equals("Assumptions")) {
        blocks.add(ranges);
        blocks.add(figures);
        placed = true;
      }
      blocks.add(b);
    }
    if (!placed) {
      blocks.add(ranges);
      blocks.add(figures);
    }
    return new Report(report.title(), report.header(), blocks, tree);
  }

  /** The key of a percentile: {@code p5}, {@code p50}, {@code p99.9}. */
  public static String key(double percentile) {
    return "p" + Format.plain(percentile);
  }

  /** A value in its figure's unit; a mean of whole counts keeps three figures (94.9, 1,830). */
  static String show(double value, Kind kind, UnitSystem units) {
    if (kind == Kind.INTEGER || kind == Kind.NUMBER) {
      return Math.abs(value) >= 1000 ? Format.integer(Format.rounded(value))
          : Format.sig3(value);
    }
    return Display.display(new Tree.Quantity(value, kind), units);
  }

  /** An input as people write it: a per-user rate per day, others in their figure's unit. */
  private static String input(String path, double value, Kind kind, UnitSystem units, double day) {
    return path.endsWith("_per_user") ? Format.sig3(value * day) + "/day" : show(value, kind, units);
  }

  /** What kind of quantity an input is, by its key. */
  /** How the values of the input at {@code path} are shown: in their unit's kind, by the estimate. */
  static Kind inputKind(java.util.Map<String, dev.envelope.estimate.Derivation.Unit> units, String path) {
    var unit = units.get(dev.envelope.estimate.Lanes.inputKey(path));
    return unit == null ? Kind.NUMBER : FigureTree.kind(unit);
  }
}
