package dev.envelope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A report ready to paste into a design doc: a heading, the sized sketch as a Mermaid block (which
 * GitHub and GitLab draw) when the report has one, then each block as a pipe table. All text
 * goes through {@link Escape#markdown}, and the header row and text columns of a table through
 * {@link Escape#markdownCell}, so a name from the file cannot add HTML, a link or a table column.
 */
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
    report.sketch().ifPresent(sketch -> sb.append("\n## Sketch\n\n```mermaid\n").append(SketchRenderer.mermaid(sketch))
        .append("```\n"));
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
        row(sb, header, i -> true);
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
          row(sb, cells, block::leftAligned);
        }
        sb.append('\n');
      }
      for (String note : block.notes()) {
        sb.append("- ").append(escape(note.strip())).append('\n');
      }
    }
    return sb.toString().replace("\n\n\n", "\n\n").stripTrailing() + "\n";
  }

  /** One table row; {@code text} says which columns hold text (the others are figures envelope wrote). */
  private static void row(StringBuilder sb, List<String> cells, java.util.function.IntPredicate text) {
    List<String> escaped = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i).strip();
      escaped.add(text.test(i) ? Escape.markdownCell(c) : Escape.markdown(c));
    }
    sb.append("| ").append(String.join(" | ", escaped)).append(" |\n");
  }

  private static String escape(String s) {
    return Escape.markdown(s);
  }
}
