package dev.envelope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Terminal tables: a header, then each block as an aligned table under its title. Colour (bold
 * titles, dim notes) only when asked, which the command decides from the terminal and NO_COLOR.
 * Every piece of text is one line through {@link Escape#table} (names from the file may hold control
 * characters), escaped before the columns are measured and before the colour's own escapes go in.
 *
 * <p>Given a width (the terminal's), every line fits it: titles, header lines and notes wrap at word
 * boundaries; a table too wide first leaves out the columns its block names as secondary (saying so
 * under it), then wraps a last column of text within the room the others leave, then stacks its
 * other columns in bands under one another, each band led by the first column again. Without a
 * width (piped or redirected output), the one layout, whatever the terminal.
 */
public final class TableRenderer {
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";
  /** A failed check's FAIL, in red and bold. */
  private static final String FAIL = "\u001b[1;31m";
  private static final String INDENT = "  ";
  private static final String GAP = "   ";
  /** The narrowest a wrapped column of text is made: narrower, the table is stacked instead. */
  private static final int MIN_TEXT = Fit.MIN_WIDTH;

  private TableRenderer() {}

  public static String render(Report report, boolean colour) {
    return render(report, colour, 0);
  }

  /** {@code report} fitted to {@code width} display columns; 0 for none (the one layout). */
  public static String render(Report report, boolean colour, int width) {
    boolean fit = width >= Fit.MIN_WIDTH;
    int room = fit ? width : Integer.MAX_VALUE;
    StringBuilder sb = new StringBuilder();
    lines(sb, Escape.table(report.title()), room, "", INDENT, BOLD, colour);
    for (String line : report.header()) {
      lines(sb, Escape.table(line), room, "", INDENT, DIM, colour);
    }
    for (Report.Block block : report.blocks()) {
      sb.append('\n');
      lines(sb, Escape.table(block.title()), room, "", INDENT, BOLD, colour);
      List<String> notes = new ArrayList<>();
      List<String> table = fit ? fitted(block, width - INDENT.length(), notes, colour) : table(block, colour);
      for (String line : table) {
        String text = line.stripTrailing();
        sb.append(text.isEmpty() ? "" : INDENT + text).append('\n');
      }
      for (String note : block.notes()) {
        lines(sb, Escape.table(note), room, INDENT, INDENT + INDENT, DIM, colour);
      }
      for (String note : notes) {
        lines(sb, note, room, INDENT, INDENT + INDENT, DIM, colour);
      }
    }
    return sb.toString();
  }

  private static void lines(StringBuilder sb, String text, int width, String indent, String next, String code,
      boolean colour) {
    for (String line : Fit.wrap(text, width, indent, next)) {
      sb.append(style(line, code, colour)).append('\n');
    }
  }

  // Measures as classes, not method references: on JDK 17 a lambda's first call links it through
  // LambdaMetafactory, which costs a short run time that a class loaded from the archive does not.

  /** A cell's UTF-16 length, as the layout always was without a width. */
  private static final java.util.function.ToIntFunction<String> LENGTH = new java.util.function.ToIntFunction<>() {
    @Override
    public int applyAsInt(String cell) {
      return cell.length();
    }
  };

  /** A cell's width on a terminal. */
  private static final java.util.function.ToIntFunction<String> WIDTH = new java.util.function.ToIntFunction<>() {
    @Override
    public int applyAsInt(String cell) {
      return Fit.width(cell);
    }
  };

  private static List<String> table(Report.Block block, boolean colour) {
    List<List<String>> all = cells(block);
    return lines(all, allColumns(all), block, LENGTH, colour);
  }

  private static List<List<String>> cells(Report.Block block) {
    List<List<String>> all = new ArrayList<>();
    if (!block.columns().isEmpty()) {
      all.add(escaped(block.columns()));
    }
    for (List<String> row : block.rows()) {
      all.add(escaped(row));
    }
    return all;
  }

  private static List<String> escaped(List<String> cells) {
    List<String> out = new ArrayList<>(cells.size());
    for (String cell : cells) {
      out.add(Escape.table(cell));
    }
    return out;
  }

  private static List<Integer> allColumns(List<List<String>> all) {
    int columns = 0;
    for (List<String> row : all) {
      columns = Math.max(columns, row.size());
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      kept.add(i);
    }
    return kept;
  }

  /** The lines of {@code all}'s {@code kept} columns, each padded to its widest cell. */
  private static List<String> lines(List<List<String>> all, List<Integer> kept, Report.Block block, boolean colour) {
    return lines(all, kept, block, WIDTH, colour);
  }

  /**
   * As {@link #lines(List, List, Report.Block, boolean)}, cells measured by {@code measure}: without
   * a width, by their UTF-16 length, as the layout always was. With colour, a FAIL is red.
   */
  private static List<String> lines(List<List<String>> all, List<Integer> kept, Report.Block block,
      java.util.function.ToIntFunction<String> measure, boolean colour) {
    int[] width = widths(all, kept, measure);
    List<String> lines = new ArrayList<>();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      boolean first = true;
      for (int i : kept) {
        if (i >= row.size()) {
          continue;
        }
        String cell = row.get(i);
        if (!first) {
          line.append(GAP);
        }
        first = false;
        String pad = " ".repeat(width[i] - measure.applyAsInt(cell));
        String shown = colour && cell.equals("FAIL") ? FAIL + cell + RESET : cell;
        line.append(block.leftAligned(i) ? shown + pad : pad + shown);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static int[] widths(List<List<String>> all, List<Integer> kept,
      java.util.function.ToIntFunction<String> measure) {
    int columns = 0;
    for (List<String> row : all) {
      columns = Math.max(columns, row.size());
    }
    int[] width = new int[columns];
    for (List<String> row : all) {
      for (int i : kept) {
        if (i < row.size()) {
          width[i] = Math.max(width[i], measure.applyAsInt(row.get(i)));
        }
      }
    }
    return width;
  }

  /** The width the {@code kept} columns of {@code all} take side by side. */
  private static int span(List<List<String>> all, List<Integer> kept) {
    int[] width = widths(all, kept, WIDTH);
    int total = 0;
    int present = 0;
    for (int i : kept) {
      if (i < width.length) {
        total += width[i];
        present++;
      }
    }
    return total + GAP.length() * Math.max(0, present - 1);
  }

  /** {@code block}'s table in {@code room} columns; what it leaves out goes into {@code notes}. */
  static List<String> fitted(Report.Block block, int room, List<String> notes, boolean colour) {
    List<List<String>> all = cells(block);
    List<Integer> kept = allColumns(all);
    List<String> left = new ArrayList<>();
    for (Report.Drop drop : block.drops()) {
      if (span(all, kept) <= room) {
        break;
      }
      kept.removeAll(drop.columns());
      left.add(drop.what());
    }
    if (!left.isEmpty()) {
      notes.add("left out to fit " + (room + INDENT.length()) + " columns: " + String.join(", ", left)
          + " (a wider terminal, or -o json, shows every figure)");
    }
    List<String> lines;
    if (span(all, kept) <= room) {
      lines = lines(all, kept, block, colour);
    } else if (textLast(block, kept) && room - span(all, kept.subList(0, kept.size() - 1)) - GAP.length() >= MIN_TEXT) {
      lines = wrapColumn(all, kept, block, room, kept.size() - 1, colour);
    } else if (kept.size() > 1 && room - span(all, kept.subList(1, kept.size())) - GAP.length() >= MIN_TEXT) {
      lines = wrapColumn(all, kept, block, room, 0, colour);
    } else {
      lines = stacked(all, kept, block, room, colour);
    }
    // What still does not fit (a single cell wider than the room): wrapped as text.
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.addAll(Fit.wrap(line.stripTrailing(), room, "", INDENT));
    }
    return out;
  }

  private static boolean textLast(Report.Block block, List<Integer> kept) {
    return kept.size() > 1 && block.leftAligned(kept.get(kept.size() - 1));
  }

  /**
   * The text of the {@code k}th kept column (the last, or the first: a label) wrapped in the room the
   * others leave it, its further lines under it.
   */
  private static List<String> wrapColumn(List<List<String>> all, List<Integer> kept, Report.Block block, int room,
      int k, boolean colour) {
    int last = kept.get(k);
    List<Integer> others = new ArrayList<>(kept);
    others.remove(k);
    int text = room - span(all, others) - GAP.length();
    List<List<String>> rows = new ArrayList<>();
    for (List<String> row : all) {
      if (row.size() <= last) {
        rows.add(row);
        continue;
      }
      List<String> pieces = Fit.wrap(row.get(last), text, "", "");
      for (int p = 0; p < pieces.size(); p++) {
        List<String> line = new ArrayList<>(p == 0 ? row : blank(row.size()));
        line.set(last, pieces.get(p));
        rows.add(line);
      }
    }
    return lines(rows, kept, block, colour);
  }

  private static List<String> blank(int size) {
    List<String> row = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      row.add("");
    }
    return row;
  }

  /**
   * The columns after the first in bands that each fit beside it, one band under another with a
   * blank line between; a row with nothing in a band is left out of it.
   */
  private static List<String> stacked(List<List<String>> all, List<Integer> kept, Report.Block block, int room,
      boolean colour) {
    int label = kept.get(0);
    List<List<Integer>> bands = new ArrayList<>();
    List<Integer> band = new ArrayList<>(List.of(label));
    for (int i : kept.subList(1, kept.size())) {
      List<Integer> wider = new ArrayList<>(band);
      wider.add(i);
      if (band.size() > 1 && span(all, wider) > room) {
        bands.add(band);
        band = new ArrayList<>(List.of(label, i));
      } else {
        band = wider;
      }
    }
    bands.add(band);
    List<String> lines = new ArrayList<>();
    for (List<Integer> columns : bands) {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      List<List<String>> rows = new ArrayList<>();
      for (List<String> row : all) {
        if (lines.isEmpty() || columns.stream().skip(1).anyMatch(i -> i < row.size())) {
          rows.add(row);
        }
      }
      lines.addAll(lines(rows, columns, block, colour));
    }
    return lines;
  }

  private static String style(String text, String code, boolean colour) {
    return colour ? code + text + RESET : text;
  }
}
