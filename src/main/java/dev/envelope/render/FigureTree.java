package dev.envelope.render;

import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Section;
import dev.envelope.render.Tree.Quantity.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts an estimate's figures into a JSON tree, each under its path, in the catalog's order: the
 * one place where a figure's path becomes its place in the output. A workload's name is one key
 * whatever it holds (a name may contain a dot), and the items of {@code availability.components}
 * and {@code availability.burn_rate_alerts} are the elements of a list.
 */
public final class FigureTree {
  private FigureTree() {}

  /** The figures whose paths run through a list: the list, and its items by index. */
  private static final List<String> LISTS = List.of("availability.components", "availability.burn_rate_alerts");

  /** Adds every figure of {@code estimate} in one of {@code sections} to {@code tree}. */
  public static void add(Tree tree, Estimate estimate, java.util.Set<Section> sections) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (dev.envelope.model.Requirements.Workload w : estimate.requirements().workloads()) {
      names.add(w.name());
    }
    for (Estimate.Figure f : estimate.figures()) {
      if (!sections.contains(f.section())) {
        continue;
      }
      List<String> keys = keys(f.path(), names);
      Object value = f.numeric() ? new Tree.Quantity(f.value(), kind(f.step().unit())) : f.text();
      put(tree, keys, value);
    }
  }

  /**
   * The keys of {@code path} in the tree. Under {@code workloads.} the longest workload name the
   * path starts with is one key ("a.b" before "a", so that workloads.a.b.writes finds "a.b"): one
   * lookup per dot, whatever the number of workloads.
   */
  static List<String> keys(String path, java.util.Set<String> workloads) {
    String head = "workloads.";
    if (path.startsWith(head)) {
      for (int dot = path.lastIndexOf('.'); dot > head.length(); dot = path.lastIndexOf('.', dot - 1)) {
        String name = path.substring(head.length(), dot);
        if (workloads.contains(name)) {
          List<String> keys = new ArrayList<>(List.of("workloads", name));
          keys.addAll(List.of(path.substring(dot + 1).split("\\.")));
          return keys;
        }
      }
    }
    return List.of(path.split("\\."));
  }

  @SuppressWarnings("unchecked")
  private static void put(Tree tree, List<String> keys, Object value) {
    Tree t = tree;
    String path = "";
    for (int i = 0; i < keys.size() - 1; i++) {
      String key = keys.get(i);
      path = path.isEmpty() ? key : path + "." + key;
      if (LISTS.contains(path)) {
        int index = Integer.parseInt(keys.get(i + 1));
        Object existing = t.children().get(key);
        List<Tree> items = existing instanceof List<?> l ? new ArrayList<>((List<Tree>) l) : new ArrayList<>();
        while (items.size() <= index) {
          items.add(new Tree());
        }
        Tree item = items.get(index);
        t.putList(key, items);
        t = item;
        path = path + "." + keys.get(i + 1);
        i++;
        continue;
      }
      t = t.child(key);
    }
    String last = keys.get(keys.size() - 1);
    if (value instanceof Tree.Quantity f) {
      t.put(last, f.value(), f.kind());
    } else if (value instanceof Boolean b) {
      t.put(last, b);
    } else if (value instanceof List<?> list) {
      t.putList(last, list);
    } else {
      t.put(last, String.valueOf(value));
    }
  }

  /** The kind of figure JSON and CSV give a value of {@code unit}. */
  public static Kind kind(Unit unit) {
    return switch (unit.measure()) {
      case COUNT -> Kind.COUNT;
      case PER_SECOND -> Kind.RATE;
      case BYTES -> Kind.BYTES;
      case BYTES_PER_SECOND -> Kind.BYTES_PER_SECOND;
      case SECONDS, DURATION, LATENCY -> Kind.SECONDS;
      case FRACTION, AVAILABILITY -> Kind.FRACTION;
      case WHOLE -> Kind.INTEGER;
      case NUMBER, PER_PERIOD, PERIODS -> Kind.NUMBER;
      case MONEY -> Kind.MONEY;
    };
  }
}
