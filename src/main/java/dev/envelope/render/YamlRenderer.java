package dev.envelope.render;

import java.util.List;
import java.util.Map;

/** Writes a {@link Tree} as YAML: the same structure, keys and numbers as the JSON. */
public final class YamlRenderer {
  private YamlRenderer() {}

  public static String render(Tree tree) {
    StringBuilder sb = new StringBuilder();
    map(sb, tree.children(), 0);
    return sb.toString();
  }

  private static void map(StringBuilder sb, Map<String, Object> map, int depth) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      sb.append("  ".repeat(depth)).append(scalar(e.getKey())).append(':');
      value(sb, e.getValue(), depth);
    }
  }

  private static void value(StringBuilder sb, Object v, int depth) {
    if (v instanceof Tree t) {
      if (t.children().isEmpty()) {
        sb.append(" {}\n");
      } else {
        sb.append('\n');
        map(sb, t.children(), depth + 1);
      }
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append(" []\n");
        return;
      }
      sb.append('\n');
      for (Object item : list) {
        sb.append("  ".repeat(depth + 1)).append("-");
        if (item instanceof Tree t && !t.children().isEmpty()) {
          // The first key on the dash's line, the others under it.
          StringBuilder inner = new StringBuilder();
          map(inner, t.children(), depth + 2);
          sb.append(' ').append(inner.substring((depth + 2) * 2));
        } else {
          value(sb, item, depth + 1);
        }
      }
    } else if (v instanceof Boolean b) {
      sb.append(' ').append(b).append('\n');
    } else {
      sb.append(' ').append(v instanceof Tree.Figure f ? JsonRenderer.number(f.value()) : scalar(String.valueOf(v)))
          .append('\n');
    }
  }

  /** A string as a YAML scalar, quoted when plain style would change its meaning. */
  static String scalar(String s) {
    boolean plain = !s.isEmpty() && s.matches("[A-Za-z_][A-Za-z0-9_ ./()-]*") && !s.endsWith(" ")
        && !s.matches("(?i)(y|yes|n|no|true|false|on|off|null|~)");
    if (plain) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
