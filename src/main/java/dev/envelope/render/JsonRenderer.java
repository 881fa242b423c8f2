package dev.envelope.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Tree} as JSON: two-space indent, keys in tree order, numbers as plain decimals
 * (never exponents) with at most 12 significant digits, which reads the same on every JDK and hides binary noise
 * (0.1 + 0.2 prints 0.3).
 */
public final class JsonRenderer {
  private static final MathContext DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

  private JsonRenderer() {}

  public static String render(Tree tree) {
    StringBuilder sb = new StringBuilder();
    write(sb, tree, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object value, int depth) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Tree t) {
      writeMap(sb, t.children(), depth);
    } else if (value instanceof Tree.Quantity f) {
      sb.append(number(f.value()));
    } else if (value instanceof Number n) {
      sb.append(number(n.doubleValue()));
    } else if (value instanceof String s) {
      string(sb, s);
    } else if (value instanceof Boolean b) {
      sb.append(b);
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        indent(sb, depth + 1);
        write(sb, list.get(i), depth + 1);
        sb.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value);
    }
  }

  private static void writeMap(StringBuilder sb, Map<String, Object> map, int depth) {
    if (map.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{\n");
    int i = 0;
    for (Map.Entry<String, Object> e : map.entrySet()) {
      indent(sb, depth + 1);
      string(sb, e.getKey());
      sb.append(": ");
      write(sb, e.getValue(), depth + 1);
      sb.append(++i < map.size() ? ",\n" : "\n");
    }
    indent(sb, depth);
    sb.append('}');
  }

  /** A JSON number: integers without a fraction, others as plain decimals. */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
    return d.toPlainString();
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth));
  }

  private static void string(StringBuilder sb, String s) {
    Escape.json(sb, s);
  }
}
