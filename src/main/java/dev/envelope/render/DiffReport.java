package dev.envelope.render;

import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two estimates compared: the inputs that changed, then the outputs that moved. In JSON every key
 * is always present; a side that does not exist, and a relative change that is not a number (text,
 * a figure on one side only, a move away from zero), are {@code null}.
 */
public final class DiffReport {
  public static final String SCHEMA = "envelope.diff/v1";
  static final String ABSENT = "-";

  private DiffReport() {}

  /**
   * The two files compared and how: their labels, the unit systems their figures are shown in, and
   * the {@code --fail-over} threshold as a fraction, if given.
   */
  public record Sides(String oldFile, String newFile, UnitSystem oldUnits, UnitSystem newUnits, OptionalDouble failOver) {}

  /**
   * The headline figures of {@code diff --headline}, each one figure for one thing a reader weighs,
   * so that one change is counted once (egress, not its average, peak, per-workload and bit-rate
   * forms), with the words the table shows for it.
   */
  public static final Map<String, String> HEADLINE = headline();

  private static Map<String, String> headline() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("traffic.total.peak_per_second", "peak requests");
    m.put("bandwidth.ingress.peak_bytes_per_second", "peak ingress");
    m.put("bandwidth.egress.peak_bytes_per_second", "peak egress");
    m.put("storage.bytes_retained", "storage retained");
    m.put("cache.bytes", "cache");
    m.put("capacity.servers", "servers");
    m.put("capacity.shards", "shards");
    m.put("capacity.nodes", "nodes");
    m.put("availability.composite", "availability");
    m.put("cost.total.per_month", "cost a month");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The outputs at or under one of {@code paths} (a figure, or a group of them), in their order. */
  public static List<Changes.Output> only(List<Changes.Output> outputs, java.util.Collection<String> paths) {
    return outputs.stream()
        .filter(o -> paths.stream().anyMatch(p -> o.path().equals(p) || o.path().startsWith(p + ".")))
        .toList();
  }

  /** The outputs that exceed the threshold, if one is given. */
  public static List<Changes.Output> over(List<Changes.Output> outputs, OptionalDouble failOver) {
    if (failOver.isEmpty()) {
      return List.of();
    }
    return outputs.stream().filter(o -> o.over(failOver.getAsDouble())).toList();
  }

  public static Report build(Sides sides, List<String> header, List<Changes.Input> inputs, List<Changes.Output> outputs) {
    return build(sides, header, inputs, outputs, Map.of());
  }

  /**
   * As {@link #build(Sides, List, List, List)}; {@code labels} names outputs in the table by words
   * ({@code peak egress}) in place of their paths, which the JSON keeps.
   */
  public static Report build(Sides sides, List<String> header, List<Changes.Input> inputs, List<Changes.Output> outputs,
      Map<String, String> labels) {
    boolean failed = !over(outputs, sides.failOver()).isEmpty();
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.put("old", sides.oldFile());
    tree.put("new", sides.newFile());
    List<Tree> inputItems = new ArrayList<>();
    List<List<String>> inputRows = new ArrayList<>();
    for (Changes.Input in : inputs) {
      Tree item = new Tree();
      item.put("path", in.path());
      item.put("change", in.change().word());
      text(item, "old", in.old());
      text(item, "new", in.now());
      inputItems.add(item);
      inputRows.add(List.of(in.path(), in.old().orElse(ABSENT), in.now().orElse(ABSENT), in.change().word()));
    }
    tree.putList("inputs", inputItems);
    List<Tree> outputItems = new ArrayList<>();
    List<List<String>> outputRows = new ArrayList<>();
    for (Changes.Output out : outputs) {
      Tree item = new Tree();
      item.put("path", out.path());
      item.put("change", out.change().word());
      value(item, "old", out.old());
      value(item, "new", out.now());
      if (out.relative().isPresent()) {
        item.put("relative_change", out.relative().getAsDouble(), Tree.Quantity.Kind.NUMBER);
      } else {
        item.putNull("relative_change");
      }
      outputItems.add(item);
      outputRows.add(List.of(labels.getOrDefault(out.path(), out.path()),
          out.old().map(v -> Display.display(v, sides.oldUnits())).orElse(ABSENT),
          out.now().map(v -> Display.display(v, sides.newUnits())).orElse(ABSENT),
          change(out)));
    }
    tree.putList("outputs", outputItems);
    if (sides.failOver().isPresent()) {
      tree.put("fail_over", sides.failOver().getAsDouble(), Tree.Quantity.Kind.FRACTION);
    } else {
      tree.putNull("fail_over");
    }
    tree.put("failed", failed);

    String title = sides.oldFile() + " -> " + sides.newFile();
    List<Report.Block> blocks = new ArrayList<>();
    List<String> lines = new ArrayList<>(header);
    if (inputs.isEmpty() && outputs.isEmpty()) {
      lines.add("no changes: the same inputs and the same outputs");
      return new Report(title, lines, blocks, tree);
    }
    blocks.add(inputs.isEmpty()
        ? new Report.Block("Inputs", List.of(), List.of(), List.of("no input changed"))
        : new Report.Block("Inputs", List.of("input", "old", "new", "change"), inputRows, List.of(), -1));
    List<String> notes = new ArrayList<>();
    if (!outputs.isEmpty()) {
      notes.add("change = (new - old) / |old|");
    }
    sides.failOver().ifPresent(limit -> {
      int n = over(outputs, sides.failOver()).size();
      notes.add("--fail-over " + Format.percent(limit) + ": " + (n == 0 ? "no output" : n == 1 ? "1 output" : n + " outputs")
          + " moved by more than " + Format.percent(limit));
    });
    blocks.add(outputs.isEmpty()
        ? new Report.Block("Outputs", List.of(), List.of(), prepend("no output moved", notes))
        : new Report.Block("Outputs", List.of("output", "old", "new", "change"), outputRows, notes));
    return new Report(title, lines, blocks, tree);
  }

  /**
   * CSV: one row per change, {@code part,path,change,old,new,relative_change}; {@code part} is
   * {@code input} or {@code output}, inputs as written, outputs raw in base units, empty fields where
   * the JSON has null.
   */
  public static String csv(List<Changes.Input> inputs, List<Changes.Output> outputs) {
    StringBuilder sb = new StringBuilder();
    CsvRenderer.line(sb, List.of("part", "path", "change", "old", "new", "relative_change"));
    for (Changes.Input in : inputs) {
      CsvRenderer.line(sb, List.of("input", in.path(), in.change().word(), in.old().orElse(""), in.now().orElse(""), ""));
    }
    for (Changes.Output out : outputs) {
      CsvRenderer.line(sb, List.of("output", out.path(), out.change().word(), out.old().map(Flat::raw).orElse(""),
          out.now().map(Flat::raw).orElse(""),
          out.relative().isPresent() ? JsonRenderer.number(out.relative().getAsDouble()) : ""));
    }
    return sb.toString();
  }

  /** The line that explains exit code 1: how many outputs exceeded the threshold, naming up to five. */
  public static String failure(List<Changes.Output> over, double limit) {
    List<String> named = over.stream().limit(5).map(o -> o.path() + " (" + change(o) + ")").toList();
    return "--fail-over " + Format.percent(limit) + ": " + over.size() + (over.size() == 1 ? " output" : " outputs")
        + " moved by more than " + Format.percent(limit) + ": " + String.join(", ", named)
        + (over.size() > 5 ? ", and " + (over.size() - 5) + " more" : "");
  }

  /** The change column of tables: +12.5%, -3%, "from 0", "added", "removed", "changed" (text). */
  public static String change(Changes.Output out) {
    if (out.change() != Changes.Kind.CHANGED) {
      return out.change().word();
    }
    if (out.fromZero()) {
      return "from 0";
    }
    if (out.relative().isEmpty()) {
      return "changed";
    }
    double percent = out.relative().getAsDouble() * 100;
    return (percent > 0 ? "+" : "") + Format.sig3(percent) + "%";
  }

  private static void text(Tree item, String key, Optional<String> value) {
    if (value.isPresent()) {
      item.put(key, value.get());
    } else {
      item.putNull(key);
    }
  }

  private static void value(Tree item, String key, Optional<Object> value) {
    if (value.isEmpty()) {
      item.putNull(key);
    } else if (value.get() instanceof Tree.Quantity f) {
      item.put(key, f.value(), f.kind());
    } else {
      item.put(key, String.valueOf(value.get()));
    }
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }
}
