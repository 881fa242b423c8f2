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
    } else if (v == null || v instanceof Boolean) {
      sb.append(' ').append(v).append('\n');
    } else {
      sb.append(' ').append(v instanceof Tree.Quantity f ? JsonRenderer.number(f.value())
          : v instanceof Boolean b ? b.toString() : scalar(String.valueOf(v)))
          .append('\n');
    }
  }

  /** A string as a YAML scalar: {@link Escape#yaml}. */
  static String scalar(String s) {
    return Escape.yaml(s);
  }
}
