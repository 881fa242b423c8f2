package dev.envelope.render;

import dev.envelope.estimate.Sensitivity;
import dev.envelope.model.Requirements;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * A sensitivity analysis as a tornado chart: one bar per input, from the figure at the input's low
 * percentile to the figure at its high one, on a common scale, the point value marked {@code |}.
 */
public final class SensitivityReport {
  private SensitivityReport() {}

  public static final String SCHEMA = "envelope.sensitivity/v1";
  static final int WIDTH = 30;

  public static Report build(String title, List<String> header, Sensitivity.Result r, Tree.Quantity point,
      Requirements.Conventions conventions, java.util.Map<String, dev.envelope.estimate.Derivation.Unit> inputUnits) {
    Kind kind = point.kind();
    String low = UncertaintyReport.key(r.lowPercentile() * 100);
    String high = UncertaintyReport.key(r.highPercentile() * 100);
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.put("figure", r.path());
    tree.put("point", r.point(), kind);
    tree.put("low_percentile", r.lowPercentile() * 100, Kind.NUMBER);
    tree.put("high_percentile", r.highPercentile() * 100, Kind.NUMBER);
    double min = r.point();
    double max = r.point();
    for (Sensitivity.Swing s : r.swings()) {
      min = Math.min(min, Math.min(s.atLow(), s.atHigh()));
      max = Math.max(max, Math.max(s.atLow(), s.atHigh()));
    }
    double total = r.swings().stream().mapToDouble(Sensitivity.Swing::swing).sum();
    List<Tree> list = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Sensitivity.Swing s : r.swings()) {
      Kind inputKind = UncertaintyReport.inputKind(inputUnits, s.input().path());
      Tree t = new Tree();
      t.put("input", s.input().path());
      t.put("written", s.input().written());
      t.put("input_low", s.inputLow(), inputKind);
      t.put("input_high", s.inputHigh(), inputKind);
      t.put("figure_at_low", s.atLow(), kind);
      t.put("figure_at_high", s.atHigh(), kind);
      t.put("swing", s.swing(), kind == Kind.INTEGER ? Kind.NUMBER : kind);
      list.add(t);
      rows.add(List.of(s.input().path(), show(s.atLow(), kind, conventions), show(s.atHigh(), kind, conventions),
          total > 0 ? Format.sig3(100 * s.swing() / total) + "%" : "0%", bar(s.atLow(), s.atHigh(), r.point(), min, max)));
    }
    tree.putList("inputs", list);
    List<String> notes = List.of(
        r.path() + " at the inputs' medians: " + Display.display(point, conventions.units()),
        "each input alone from its " + low + " to its " + high + ", the others at their medians;"
            + " share = its swing over the sum of swings");
    Report.Block block = new Report.Block("Sensitivity of " + r.path(),
        List.of("input", "at " + low, "at " + high, "share", ""), rows, notes, -4);
    return new Report(title, header, List.of(block), tree);
  }

  private static String show(double value, Kind kind, Requirements.Conventions conventions) {
    return Display.display(new Tree.Quantity(value, kind), conventions.units());
  }

  /** A bar from {@code a} to {@code b} on a scale from {@code min} to {@code max}, the point marked. */
  static String bar(double a, double b, double point, double min, double max) {
    char[] line = new char[WIDTH];
    java.util.Arrays.fill(line, ' ');
    int from = column(Math.min(a, b), min, max);
    int to = column(Math.max(a, b), min, max);
    for (int i = from; i <= to; i++) {
      line[i] = '#';
    }
    line[column(point, min, max)] = '|';
    return new String(line).stripTrailing();
  }

  private static int column(double v, double min, double max) {
    if (!(max > min)) {
      return 0;
    }
    return (int) Math.min(WIDTH - 1, Math.max(0, Math.round((v - min) / (max - min) * (WIDTH - 1))));
  }
}
