package dev.envelope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Text fitted to a terminal's width: its display width (a wide East Asian character takes two
 * columns, a combining mark none), and lines wrapped at word boundaries, a word longer than the
 * width alone broken inside. Only tables for people are fitted; data formats never are.
 */
public final class Fit {
  /** The narrowest width fitted to: below it a line could hold no word, and the text stays as it is. */
  public static final int MIN_WIDTH = 20;

  private Fit() {}

  /** The display columns {@code text} takes on a terminal; a colour's escape sequence takes none. */
  public static int width(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == 0x1b && i + 1 < text.length() && text.charAt(i + 1) == '[') {
        int end = i + 2;
        while (end < text.length() && (text.charAt(end) < '@' || text.charAt(end) > '~')) {
          end++;
        }
        i = end + 1;
        continue;
      }
      columns += width(cp);
      i += Character.charCount(cp);
    }
    return columns;
  }

  static int width(int cp) {
    int type = Character.getType(cp);
    if (cp < 0x20 || cp >= 0x7f && cp < 0xa0 || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  /** East Asian Wide and Fullwidth characters (Unicode UAX #11), and the emoji blocks terminals draw wide. */
  private static boolean wide(int cp) {
    return cp >= 0x1100 && cp <= 0x115f || cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f
        || cp >= 0xac00 && cp <= 0xd7a3 || cp >= 0xf900 && cp <= 0xfaff || cp >= 0xfe30 && cp <= 0xfe4f
        || cp >= 0xff00 && cp <= 0xff60 || cp >= 0xffe0 && cp <= 0xffe6 || cp >= 0x1f300 && cp <= 0x1f64f
        || cp >= 0x1f900 && cp <= 0x1f9ff || cp >= 0x20000 && cp <= 0x3fffd;
  }

  /**
   * {@code text} in lines of at most {@code width} columns: the first after {@code indent}, the
   * others after {@code next}, broken at spaces (which the break takes), a word too long for a line
   * broken where the line ends. Text that fits, or a width below {@link #MIN_WIDTH}, is one line.
   */
  public static List<String> wrap(String text, int width, String indent, String next) {
    String whole = indent + text;
    if (width < MIN_WIDTH || width(whole) <= width) {
      return List.of(whole);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent);
    int used = width(indent);
    boolean empty = true; // no word on the line yet
    for (String word : text.split(" ", -1)) {
      int w = width(word);
      if (!empty && used + 1 + w > width) {
        lines.add(strip(line));
        line = new StringBuilder(next);
        used = width(next);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        used++;
      }
      // A word longer than a whole line: as much as fits, then the rest on the next lines.
      int start = 0;
      while (used + width(word.substring(start)) > width && used < width) {
        int end = fitting(word, start, width - used);
        if (end == start) {
          break;
        }
        line.append(word, start, end);
        lines.add(line.toString());
        line = new StringBuilder(next);
        used = width(next);
        start = end;
      }
      line.append(word, start, word.length());
      used += width(word.substring(start));
      empty = false;
    }
    lines.add(strip(line));
    return lines;
  }

  /** The end of the longest run of {@code word} from {@code start} that takes at most {@code columns}. */
  private static int fitting(String word, int start, int columns) {
    int end = start;
    int used = 0;
    while (end < word.length()) {
      int cp = word.codePointAt(end);
      if (used + width(cp) > columns) {
        break;
      }
      used += width(cp);
      end += Character.charCount(cp);
    }
    return end;
  }

  private static String strip(StringBuilder line) {
    return line.toString().stripTrailing();
  }
}
