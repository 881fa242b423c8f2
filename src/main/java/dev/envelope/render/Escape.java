package dev.envelope.render;

import dev.envelope.units.SafeText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How each output format writes text: the one place where text that came from outside envelope (a
 * name, key or value of the requirements file, a file name, a command-line argument) is made safe
 * for the format it lands in. Every renderer writes every piece of text through here, its own words
 * too (they mix with names in the same cell), and a new format (GitHub annotations, JUnit XML) gets
 * its method here, built the same way:
 * <ol>
 *   <li>the control, bidi and line-separator characters of {@link SafeText} are escaped, or written in
 *       the format's own escapes (JSON's and YAML's <code>&#92;u001b</code>), so none reaches a terminal raw;</li>
 *   <li>then the format's own syntax is neutralised: Markdown's HTML, links, emphasis and table pipes;
 *       CSV's quoting and spreadsheet formulas ({@link #spreadsheetText}).</li>
 * </ol>
 */
public final class Escape {
  /** A number as CSV and the tables write one ({@code -12.5}, {@code 1e-9}): never a formula. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private Escape() {}

  /** A terminal table's title, header line, cell or note: one line of plain text. */
  public static String table(String text) {
    return SafeText.line(text);
  }

  /**
   * Markdown text that is not a table cell (a heading, a line, a list item): shown as written, with
   * no raw HTML (&lt; &gt; &amp; as entities, which every Markdown reads, where a backslash is not),
   * no link, image, code span, emphasis or strikethrough, and no {@code |} that would end a table
   * cell.
   */
  public static String markdown(String text) {
    String s = SafeText.line(text);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\\', '|', '*', '_', '`', '~', '[', ']' -> sb.append('\\').append(c);
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The message of a GitHub Actions workflow command ({@code ::error ...::MESSAGE}), one line per
   * item of {@code lines}: each line made safe ({@link SafeText#line}: a CR or LF inside it, from a
   * name in the file, is shown as {@code \u000d} or {@code \u000a} and never breaks the log), then
   * {@code %} written as {@code %25} and the lines joined with {@code %0A}, as the runner's rules for
   * command data ask (CR would be {@code %0D}; none is left).
   */
  public static String githubData(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        sb.append("%0A");
      }
      sb.append(SafeText.line(lines.get(i)).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }
    return sb.toString();
  }

  /**
   * A property of a GitHub Actions workflow command ({@code file=}, {@code title=}): as
   * {@link #githubData}, and {@code :} and {@code ,}, which end a property, as {@code %3A} and
   * {@code %2C}.
   */
  public static String githubProperty(String text) {
    return githubData(List.of(text)).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * Text in XML 1.0, in an attribute or between tags: one line ({@link SafeText#line}, so no
   * character XML forbids), with {@code & < > " '} as entities.
   */
  public static String xml(String text) {
    String s = SafeText.line(text);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A text cell of a Markdown table: {@link #markdown}, and never read as a formula when pasted into a spreadsheet. */
  public static String markdownCell(String text) {
    return markdown(spreadsheetText(text));
  }

  /**
   * One CSV field: one line of text ({@link SafeText#line}), never read as a formula by a
   * spreadsheet ({@link #spreadsheetText}), and quoted as RFC 4180 says when it holds a comma or a
   * quote (and always once a quote mark was put in front).
   */
  public static String csv(String text) {
    String line = SafeText.line(text);
    String s = spreadsheetText(line);
    boolean quote = s.length() != line.length() || s.contains(",") || s.contains("\"");
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /**
   * {@code text} as a spreadsheet must read it: as text. A cell starting with {@code =}, {@code +},
   * {@code -} or {@code @} (or a tab or carriage return) is a formula to Excel, LibreOffice and
   * Google Sheets, which can run commands or send the sheet's data away ({@code =HYPERLINK(...)}).
   * Such a cell gets a single quote in front, which those read as "this is text" (the OWASP advice on
   * CSV injection). A number ({@code -12.5}) is left as it is, to stay a number, and so is a single
   * character, which is no formula.
   */
  public static String spreadsheetText(String text) {
    if (text.length() < 2 || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || NUMBER.matcher(text).matches()) {
      return text;
    }
    return "'" + text;
  }

  /**
   * A line of {@code --get}'s output: the fields separated by tabs, each on one line with no tab of
   * its own ({@link SafeText#line}), so that {@code cut -f} finds them.
   */
  public static String tabSeparated(List<String> fields) {
    return String.join("\t", fields.stream().map(SafeText::line).toList());
  }

  /** A JSON string literal: RFC 8259's escapes, and <code>&#92;u00XX</code> for the other characters {@link SafeText} escapes. */
  public static void json(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          // RFC 8259 requires only U+0000-U+001F escaped; the others of SafeText (DEL, C1, bidi,
          // U+2028/2029, which JavaScript once read as line ends) are escaped too, so that
          // printing the JSON in a terminal is as safe as a table. A lone surrogate would reach
          // UTF-8 as '?'; escaped, it reads back as it was.
          if (SafeText.isUnsafe(c) || loneSurrogate(s, i)) {
            sb.append(SafeText.escape(c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** A string as a YAML scalar: plain where that reads back the same, else double-quoted with YAML's escapes. */
  public static String yaml(String s) {
    boolean plain = !s.isEmpty() && s.matches("[A-Za-z_][A-Za-z0-9_ ./()-]*") && !s.endsWith(" ")
        && !s.matches("(?i)(y|yes|n|no|true|false|on|off|null|~)");
    if (plain) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          // YAML's double-quoted style reads a backslash-u escape as JSON does (YAML 1.2, section 5.7); U+FFFE
          // and U+FFFF are not printable in YAML, so they are escaped too.
          if (SafeText.isUnsafe(c) || c == 0xfffe || c == 0xffff || loneSurrogate(s, i)) {
            sb.append(SafeText.escape(c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Text inside a quoted Mermaid label: one line ({@link SafeText#line}); letters, digits, spaces
   * and {@code . , : / % ( ) + - = ' _} as written, every other character as Mermaid's own entity code
   * ({@code #35;} for {@code #}), so that no quote, bracket, pipe, backtick or HTML ends the label,
   * adds a node, or ends the Markdown fence a sketch is printed in.
   */
  public static String mermaid(String text) {
    String s = SafeText.line(text);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) || " .,:/%()+-='_".indexOf(c) >= 0) {
        sb.appendCodePoint(c);
      } else {
        sb.append('#').append(c).append(';');
      }
    }
    return sb.toString();
  }

  /**
   * Text inside a quoted DOT string: one line ({@link SafeText#line}), with {@code "} and
   * {@code \} escaped as DOT reads them and {@code &} as an entity, which Graphviz would otherwise
   * read as the start of one.
   */
  public static String dot(String text) {
    String s = SafeText.line(text);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '&' -> sb.append("&amp;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the char at {@code i} is half of a surrogate pair without its other half. */
  private static boolean loneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
