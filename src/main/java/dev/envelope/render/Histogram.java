package dev.envelope.render;

import dev.envelope.estimate.MonteCarlo;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution of one figure over the draws, as a horizontal bar chart: equal-width bins from
 * the 0.5th to the 99.5th percentile (the few draws beyond fall into the end bins, so a long tail
 * does not squash the chart), each bar as long as its share of the draws.
 */
public final class Histogram {
  private Histogram() {}

  public static final String SCHEMA = "envelope.histogram/v1";
  static final int BINS = 20;
  static final int WIDTH = 40;
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

  public static Report build(String title, List<String> header, String path, Tree.Quantity point, double[] draws,
      MonteCarlo.Settings settings, UnitSystem units) {
    double[] sorted = draws.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double low = sorted[(int) Math.floor(0.005 * (n - 1))];
    double high = sorted[(int) Math.ceil(0.995 * (n - 1))];
    boolean whole = true;
    for (double v : sorted) {
      if (v != Math.rint(v)) {
        whole = false;
        break;
      }
    }
    // Whole counts (servers, shards) get a bin per value when there are few enough values.
    boolean perValue = whole && high - low < 2 * BINS;
    int bins = perValue ? (int) (high - low) + 1 : high > low ? BINS : 1;
    double width = perValue ? 1 : (high - low) / bins;
    if (perValue) {
      low -= 0.5;
      high += 0.5;
    }
    long[] counts = new long[bins];
    for (double v : sorted) {
      int i = width > 0 ? (int) Math.floor((v - low) / width) : 0;
      counts[Math.max(0, Math.min(bins - 1, i))]++;
    }
    long most = Arrays.stream(counts).max().orElse(1);
    Kind kind = point.kind() == Kind.INTEGER ? Kind.NUMBER : point.kind();
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.put("figure", path);
    tree.put("point", point.value(), point.kind());
    tree.put("samples", n, Kind.INTEGER);
    tree.put("seed", settings.seed(), Kind.INTEGER);
    List<Tree> list = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      double from = low + i * width;
      double to = i == bins - 1 ? high : low + (i + 1) * width;
      Tree t = new Tree();
      t.put("low", from, kind);
      t.put("high", to, kind);
      t.put("count", counts[i], Kind.INTEGER);
      list.add(t);
      String label;
      if (perValue) {
        double value = from + 0.5;
        label = (i == 0 && bins > 1 ? "<= " : i == bins - 1 && bins > 1 ? ">= " : "") + Format.integer(value);
        t.put("value", value, kind);
      } else {
        label = i == bins - 1 && bins > 1 ? "> " + display(from, kind, units) : (i == 0 ? "<= " : "")
            + display(to, kind, units);
      }
      rows.add(List.of(label, Format.sig3(100.0 * counts[i] / n) + "%", bar(counts[i], most)));
    }
    tree.putList("bins", list);
    List<String> notes = List.of(
        "point (inputs at their medians): " + Display.display(point, units) + "; " + Format.integer(n)
            + " draws, seed " + settings.seed(),
        (perValue ? "one bin per value" : "bins of equal width") + " from the 0.5th to the 99.5th percentile;"
            + " the end bins hold the tails");
    Report.Block block = new Report.Block("Distribution of " + path,
        List.of(perValue ? "value" : "up to", "share", ""), rows, notes, -2);
    return new Report(title, header, List.of(block), tree);
  }

  private static String display(double value, Kind kind, UnitSystem units) {
    return Display.display(new Tree.Quantity(value, kind), units);
  }

  /** A bar of {@code count} against the fullest bin's {@code WIDTH} characters, in eighths. */
  static String bar(long count, long most) {
    long eighths = Math.round(8.0 * WIDTH * count / most);
    if (count > 0 && eighths == 0) {
      eighths = 1;
    }
    return "█".repeat((int) (eighths / 8)) + EIGHTHS[(int) (eighths % 8)];
  }
}
