package dev.envelope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Terminal tables: a header, then each block as an aligned table under its title. Colour (bold
 * titles, dim notes) only when asked, which the command decides from the terminal and NO_COLOR.
 * Every piece of text is one line through {@link Escape#table} (names from the file may hold control
 * characters), escaped before the columns are measured and before the colour's own escapes go in.
 */
public final class TableRenderer {
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";
  /** A failed check's FAIL, in red and bold. */
  private static final String FAIL = "\u001b[1;31m";

  private TableRenderer() {}

  public static String render(Report report, boolean colour) {
    StringBuilder sb = new StringBuilder();
    sb.append(style(Escape.table(report.title()), BOLD, colour)).append('\n');
    for (String line : report.header()) {
      sb.append(style(Escape.table(line), DIM, colour)).append('\n');
    }
    for (Report.Block block : report.blocks()) {
      sb.append('\n');
      sb.append(style(Escape.table(block.title()), BOLD, colour)).append('\n');
      for (String line : table(block, colour)) {
        sb.append("  ").append(line.stripTrailing()).append('\n');
      }
      for (String note : block.notes()) {
        sb.append(style("  " + Escape.table(note), DIM, colour)).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<String> table(Report.Block block, boolean colour) {
    List<List<String>> all = new ArrayList<>();
    if (!block.columns().isEmpty()) {
      all.add(block.columns().stream().map(Escape::table).toList());
    }
    for (List<String> row : block.rows()) {
      all.add(row.stream().map(Escape::table).toList());
    }
    int columns = 0;
    for (List<String> row : all) {
      columns = Math.max(columns, row.size());
    }
    int[] width = new int[columns];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        if (i > 0) {
          line.append("   ");
        }
        String pad = " ".repeat(width[i] - cell.length());
        String shown = colour && cell.equals("FAIL") ? FAIL + cell + RESET : cell;
        line.append(block.leftAligned(i) ? shown + pad : pad + shown);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static String style(String text, String code, boolean colour) {
    return colour ? code + text + RESET : text;
  }
}
