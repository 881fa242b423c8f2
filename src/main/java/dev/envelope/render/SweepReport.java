package dev.envelope.render;

import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep laid out: one row per combination, the varied inputs as written, then the shown outputs.
 * An output a combination does not have is left out of its JSON {@code outputs}, an empty cell in
 * CSV and {@code -} in tables.
 */
public final class SweepReport {
  public static final String SCHEMA = "envelope.sweep/v1";
  static final String ABSENT = "-";

  private SweepReport() {}

  /**
   * One combination: the varied values as written, the shown outputs it has (leaves of its
   * estimate: figures or text), and the units its figures are shown in.
   */
  public record Row(List<String> inputs, Map<String, Object> outputs, UnitSystem units, Map<String, Value> values) {
    public Row {
      inputs = List.copyOf(inputs);
      outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Row(List<String> inputs, Map<String, Object> outputs, UnitSystem units) {
      this(inputs, outputs, units, Map.of());
    }
  }

  /**
   * A varied input as the estimate read it: its number in the unit JSON names ({@code B},
   * {@code s}, {@code fraction}, {@code count}, {@code /day} for a rate per user a day).
   */
  public record Value(double value, String unit) {}

  /** The leaves of {@code tree} at {@code paths}, skipping paths that hold none. */
  public static Map<String, Object> pick(Tree tree, List<String> paths) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String path : paths) {
      Object value = tree.at(path);
      if (value instanceof Tree.Quantity || value instanceof String || value instanceof Boolean) {
        out.put(path, value);
      }
    }
    return out;
  }

  public static Report build(String title, List<String> header, List<String> vary, List<String> show, List<Row> rows) {
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.putList("vary", vary);
    tree.putList("show", show);
    List<Tree> items = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows) {
      Tree item = new Tree();
      Tree inputs = item.child("inputs");
      for (int i = 0; i < vary.size(); i++) {
        inputs.put(vary.get(i), row.inputs().get(i));
      }
      if (!row.values().isEmpty()) {
        // Beside the text as written: the number the estimate used, for scripts; an input that no
        // figure uses has none.
        Tree values = item.child("input_values");
        row.values().forEach((path, v) -> values.child(path).put("value", v.value(), Tree.Quantity.Kind.NUMBER)
            .put("unit", v.unit()));
      }
      Tree outputs = item.child("outputs");
      row.outputs().forEach((path, value) -> putLeaf(outputs, path, value));
      items.add(item);
      List<String> line = new ArrayList<>(row.inputs());
      for (String path : show) {
        line.add(row.outputs().containsKey(path) ? Display.display(row.outputs().get(path), row.units()) : ABSENT);
      }
      cells.add(line);
    }
    tree.putList("rows", items);
    List<String> columns = new ArrayList<>(vary);
    columns.addAll(show);
    String count = rows.size() == 1 ? "1 combination" : Format.integer(rows.size()) + " combinations";
    boolean absent = rows.stream().anyMatch(r -> !r.outputs().keySet().containsAll(show));
    Report.Block block = new Report.Block("Sweep", columns, cells,
        List.of(count + (absent ? "; " + ABSENT + " marks an output that combination does not have" : "")));
    return new Report(title, header, List.of(block), tree);
  }

  /** CSV: a header of the varied paths then the shown paths; values as written, outputs raw. */
  public static String csv(List<String> vary, List<String> show, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(vary);
    header.addAll(show);
    CsvRenderer.line(sb, header);
    for (Row row : rows) {
      List<String> fields = new ArrayList<>(row.inputs());
      for (String path : show) {
        fields.add(row.outputs().containsKey(path) ? Flat.raw(row.outputs().get(path)) : "");
      }
      CsvRenderer.line(sb, fields);
    }
    return sb.toString();
  }

  /**
   * {@code --get PATH}: a line per combination, the varied values then the raw value, separated by
   * tabs; an empty last field where the combination has no such figure.
   */
  public static String lines(String path, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    for (Row row : rows) {
      List<String> fields = new ArrayList<>(row.inputs());
      fields.add(row.outputs().containsKey(path) ? Flat.raw(row.outputs().get(path)) : "");
      sb.append(Escape.tabSeparated(fields)).append('\n');
    }
    return sb.toString();
  }

  private static void putLeaf(Tree tree, String key, Object value) {
    if (value instanceof Tree.Quantity f) {
      tree.put(key, f.value(), f.kind());
    } else if (value instanceof Boolean b) {
      tree.put(key, b);
    } else {
      tree.put(key, String.valueOf(value));
    }
  }
}
