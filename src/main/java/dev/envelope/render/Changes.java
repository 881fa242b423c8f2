package dev.envelope.render;

import dev.envelope.model.Node;
import dev.envelope.model.Node.ListNode;
import dev.envelope.model.Node.MapNode;
import dev.envelope.model.Node.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What differs between two requirements files: their inputs as written, compared path by path,
 * and their estimates, compared figure by figure with the relative change {@code (new - old) / |old|}.
 */
public final class Changes {
  /**
   * Relative changes closer than this to a threshold count as equal to it: far above the error of
   * {@code (new - old) / |old|} in doubles (about 1e-15), far below any threshold a person sets.
   */
  public static final double NOISE = 1e-12;

  private Changes() {}

  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED;

    /** The word JSON and tables use: {@code added}, {@code removed}, {@code changed}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An input that differs: its dotted path and its text as written on each side it is on. */
  public record Input(String path, Kind change, Optional<String> old, Optional<String> now) {}

  /**
   * An output figure that differs: its values (a {@link Tree.Quantity} or text) on each side it is
   * on. {@code relative} is {@code (new - old) / |old|} for two numbers with {@code old != 0}, and
   * empty otherwise: for text, for a figure on one side only, and for one that leaves zero.
   */
  public record Output(String path, Kind change, Optional<Object> old, Optional<Object> now, OptionalDouble relative) {
    /** Whether a number moved away from zero: an infinite relative change. */
    public boolean fromZero() {
      return change == Kind.CHANGED && relative.isEmpty() && old.get() instanceof Tree.Quantity;
    }

    /**
     * Whether this change exceeds {@code threshold} (a fraction) in absolute relative terms. A
     * figure that appears, disappears or leaves zero exceeds any threshold; a change of text (which
     * shard limit binds, say) is not measured in percent and exceeds none. Binary noise below
     * {@link #NOISE} does not count, so a move of exactly 10% never exceeds 10%.
     */
    public boolean over(double threshold) {
      if (change != Kind.CHANGED || fromZero()) {
        return true;
      }
      return relative.isPresent() && Math.abs(relative.getAsDouble()) > threshold + NOISE;
    }
  }

  /** The inputs that differ between two parsed files, in the new file's order, removed ones in place. */
  public static List<Input> inputs(Node oldRoot, Node newRoot) {
    List<Input> out = new ArrayList<>();
    merge(flatten(oldRoot), flatten(newRoot), (a, b) -> {
      if (a == null) {
        out.add(new Input(b.getKey(), Kind.ADDED, Optional.empty(), Optional.of(b.getValue())));
      } else if (b == null) {
        out.add(new Input(a.getKey(), Kind.REMOVED, Optional.of(a.getValue()), Optional.empty()));
      } else if (!a.getValue().equals(b.getValue())) {
        out.add(new Input(a.getKey(), Kind.CHANGED, Optional.of(a.getValue()), Optional.of(b.getValue())));
      }
    });
    return out;
  }

  /**
   * The figures that differ between two estimates, in the new estimate's order. Two numbers differ
   * when they print differently in JSON (12 significant digits), so binary noise is no change. The
   * schema and the name are not figures.
   */
  public static List<Output> outputs(Tree oldTree, Tree newTree) {
    List<Output> out = new ArrayList<>();
    merge(figures(oldTree), figures(newTree), (a, b) -> {
      if (a == null) {
        out.add(new Output(b.getKey(), Kind.ADDED, Optional.empty(), Optional.of(b.getValue()), OptionalDouble.empty()));
      } else if (b == null) {
        out.add(new Output(a.getKey(), Kind.REMOVED, Optional.of(a.getValue()), Optional.empty(), OptionalDouble.empty()));
      } else if (!Flat.raw(a.getValue()).equals(Flat.raw(b.getValue()))) {
        out.add(new Output(a.getKey(), Kind.CHANGED, Optional.of(a.getValue()), Optional.of(b.getValue()),
            relative(a.getValue(), b.getValue())));
      }
    });
    return out;
  }

  /** {@code (new - old) / |old|} of two numbers, empty for text or an old value of zero. */
  static OptionalDouble relative(Object old, Object now) {
    if (old instanceof Tree.Quantity a && now instanceof Tree.Quantity b && a.value() != 0) {
      return OptionalDouble.of((b.value() - a.value()) / Math.abs(a.value()));
    }
    return OptionalDouble.empty();
  }

  /**
   * The leaves of a parsed file by dotted path, with their text as written. An empty mapping or list
   * is a leaf ({@code {}}, {@code []}), list items are {@code path[i]}, a null is {@code null}.
   */
  static Map<String, String> flatten(Node root) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String path, Node node, Map<String, String> out) {
    if (node instanceof MapNode map && !map.entries().isEmpty()) {
      for (Node.Entry e : map.entries().values()) {
        flatten(path.isEmpty() ? e.key() : path + "." + e.key(), e.value(), out);
      }
    } else if (node instanceof ListNode list && !list.items().isEmpty()) {
      for (int i = 0; i < list.items().size(); i++) {
        flatten(path + "[" + i + "]", list.items().get(i), out);
      }
    } else if (node instanceof MapNode) {
      out.put(path, "{}");
    } else if (node instanceof ListNode) {
      out.put(path, "[]");
    } else {
      out.put(path, Objects.requireNonNullElse(((Scalar) node).text(), "null"));
    }
  }

  private static Map<String, Object> figures(Tree tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Flat.Row row : Flat.rows(tree)) {
      if (!row.path().equals("schema") && !row.path().equals("name")) {
        out.put(row.path(), row.value());
      }
    }
    return out;
  }

  /**
   * Walks two ordered maps together, calling {@code each} once per key with the entry of each side
   * (null where the key is absent). Keys come in the new map's order; a key only in the old map comes
   * where it stood there, after the keys that preceded it.
   */
  static <V> void merge(Map<String, V> old, Map<String, V> now, BiConsumer<Map.Entry<String, V>, Map.Entry<String, V>> each) {
    List<Map.Entry<String, V>> a = new ArrayList<>(old.entrySet());
    List<Map.Entry<String, V>> b = new ArrayList<>(now.entrySet());
    Set<String> done = new HashSet<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && done.contains(a.get(i).getKey())) {
        i++;
      } else if (i < a.size() && !now.containsKey(a.get(i).getKey())) {
        each.accept(a.get(i), null);
        i++;
      } else if (j < b.size()) {
        Map.Entry<String, V> e = b.get(j++);
        done.add(e.getKey());
        V before = old.get(e.getKey());
        each.accept(old.containsKey(e.getKey()) ? Map.entry(e.getKey(), before) : null, e);
      } else {
        i++;
      }
    }
  }
}
