package dev.envelope.render;

import java.util.List;
import java.util.Map;

/**
 * CSV with one row per figure and stable columns {@code section,figure,workload,value,unit}
 * (a leading {@code scenario} column for several scenarios). Values are raw, in base units; a
 * text field that a spreadsheet would read as a formula starts with a quote mark ({@link Escape#csv}).
 */
public final class CsvRenderer {
  private CsvRenderer() {}

  public static String render(Tree tree) {
    StringBuilder sb = new StringBuilder("section,figure,workload,value,unit\n");
    for (Flat.Row row : Flat.rows(tree)) {
      line(sb, List.of(row.section(), row.figure(), row.workload(), Flat.raw(row.value()), Flat.unit(row.value())));
    }
    return sb.toString();
  }

  public static String render(Map<String, Tree> scenarios) {
    StringBuilder sb = new StringBuilder("scenario,section,figure,workload,value,unit\n");
    scenarios.forEach((name, tree) -> {
      for (Flat.Row row : Flat.rows(tree)) {
        line(sb, List.of(name, row.section(), row.figure(), row.workload(), Flat.raw(row.value()),
            Flat.unit(row.value())));
      }
    });
    return sb.toString();
  }

  /**
   * Writes one record, each field through {@link Escape#csv}: on one line, never a spreadsheet
   * formula, quoted when it holds a comma or a quote (RFC 4180). Every CSV of envelope is written
   * with it.
   */
  public static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Escape.csv(fields.get(i)));
    }
    sb.append('\n');
  }
}
