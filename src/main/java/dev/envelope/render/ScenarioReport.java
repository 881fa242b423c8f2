package dev.envelope.render;

import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several scenarios side by side: in tables a column each, figure by figure; in JSON a map from
 * scenario name to its estimate.
 */
public final class ScenarioReport {
  public static final String SCHEMA = "envelope.scenarios/v1";

  private ScenarioReport() {}

  public static Report build(String title, List<String> header, Map<String, Report> scenarios, UnitSystem units) {
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    Tree all = tree.child("scenarios");
    Map<String, Map<String, Object>> byPath = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(scenarios.keySet());
    scenarios.forEach((name, report) -> {
      all.put(name, report.tree());
      for (Flat.Row row : Flat.rows(report.tree())) {
        if (!row.path().startsWith("schema") && !row.path().startsWith("name")) {
          byPath.computeIfAbsent(row.path(), p -> new LinkedHashMap<>()).put(name, row.value());
        }
      }
    });
    Map<String, List<List<String>>> sections = new LinkedHashMap<>();
    byPath.forEach((path, values) -> {
      // Conventions are shown only where a scenario changes them.
      if (path.startsWith("conventions.") && values.size() == names.size()
          && values.values().stream().map(Flat::raw).distinct().count() == 1) {
        return;
      }
      Flat.Row row = new Flat.Row(path, null);
      String label = row.workload().isEmpty() ? row.figure() : row.workload() + " " + row.figure();
      List<String> cells = new ArrayList<>();
      cells.add(label);
      for (String name : names) {
        cells.add(values.containsKey(name) ? Display.display(values.get(name), units) : "-");
      }
      sections.computeIfAbsent(row.section(), s -> new ArrayList<>()).add(cells);
    });
    List<String> columns = new ArrayList<>();
    columns.add("");
    columns.addAll(names);
    List<Report.Block> blocks = new ArrayList<>();
    sections.forEach((section, rows) -> blocks.add(new Report.Block(capitalise(section), columns, rows, List.of())));
    return new Report(title, header, blocks, tree);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
