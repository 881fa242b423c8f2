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
  public record Block(String title, List<String> columns, List<List<String>> rows, List<String> notes,
      int leftColumns, List<Drop> drops) {
    public Block {
      columns = List.copyOf(columns);
      List<List<String>> copied = new java.util.ArrayList<>(rows.size());
      for (List<String> row : rows) {
        copied.add(List.copyOf(row));
      }
      rows = List.copyOf(copied);
      notes = List.copyOf(notes);
      drops = List.copyOf(drops);
    }

    /** A block none of whose columns may be left out to fit a width. */
    public Block(String title, List<String> columns, List<List<String>> rows, List<String> notes, int leftColumns) {
      this(title, columns, rows, notes, leftColumns, List.of());
    }

    /** A block whose first column is a label and whose other columns are right-aligned figures. */
    public Block(String title, List<String> columns, List<List<String>> rows, List<String> notes) {
      this(title, columns, rows, notes, 1);
    }

    /**
     * The same block, with {@code columns} (secondary: another unit of figures beside, or a longer
     * period that is a multiple of a shorter one) left out first when a terminal is too narrow for it.
     * Called again, the next ones to leave out.
     */
    public Block dropping(String what, Integer... columns) {
      List<Drop> more = new java.util.ArrayList<>(drops);
      more.add(new Drop(what, List.of(columns)));
      return new Block(title, this.columns, rows, notes, leftColumns, more);
    }

    /**
     * Whether column {@code i} is text (left-aligned): a positive {@code leftColumns} n makes the
     * first n columns text; a negative -k makes the first column and columns k and after text.
     */
    public boolean leftAligned(int i) {
      return leftColumns > 0 ? i < leftColumns : i == 0 || i >= -leftColumns;
    }
  }

  /** Columns a narrow terminal may leave out, in the words a note names them by. */
  public record Drop(String what, List<Integer> columns) {
    public Drop {
      columns = List.copyOf(columns);
    }
  }
}
