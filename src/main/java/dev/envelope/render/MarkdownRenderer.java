package dev.envelope.render;

import java.util.ArrayList;
import java.util.List;

/** A report ready to paste into a design doc: a heading, then each block as a pipe table. */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(escape(report.title())).append("\n");
    if (!report.header().isEmpty()) {
      sb.append('\n');
    }
    for (String line : report.header()) {
      sb.append(escape(line)).append("  \n");
    }
    for (Report.Block block : report.blocks()) {
      sb.append("\n## ").append(escape(block.title().strip())).append("\n\n");
      int width = block.columns().size();
      for (List<String> row : block.rows()) {
        width = Math.max(width, row.size());
      }
      if (width > 0 && !block.rows().isEmpty()) {
        List<String> header = new ArrayList<>(block.columns());
        while (header.size() < width) {
          header.add("");
        }
        row(sb, header);
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < width; i++) {
          rule.add(block.leftAligned(i) ? "---" : "---:");
        }
        sb.append("| ").append(String.join(" | ", rule)).append(" |\n");
        for (List<String> r : block.rows()) {
          List<String> cells = new ArrayList<>(r);
          while (cells.size() < width) {
            cells.add("");
          }
          row(sb, cells);
        }
        sb.append('\n');
      }
      for (String note : block.notes()) {
        sb.append("- ").append(escape(note.strip())).append('\n');
      }
    }
    return sb.toString().replace("\n\n\n", "\n\n").stripTrailing() + "\n";
  }

  private static void row(StringBuilder sb, List<String> cells) {
    List<String> escaped = cells.stream().map(c -> escape(c.strip())).toList();
    sb.append("| ").append(String.join(" | ", escaped)).append(" |\n");
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
  }
}
