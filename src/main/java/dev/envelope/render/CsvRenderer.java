package dev.envelope.render;

import java.util.List;
import java.util.Map;

/**
 * CSV with one row per figure and stable columns {@code section,figure,workload,value,unit}
 * (a leading {@code scenario} column for several scenarios). Values are raw, in base units.
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

  /** Writes one record, quoting fields that hold a comma, a quote or a line break (RFC 4180). */
  public static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields.get(i);
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append('\n');
  }
}
