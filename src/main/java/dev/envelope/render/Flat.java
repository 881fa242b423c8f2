package dev.envelope.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Tree} as rows, one per leaf: the shape of CSV, side-by-side scenarios, sweeps and diffs.
 * Items of a list of trees (SLA tiers, budgets) are numbered from 0 in the path
 * ({@code tiers.0.target}); the assumptions and warnings are left out: they are about the inputs,
 * not figures.
 */
public final class Flat {
  private Flat() {}

  /** One leaf: its dotted path and its value, a {@link Tree.Quantity} or a String. */
  public record Row(String path, Object value) {
    /** CSV's section column: the first part of the path. */
    public String section() {
      return parts()[0];
    }

    /** CSV's workload column: the workload's name for paths under workloads, else empty. */
    public String workload() {
      String[] p = parts();
      return p[0].equals("workloads") && p.length > 2 ? p[1] : "";
    }

    /** CSV's figure column: the rest of the path after the section (and workload). */
    public String figure() {
      String[] p = parts();
      int skip = workload().isEmpty() ? 1 : 2;
      return String.join(".", java.util.Arrays.copyOfRange(p, Math.min(skip, p.length), p.length));
    }

    private String[] parts() {
      return path.split("\\.");
    }
  }

  public static List<Row> rows(Tree tree) {
    List<Row> rows = new ArrayList<>();
    collect("", tree, rows);
    return rows;
  }

  private static void collect(String prefix, Tree tree, List<Row> rows) {
    for (Map.Entry<String, Object> e : tree.children().entrySet()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      Object v = e.getValue();
      if (v instanceof Tree t) {
        collect(path, t, rows);
      } else if (v instanceof Tree.Quantity || v instanceof String || v instanceof Boolean) {
        rows.add(new Row(path, v));
      } else if (v instanceof List<?> list && !path.equals("assumptions") && !path.equals("warnings")) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof Tree t) {
            collect(path + "." + i, t, rows);
          }
        }
      }
    }
  }

  /** The unit column of a figure: {@code /s}, {@code B}, {@code B/s}, {@code s}, {@code count}... */
  public static String unit(Object value) {
    if (!(value instanceof Tree.Quantity f)) {
      return "";
    }
    return switch (f.kind()) {
      case COUNT, INTEGER -> "count";
      case RATE -> "/s";
      case BYTES -> "B";
      case BYTES_PER_SECOND -> "B/s";
      case SECONDS -> "s";
      case FRACTION -> "fraction";
      case NUMBER -> "";
      case MONEY -> "money";
    };
  }

  /** A leaf as raw text: numbers as in JSON, strings as they are. */
  public static String raw(Object value) {
    return value instanceof Tree.Quantity f ? JsonRenderer.number(f.value()) : String.valueOf(value);
  }
}
