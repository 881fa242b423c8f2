package dev.envelope.units;

/**
 * Text from outside envelope (names, keys and values of a requirements file, file names,
 * command-line arguments) as it may be shown to a person: every character a terminal, a log viewer
 * or a text editor would obey rather than show is written as <code>&#92;u001b</code> instead (a backslash,
 * {@code u}, four lower-case hex digits). Those characters are
 * <ul>
 *   <li>the C0 controls U+0000 to U+001F and DEL U+007F (ESC starts terminal escape sequences that can
 *       clear a CI log or retitle a window; CR returns to the start of the line and lets text overwrite
 *       what came before it, a forged error line; BEL rings);</li>
 *   <li>the C1 controls U+0080 to U+009F (U+009B is a one-character CSI on some terminals);</li>
 *   <li>the Unicode bidirectional controls U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to
 *       U+2069, which reorder the text around them so that what is read is not what is written
 *       ("Trojan Source", CVE-2021-42574);</li>
 *   <li>the line and paragraph separators U+2028 and U+2029, line breaks to some viewers.</li>
 * </ul>
 *
 * <p>{@link #line} escapes tab and line feed too, for everything printed on one line (table cells,
 * names, paths, messages); {@link #lines} keeps them, for free text whose layout allows them.
 *
 * <p>A backslash is shown as it is: an escape here is for reading, never read back, so text written
 * as <code>&#92;u001b</code> in a file and an ESC character show the same, and neither controls the terminal;
 * doubling every backslash would garble paths and regular expressions for no safety. The JSON output
 * tells the two apart.
 *
 * <p>This is the one definition of what is unsafe. Every human-readable output applies it to the text
 * it did not write itself: the renderers through {@code render.Escape} (which adds what each format
 * needs besides: Markdown syntax, spreadsheet formulas, quoting), and the messages on standard error
 * through {@code model.Diagnostic}, {@code model.Warning} and {@code model.EnvelopeException}. A new
 * output builds on it the same way.
 */
public final class SafeText {
  private SafeText() {}

  /** Whether {@code c} is shown escaped (by {@link #line}; {@link #lines} keeps tab and line feed). */
  public static boolean isUnsafe(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
        || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029;
  }

  /** {@code text} with every unsafe character escaped, tab and line feed included: for one line. */
  public static String line(String text) {
    return escape(text, false);
  }

  /** {@code text} with every unsafe character escaped but tab and line feed: for text of several lines. */
  public static String lines(String text) {
    return escape(text, true);
  }

  /** The escape of one character: <code>&#92;u001b</code>. */
  public static String escape(int c) {
    return String.format(java.util.Locale.ROOT, "\\u%04x", c);
  }

  /** Whether {@link #line} would change {@code text}. */
  public static boolean isSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String escape(String text, boolean keepLayout) {
    if (isSafe(text)) {
      return text; // the usual case, without a copy
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c) && !(keepLayout && (c == '\n' || c == '\t'))) {
        sb.append(escape(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
