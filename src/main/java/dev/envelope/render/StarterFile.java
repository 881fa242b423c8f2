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
