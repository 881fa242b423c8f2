package dev.envelope.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered tree of figures: the machine-readable side of a report, as JSON prints it. Leaves are
 * {@link Quantity}s, strings, booleans, nulls (only where a schema says so, as in a diff's missing
 * side), or lists of trees; keys keep insertion order.
 */
public final class Tree {
  private final Map<String, Object> children = new LinkedHashMap<>();

  /** Adds a child tree under {@code key} and returns it. */
  public Tree child(String key) {
    Object existing = children.get(key);
    if (existing instanceof Tree t) {
      return t;
    }
    Tree t = new Tree();
    children.put(key, t);
    return t;
  }

  public Tree put(String key, double value, Quantity.Kind kind) {
    children.put(key, new Quantity(value, kind));
    return this;
  }

  public Tree put(String key, String text) {
    children.put(key, text);
    return this;
  }

  public Tree put(String key, boolean value) {
    children.put(key, value);
    return this;
  }

  /** A JSON null: for schemas whose keys are always present (a diff's missing side). */
  public Tree putNull(String key) {
    children.put(key, null);
    return this;
  }

  public Tree put(String key, Tree tree) {
    children.put(key, tree);
    return this;
  }

  public Tree putList(String key, List<?> items) {
    children.put(key, List.copyOf(items));
    return this;
  }

  public Map<String, Object> children() {
    return Collections.unmodifiableMap(children);
  }

  /** The dotted path of the first figure that is NaN or infinite, if any. */
  public java.util.Optional<String> firstNonFinite() {
    for (Map.Entry<String, Object> e : children.entrySet()) {
      java.util.Optional<String> inner = nonFinite(e.getValue());
      if (inner.isPresent()) {
        return java.util.Optional.of(inner.get().isEmpty() ? e.getKey() : e.getKey() + "." + inner.get());
      }
    }
    return java.util.Optional.empty();
  }

  /** "" where {@code v} itself is not finite, the path below it where something in it is, or empty. */
  private static java.util.Optional<String> nonFinite(Object v) {
    if (v instanceof Quantity f && !Double.isFinite(f.value())) {
      return java.util.Optional.of("");
    }
    if (v instanceof Tree t) {
      return t.firstNonFinite();
    }
    if (v instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        java.util.Optional<String> inner = nonFinite(list.get(i));
        if (inner.isPresent()) {
          return java.util.Optional.of(inner.get().isEmpty() ? String.valueOf(i) : i + "." + inner.get());
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The value at a dotted path ({@code traffic.total.peak_per_second}), or null. A key may hold dots
   * itself ({@code uncertainty."capacity.servers".p95} is {@code uncertainty.capacity.servers.p95}).
   */
  public Object at(String path) {
    return at(this, path.split("\\.", -1), 0);
  }

  private static Object at(Object node, String[] parts, int i) {
    if (i == parts.length) {
      return node;
    }
    if (node instanceof List<?> list && parts[i].matches("\\d{1,9}") && Integer.parseInt(parts[i]) < list.size()) {
      return at(list.get(Integer.parseInt(parts[i])), parts, i + 1);
    }
    if (node instanceof Tree t) {
      StringBuilder key = new StringBuilder();
      for (int j = i; j < parts.length; j++) {
        key.append(j > i ? "." : "").append(parts[j]);
        if (t.children.containsKey(key.toString())) {
          Object found = at(t.children.get(key.toString()), parts, j + 1);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  /** A number with the kind of quantity it is, so each format can show it in its unit. */
  public record Quantity(double value, Kind kind) {
    public enum Kind {
      /** Users, requests per day, objects. */
      COUNT,
      /** Per second. */
      RATE,
      BYTES,
      BYTES_PER_SECOND,
      SECONDS,
      /** A share from 0 to 1 (percentages, targets). */
      FRACTION,
      /** Whole machines, shards, nodes. */
      INTEGER,
      /** A plain factor: nines, replication, peak factor. */
      NUMBER,
      /** An amount of money, in the file's currency. */
      MONEY
    }
  }
}
