package dev.envelope.render;

import dev.envelope.diagnostic.Warning;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;

/** The outcome of {@code envelope check}: one row per budget and scenario. */
public final class CheckReport {
  public static final String SCHEMA = "envelope.check/v1";

  private CheckReport() {}

  public static Report build(String file, List<Budgets.Result> results, UnitSystem units) {
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.put("file", file);
    long failed = results.stream().filter(r -> !r.passed()).count();
    tree.put("passed", failed == 0);
    List<Tree> list = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (Budgets.Result r : results) {
      Tree t = new Tree();
      t.put("scenario", r.scenario());
      t.put("path", r.budget().path());
      r.budget().percentile().ifPresent(p -> t.put("percentile", p, Kind.NUMBER));
      t.put("comparison", r.budget().comparison().symbol());
      t.put("limit", r.budget().limit());
      t.put("limit_value", r.limit(), r.actual().kind());
      t.put("actual", r.actual().value(), r.actual().kind());
      t.put("margin", r.margin(), r.actual().kind());
      t.put("margin_fraction", r.marginFraction(), Kind.FRACTION);
      t.put("passed", r.passed());
      r.point().ifPresent(p -> t.put("point_value", p, r.actual().kind()));
      r.why().ifPresent(y -> {
        Tree w = new Tree();
        w.putList("drivers", y.drivers().stream().map(d -> new Tree().put("input", d.input())
            .put("figure_at_low", d.atLow(), r.actual().kind()).put("figure_at_high", d.atHigh(), r.actual().kind())).toList());
        if (!y.none().isEmpty()) {
          w.put("no_drivers", y.none());
        }
        w.put("explain", y.explain());
        t.put("why", w);
      });
      list.add(t);
      rows.add(List.of(r.passed() ? "pass" : "FAIL", r.scenario(), r.budget().path(),
          r.budget().written(), Display.display(r.actual(), units), Budgets.margin(r, units)));
      if (r.why().isPresent()) {
        why.addAll(why(r, units));
      }
    }
    tree.putList("budgets", list);
    List<String> notes = new ArrayList<>();
    notes.add(results.isEmpty() ? "no budgets in the file; add budgets: {capacity.servers: \"<= 40\"}"
        : (results.size() - failed) + " of " + results.size() + " budgets hold"
            + "; margin = room left before the budget breaks (below zero it has; at zero a < or > budget has too)");
    Report.Block block = new Report.Block("Budgets",
        List.of("result", "scenario", "budget", "limit", "actual", "margin"), rows, notes, 4);
    List<Report.Block> blocks = new ArrayList<>(List.of(block));
    if (!why.isEmpty()) {
      blocks.add(new Report.Block("Failing budgets", List.of(), List.of(), why));
    }
    return new Report("envelope check (" + file + ")", List.of(), blocks, tree);
  }

  /**
   * A failing budget for the person reading a CI log: the value against the limit (and the point
   * value beside a percentile), the inputs that move it most, and the command to look further.
   */
  private static List<String> why(Budgets.Result r, UnitSystem units) {
    Budgets.Why why = r.why().orElseThrow();
    List<String> lines = new ArrayList<>();
    String at = r.budget().percentile().isPresent()
        ? " at p" + Format.sig3(r.budget().percentile().getAsDouble()) + r.point().stream()
            .mapToObj(p -> " (point value " + Display.display(new Tree.Quantity(p, r.actual().kind()), units) + ")")
            .findFirst().orElse("")
        : "";
    lines.add(r.budget().path() + " in " + (r.scenario().equals("base") ? "the base" : "scenario " + r.scenario())
        + ": " + Display.display(r.actual(), units) + at + ", against " + r.budget().written() + "; margin "
        + Budgets.margin(r, units));
    if (why.drivers().isEmpty()) {
      lines.add("  inputs that move it most: " + why.none());
    } else {
      lines.add("  inputs that move it most (the figure with each at its p5 and its p95):");
      for (Budgets.Driver d : why.drivers()) {
        lines.add("    " + d.input() + ": " + Display.display(new Tree.Quantity(d.atLow(), r.actual().kind()), units)
            + " to " + Display.display(new Tree.Quantity(d.atHigh(), r.actual().kind()), units));
      }
    }
    lines.add("  next: " + why.explain());
    return lines;
  }

  /**
   * GitHub Actions annotations ({@code -o github}): an {@code ::error} at each failing budget's
   * place in the file, its message the lines of {@code Failing budgets}; a {@code ::warning} at each
   * warning's; then the count of budgets that hold, as a plain line of the log.
   */
  public static String github(String file, List<Budgets.Result> results, List<Warning> warnings, UnitSystem units) {
    StringBuilder sb = new StringBuilder();
    for (Warning w : warnings) {
      sb.append(annotation("warning", w.location(), w.path() + " [" + w.id() + "]", List.of(w.message())));
    }
    long failed = 0;
    for (Budgets.Result r : results) {
      if (r.passed()) {
        continue;
      }
      failed++;
      List<String> lines = r.why().isPresent() ? why(r, units) : List.of(r.budget().path() + ": failed");
      sb.append(annotation("error", r.budget().location(), "budget " + r.budget().path() + " failed in "
          + r.scenario(), lines.stream().map(String::strip).toList()));
    }
    sb.append(Escape.table("envelope check " + file + ": " + (results.size() - failed) + " of " + results.size()
        + " budgets hold")).append('\n');
    return sb.toString();
  }

  /** One workflow command: {@code ::KIND file=F,line=L,col=C,title=T::MESSAGE}; no line or column for an argument. */
  static String annotation(String kind, dev.envelope.diagnostic.Location at, String title, List<String> message) {
    StringBuilder sb = new StringBuilder("::").append(kind).append(" file=").append(Escape.githubProperty(at.file()));
    if (!at.isArgument()) {
      sb.append(",line=").append(at.line()).append(",col=").append(at.column());
    }
    sb.append(",title=").append(Escape.githubProperty(title));
    return sb.append("::").append(Escape.githubData(message)).append('\n').toString();
  }

  /**
   * JUnit XML ({@code -o junit}), which CI servers show as test results: one test suite for the
   * file, one test case per budget and scenario (class name the scenario, name the budget), a
   * failing one with its {@code Failing budgets} lines. No times or timestamps: the same input gives
   * the same bytes.
   */
  public static String junit(String file, List<Budgets.Result> results, UnitSystem units) {
    long failed = results.stream().filter(r -> !r.passed()).count();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    String counts = " tests=\"" + results.size() + "\" failures=\"" + failed + "\" errors=\"0\" skipped=\"0\"";
    sb.append("<testsuites name=\"envelope check\"").append(counts).append(">\n");
    sb.append("  <testsuite name=\"").append(Escape.xml(file)).append('"').append(counts).append(">\n");
    for (Budgets.Result r : results) {
      String name = r.budget().path() + " " + r.budget().written();
      sb.append("    <testcase classname=\"").append(Escape.xml(r.scenario())).append("\" name=\"")
          .append(Escape.xml(name)).append("\" file=\"").append(Escape.xml(r.budget().location().file())).append('"');
      if (!r.budget().location().isArgument()) {
        sb.append(" line=\"").append(r.budget().location().line()).append('"');
      }
      if (r.passed()) {
        sb.append("/>\n");
        continue;
      }
      List<String> lines = r.why().isPresent() ? why(r, units) : List.of(r.budget().path() + ": failed");
      sb.append(">\n      <failure type=\"budget\" message=\"").append(Escape.xml(lines.get(0))).append("\">");
      sb.append(String.join("\n", lines.stream().map(Escape::xml).toList()));
      sb.append("</failure>\n    </testcase>\n");
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    return sb.toString();
  }
}
