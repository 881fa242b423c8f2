package dev.envelope.render;

import dev.envelope.model.FileSpec;
import dev.envelope.model.FileSpec.Field;
import dev.envelope.model.FileSpec.Group;
import dev.envelope.model.FileSpec.Type;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The commented starter file that {@code envelope init} writes: every key of {@link FileSpec} with
 * what it means, its default and its type, and values for a small service in the keys it needs,
 * so that {@code envelope estimate} works on it as written. The other keys are commented out,
 * each showing its default (or an example where there is none).
 */
public final class StarterFile {
  /** The one workload of the starter file. */
  static final String WORKLOAD = "item";

  /** The keys set in the starter file, by input path, and their values: a small web service. */
  static final Map<String, String> VALUES = Map.of(
      "name", "My service",
      "users.dau", "1M",
      "workloads.*.writes_per_user", "2/day",
      "workloads.*.read_write_ratio", "10:1",
      "workloads.*.payload", "1KB",
      "storage.retention", "5y",
      "capacity.server_qps", "1000",
      "availability.target", "99.9%");

  /** Where the comments start, so that they line up, and where lines wrap. */
  private static final int COMMENT_COLUMN = 40;
  private static final int WIDTH = 100;
  private static final int LEGEND_COLUMN = 26;

  private StarterFile() {}

  public static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("""
        # Requirements for envelope (file format version 1): every key, with what it means, its type
        # and its default. Keys after a '#' are optional: remove the '#' to set one; the value shown
        # is the default, or an example where there is none. Sections left empty count as absent.
        #
        # Check it:    envelope validate FILE
        # Estimate:    envelope estimate FILE
        # In editors:  envelope schema prints the JSON Schema of this file (docs/schema.md)
        #
        # Types of value:
        """);
    for (Type type : scalarTypes()) {
      String title = "#   " + type.title();
      sb.append(title).append(" ".repeat(Math.max(1, LEGEND_COLUMN - title.length())));
      wrap(sb, type.grammar(), "#" + " ".repeat(LEGEND_COLUMN - 1), LEGEND_COLUMN);
    }
    for (Field f : FileSpec.ROOT.fields()) {
      sb.append('\n');
      field(sb, "", "", f);
    }
    return sb.toString();
  }

  /** Where the minimal template's comments start, and the width it keeps to. */
  private static final int MINIMAL_COLUMN = 28;
  private static final int MINIMAL_WIDTH = 80;

  /**
   * The minimal starter file ({@code init --minimal}): only the keys the full one sets, with the same
   * values, each with the first clause of what it means; it validates and estimates as written.
   */
  public static String minimal() {
    StringBuilder sb = new StringBuilder();
    sb.append("""
        # Requirements for envelope: the keys a first estimate needs. envelope init
        # (without --minimal) writes every key with its meaning, type and default.

        """);
    for (Field f : FileSpec.ROOT.fields()) {
      minimal(sb, "", "", f);
    }
    return sb.toString();
  }

  private static void minimal(StringBuilder sb, String indent, String path, Field f) {
    String key = path + f.key();
    switch (f.type()) {
      case SECTION, NAMED_SECTIONS -> {
        String prefix = key + (f.type() == Type.NAMED_SECTIONS ? ".*." : ".");
        if (VALUES.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
          return;
        }
        if (indent.isEmpty()) {
          sb.append('\n');
        }
        sb.append(indent).append(f.key()).append(":\n");
        String inner = indent + "  ";
        if (f.type() == Type.NAMED_SECTIONS) {
          shortLine(sb, inner + WORKLOAD + ":", "one request type; add one such mapping per type");
          inner += "  ";
        }
        for (Field child : f.group().orElseThrow().fields()) {
          minimal(sb, inner, prefix, child);
        }
      }
      default -> {
        if (VALUES.containsKey(key)) {
          shortLine(sb, indent + f.key() + ": " + VALUES.get(key), f.description().split("[;(,:]")[0].strip());
        }
      }
    }
  }

  /** {@code text} and, where it fits in {@link #MINIMAL_WIDTH}, {@code comment} from the comment column. */
  private static void shortLine(StringBuilder sb, String text, String comment) {
    String line = text + " ".repeat(Math.max(1, MINIMAL_COLUMN - text.length())) + "# " + comment;
    sb.append(comment.isEmpty() || line.length() > MINIMAL_WIDTH ? text : line).append('\n');
  }

  private static void field(StringBuilder sb, String indent, String path, Field f) {
    String key = path + f.key();
    if ((f.type() == Type.SECTION && !indent.isEmpty()) || f.type() == Type.LIST) {
      // An optional section inside another, or a list: commented out as a whole, one key a line.
      line(sb, indent + "#" + f.key() + ":", f.description());
      boolean first = true;
      for (Field child : f.group().orElseThrow().fields()) {
        String lead = f.type() == Type.LIST ? (first ? "#  - " : "#    ") : "#  ";
        String value = child.byDefault().literal() ? child.byDefault().text() : child.example();
        line(sb, indent + lead + child.key() + ": " + value, comment(child));
        first = false;
      }
      return;
    }
    switch (f.type()) {
      case SECTION -> {
        line(sb, indent + f.key() + ":", f.description());
        for (Field child : f.group().orElseThrow().fields()) {
          field(sb, indent + "  ", key + ".", child);
        }
      }
      case NAMED_VALUES -> {
        line(sb, indent + "#" + f.key() + ":", f.description());
        line(sb, indent + "#  online_share: 5% to 15%", "share of daily users connected at the busiest moment");
        line(sb, indent + "#  memory_per_connection: 10KB", "");
      }
      case NAMED_SECTIONS -> {
        if (f.key().equals("figures")) {
          // One commented example of the file's own figures (docs/figures.md).
          line(sb, indent + "#" + f.key() + ":", f.description());
          line(sb, indent + "#  connections:", "");
          line(sb, indent + "#    formula: users.dau * inputs.online_share", "");
          line(sb, indent + "#    unit: count", "");
          line(sb, indent + "#    description: concurrent connections at the busiest moment", "");
          return;
        }
        line(sb, indent + f.key() + ":", f.description());
        line(sb, indent + "  " + WORKLOAD + ":", "one of them: rename it, and add one such mapping per request type");
        for (Field child : f.group().orElseThrow().fields()) {
          field(sb, indent + "    ", key + ".*.", child);
        }
      }
      case SCENARIOS, BUDGETS, LINT -> {
        line(sb, indent + "#" + f.key() + ":", f.description());
        line(sb, indent + "#  " + f.example(), "");
      }
      default -> {
        String value = VALUES.get(key);
        boolean set = value != null;
        if (!set) {
          value = f.byDefault().literal() ? f.byDefault().text() : f.example();
        }
        line(sb, indent + (set ? "" : "#") + f.key() + ": " + value, comment(f));
        f.group().ifPresent(form -> {
          // The mapping form of the same key: a custom calendar, a record's fields.
          line(sb, indent + "#" + f.key() + ":", form == FileSpec.CALENDAR_DAYS ? "or custom days instead of a name:"
              : "or a record instead of a size: its fields, summed");
          for (Field child : form.fields()) {
            line(sb, indent + "#  " + child.key() + ": " + child.example(), child.type() == Type.NAMED_VALUES
                ? child.description() : comment(child));
          }
        });
      }
    }
  }

  /** What a key means, then its type and default: "copies of each byte. Number, default 3." */
  private static String comment(Field f) {
    String type = f.type().title();
    return f.description() + ". " + Character.toUpperCase(type.charAt(0)) + type.substring(1)
        + (f.byDefault().isPresent() ? ", default " + f.byDefault().text() : "") + ".";
  }

  /** {@code text}, then {@code comment} from the comment column, wrapped under itself. */
  private static void line(StringBuilder sb, String text, String comment) {
    sb.append(text);
    if (comment.isEmpty()) {
      sb.append('\n');
      return;
    }
    sb.append(" ".repeat(Math.max(1, COMMENT_COLUMN - text.length()))).append("# ");
    wrap(sb, comment, " ".repeat(COMMENT_COLUMN) + "# ", Math.max(COMMENT_COLUMN, text.length() + 1) + 2);
  }

  /** Appends {@code words} from {@code column}, continuing on lines that start with {@code prefix}. */
  private static void wrap(StringBuilder sb, String words, String prefix, int column) {
    int at = column;
    boolean first = true;
    for (String word : words.split(" ")) {
      if (!first && at + 1 + word.length() > WIDTH) {
        sb.append('\n').append(prefix);
        at = prefix.length();
        first = true;
      }
      if (!first) {
        sb.append(' ');
        at++;
      }
      sb.append(word);
      at += word.length();
      first = false;
    }
    sb.append('\n');
  }

  /**
   * {@code template} (YAML with comments) fitted to {@code width} display columns for a terminal: a
   * longer line's comment, with the comment lines that continue it, rewrapped onto comment lines
   * under it, so the text reads as the same YAML. Keys and values are never broken; where a key
   * leaves no room beside it, its comment goes on the lines under it. 0 (no width) leaves it as it is.
   */
  public static String fitted(String template, int width) {
    if (width < Fit.MIN_WIDTH) {
      return template;
    }
    String[] lines = template.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = comment(line);
      if (Fit.width(line) <= width || hash < 0) {
        sb.append(line).append(i < lines.length - 1 ? "\n" : "");
        continue;
      }
      int text = words(line, hash);
      StringBuilder words = new StringBuilder(line.substring(text).strip());
      boolean keyed = !line.substring(0, hash).isBlank();
      while (i + 1 < lines.length && continues(lines[i + 1], keyed ? COMMENT_COLUMN + 2 : text)) {
        words.append(' ').append(lines[++i].strip().substring(1).strip());
      }
      String code = line.substring(0, hash).stripTrailing();
      String next = " ".repeat(hash) + "#" + " ".repeat(Math.max(1, text - hash - 1));
      String lead = line.substring(0, text);
      if (text + Fit.MIN_WIDTH > width) {
        // No room beside the key (or after the legend's name): the words go under it.
        int under = code.isEmpty() ? hash : code.length() - code.stripLeading().length() + 2;
        if (!code.isEmpty()) {
          sb.append(code).append('\n');
          lead = " ".repeat(under) + "# ";
        } else {
          lead = line.substring(0, text).stripTrailing() + " ";
        }
        next = " ".repeat(under) + "# ";
      }
      Fit.wrap(words.toString(), width, lead, next).forEach(l -> sb.append(l).append('\n'));
    }
    return sb.toString();
  }

  /** Where {@code line}'s comment words start, after its {@code #} at {@code hash} and the spaces after it. */
  private static int words(String line, int hash) {
    int text = hash + 1;
    while (text < line.length() && line.charAt(text) == ' ') {
      text++;
    }
    // A legend's line (#   count   a number...): its words start after the name and the gap.
    int gap = line.indexOf("  ", text);
    if (hash == 0 && gap > 0 && gap < LEGEND_COLUMN) {
      text = gap;
      while (text < line.length() && line.charAt(text) == ' ') {
        text++;
      }
    }
    return text;
  }

  /** Whether {@code line} is a comment alone whose words go on from column {@code text}: the rest of a comment. */
  private static boolean continues(String line, int text) {
    String stripped = line.stripLeading();
    if (!stripped.startsWith("#") || line.length() <= text || line.charAt(text) == ' ') {
      return false;
    }
    int start = line.length() - stripped.length() + 1;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    return start == text;
  }

  /**
   * Where {@code line}'s comment starts: the {@code #} of a comment alone, or of the comment after a
   * key (a commented-out key's own comment included); -1 for none.
   */
  private static int comment(String line) {
    String stripped = line.stripLeading();
    int lead = line.length() - stripped.length();
    if (stripped.startsWith("#")) {
      int later = line.indexOf(" # ", lead + 1);
      return stripped.matches("#\\s*[a-z_]+:.*") && later > 0 ? later + 1 : lead;
    }
    int at = line.indexOf(" # ");
    return at < 0 ? -1 : at + 1;
  }

  /** The types of the keys that hold one value, in the order of {@link Type}. */
  private static Set<Type> scalarTypes() {
    Set<Type> types = EnumSet.noneOf(Type.class);
    collect(FileSpec.ROOT, types);
    return types;
  }

  private static void collect(Group group, Set<Type> types) {
    for (Field f : group.fields()) {
      if (f.type().isScalar()) {
        types.add(f.type());
      }
      f.group().ifPresent(g -> collect(g, types));
    }
  }
}
