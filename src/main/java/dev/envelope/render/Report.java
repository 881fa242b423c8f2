package dev.envelope.render;

import java.util.List;
import java.util.Optional;

/**
 * What every renderer gets: the figure tree (JSON, YAML, CSV), the same figures laid out for
 * people as titled tables of already-formatted cells (terminal tables, Markdown), and, for an
 * estimate, its sized sketch (Mermaid, DOT, and a block of the Markdown).
 */
public record Report(String title, List<String> header, List<Block> blocks, Tree tree, Optional<Sketch> sketch) {
  public Report {
    header = List.copyOf(header);
    blocks = List.copyOf(blocks);
  }

  /** A report without a sketch. */
  public Report(String title, List<String> header, List<Block> blocks, Tree tree) {
    this(title, header, blocks, tree, Optional.empty());
  }

  /** The same report with {@code sketch}. */
  public Report withSketch(Sketch sketch) {
    return new Report(title, header, blocks, tree, Optional.of(sketch));
  }

  /**
   * One titled table. {@code columns} heads the cells; the first column is a label and is
   * left-aligned, the others are right-aligned figures, as {@link #leftAligned} says. {@code notes}
   * are lines printed under it.
   */
  public record Block(
      String title, List<String> columns, List<List<String>> rows, List<String> notes, int leftColumns) {
    public Block {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      notes = List.copyOf(notes);
    }

    /** A block whose first column is a label and whose other columns are right-aligned figures. */
    public Block(String title, List<String> columns, List<List<String>> rows, List<String> notes) {
      this(title, columns, rows, notes, 1);
    }

    /**
     * Whether column {@code i} is text (left-aligned): a positive {@code leftColumns} n makes the
     * first n columns text; a negative -k makes the first column and columns k and after text.
     */
    public boolean leftAligned(int i) {
      return leftColumns > 0 ? i < leftColumns : i == 0 || i >= -leftColumns;
    }
  }
}
