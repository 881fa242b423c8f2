package dev.envelope.render;

import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.estimate.Napkin;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An estimate in napkin figures beside the exact ones: for tables, one block per section with a
 * row per figure ({@code ~3 x 10^3 /s} beside {@code 3.47 K/s}); for JSON, a {@code napkin} object
 * that mirrors the figures' paths, each with its napkin {@code value} and {@code display}, while
 * every existing path keeps its exact value.
 */
public final class NapkinReport {
  private static final CalendarUnit[] LENGTHS = {CalendarUnit.DAY, CalendarUnit.WEEK, CalendarUnit.MONTH,
    CalendarUnit.YEAR};

  private NapkinReport() {}

  /** The line under a table's header that states the napkin rule and lengths. */
  public static String rule(TimeBase time) {
    List<String> lengths = new ArrayList<>();
    for (CalendarUnit unit : LENGTHS) {
      lengths.add(unit.key() + " " + ExplainReport.powers(Napkin.length(unit, time.seconds(unit))) + " s");
    }
    return "napkin: one significant figure at each step; " + String.join(", ", lengths);
  }

  /**
   * {@code estimate} with its tables replaced by napkin tables (its Assumptions kept), and its tree
   * given a {@code napkin} object, for the figures it has.
   */
  public static Report build(Report estimate, List<Step> steps, Map<String, Napkin.Working> napkin, TimeBase time,
      UnitSystem units) {
    Tree tree = estimate.tree();
    Tree mirror = new Tree();
    Tree conventions = mirror.child("conventions");
    for (CalendarUnit unit : LENGTHS) {
      double seconds = Napkin.length(unit, time.seconds(unit));
      Tree t = conventions.child("seconds_per_" + unit.key());
      t.put("value", seconds, Kind.SECONDS);
      t.put("display", ExplainReport.napkinDisplay(seconds, Unit.SECONDS));
    }
    Map<String, List<List<String>>> sections = new LinkedHashMap<>();
    for (String section : List.of("Users", "Traffic", "Bandwidth", "Storage", "Cache", "Capacity", "Connections",
        "Fan-out on write", "Availability", "Cost")) {
      sections.put(section, new ArrayList<>());
    }
    Map<String, Step> byPath = new LinkedHashMap<>();
    steps.forEach(s -> byPath.put(s.path(), s));
    for (Map.Entry<String, Object> e : tree.children().entrySet()) {
      if (e.getValue() instanceof Tree t && !e.getKey().equals("conventions")) {
        mirror(t, List.of(e.getKey()), mirror, byPath, napkin, sections, units);
      }
    }
    tree.put("napkin", mirror);
    List<Report.Block> blocks = new ArrayList<>();
    sections.forEach((title, rows) -> {
      if (!rows.isEmpty()) {
        blocks.add(new Report.Block(title, List.of("", "napkin", "exact"), rows, List.of()));
      }
    });
    estimate.blocks().stream().filter(b -> b.title().equals("Assumptions")).forEach(blocks::add);
    List<String> header = new ArrayList<>(estimate.header());
    header.add(rule(time));
    return new Report(estimate.title() + ": napkin", header, blocks, tree);
  }

  /**
   * Adds the napkin figure of each figure of {@code source} (at {@code keys}, dotted {@code path})
   * at the same keys of {@code mirror}, and its table row to {@code sections}.
   */
  private static void mirror(Tree source, List<String> keys, Tree mirror, Map<String, Step> steps,
      Map<String, Napkin.Working> napkin, Map<String, List<List<String>>> sections, UnitSystem units) {
    for (Map.Entry<String, Object> e : source.children().entrySet()) {
      List<String> here = new ArrayList<>(keys);
      here.add(e.getKey());
      String at = String.join(".", here);
      if (e.getValue() instanceof Tree t) {
        mirror(t, here, mirror, steps, napkin, sections, units);
      } else if (e.getValue() instanceof Tree.Quantity exact && steps.containsKey(at) && napkin.containsKey(at)) {
        double value = napkin.get(at).value();
        String display = ExplainReport.napkinDisplay(value, steps.get(at).unit());
        Tree leaf = mirror;
        for (String key : here) {
          leaf = leaf.child(key);
        }
        leaf.put("value", value, exact.kind());
        leaf.put("display", display);
        List<List<String>> rows = sections.get(section(here));
        String words = label(here, steps.get(at));
        // Two figures of the same words (one per alert of a list): the path tells them apart.
        String label = rows.stream().anyMatch(r -> r.get(0).equals(words)) ? words + " (" + at + ")" : words;
        rows.add(List.of(label, ExplainReport.napkinNamed(value, steps.get(at).unit()), Display.display(exact, units)));
      }
    }
  }

  /**
   * A figure's row label, as the estimate's tables word it: the workload's name, then the figure's
   * words up to their first explanation ({@code tweet peak writes a second}, {@code all bytes stored a
   * year}, {@code cache nodes}); the JSON path is {@code explain}'s and {@code --get}'s.
   */
  static String label(List<String> keys, Step step) {
    String words = step.words();
    for (String cut : List.of(": ", ", by ", ", as ")) {
      int at = words.indexOf(cut);
      if (at > 0) {
        words = words.substring(0, at);
      }
    }
    return keys.get(0).equals("workloads") && keys.size() > 1 ? keys.get(1) + " " + words : words;
  }

  /** The table a figure belongs in, by its path. */
  private static String section(List<String> keys) {
    String key = keys.get(0).equals("workloads") && keys.size() > 2 ? keys.get(2) : keys.get(0);
    String next = keys.get(0).equals("workloads") && keys.size() > 3 ? keys.get(3) : "";
    return switch (key) {
      // How a workload reaches its users: its requests with the traffic, its bytes with theirs.
      case "cdn" -> next.equals("origin_reads") ? "Traffic" : "Bandwidth";
      case "connections" -> next.equals("heartbeats") ? "Traffic" : "Connections";
      case "fanout_on_write" -> switch (next) {
        case "timeline_writes" -> "Traffic";
        case "storage" -> "Storage";
        default -> "Fan-out on write";
      };
      case "payload_bytes" -> "Storage";
      case "users" -> "Users";
      case "writes", "reads", "peak_factor", "traffic" -> "Traffic";
      case "ingress", "egress", "bandwidth" -> "Bandwidth";
      case "storage" -> "Storage";
      case "cache" -> "Cache";
      case "capacity" -> "Capacity";
      case "cost" -> "Cost";
      default -> "Availability";
    };
  }
}
