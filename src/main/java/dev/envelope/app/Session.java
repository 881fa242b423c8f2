package dev.envelope.app;

import dev.envelope.estimate.Catalog;
import dev.envelope.estimate.Checks;
import dev.envelope.estimate.Derivation;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Lanes;
import dev.envelope.model.Assignment;
import dev.envelope.model.Document;
import dev.envelope.model.InputLocations;
import dev.envelope.model.Limits;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Warning;
import dev.envelope.diagnostic.WarningId;
import dev.envelope.estimate.Section;
import dev.envelope.render.Flat;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One requirements file as every command that reads one sees it: read once, then bound (its base
 * or a scenario, with the {@code --set} overrides after it), each binding estimated once and
 * checked once. Every problem of the file, its scenarios and its overrides is reported at once
 * (exit code 3), whichever part a command prints, so a file is valid or not as a whole.
 */
public final class Session {
  private final Document doc;
  private final List<Assignment> sets;
  private final boolean budgets;
  private final Map<String, Binding> bound = new HashMap<>();
  private Map<String, Requirements> all;

  public Session(Document doc, List<Assignment> sets) {
    this(doc, sets, true);
  }

  /**
   * {@code budgets}: whether a budget that does not read is a problem of the binding (as for an
   * estimate), or left to the caller, which judges the budgets ({@code check}, {@code validate}) and
   * reports every problem of the budgets together.
   */
  private Session(Document doc, List<Assignment> sets, boolean budgets) {
    this.doc = doc;
    this.sets = List.copyOf(sets);
    this.budgets = budgets;
  }

  /** The same file and overrides, with problems of the budgets left to the caller. */
  public Session withoutBudgets() {
    return new Session(doc, sets, false);
  }

  /** The file {@code file} ({@code -}: {@code stdin}) with the overrides {@code sets}. */
  public static Session read(String file, InputStream stdin, List<Assignment> sets) {
    return new Session(Document.parse(Input.label(file), Input.read(file, stdin)), sets);
  }

  public Document document() {
    return doc;
  }

  public List<Assignment> sets() {
    return sets;
  }

  /** The base and every scenario, read; every problem of all of them at once (exit 3). */
  private Map<String, Requirements> requirements() {
    if (all == null) {
      all = doc.bindAll(Need.ESTIMATE, sets, budgets);
    }
    return all;
  }

  /**
   * The base, or {@code scenario}, estimated. Every scenario is read too, so that a file is valid or
   * not whichever part is printed; an unknown scenario is a command-line error naming those there are.
   */
  public Binding one(Optional<String> scenario) {
    Map<String, Requirements> reqs = requirements();
    String name = scenario.orElse(Document.BASE);
    Requirements req = reqs.get(name);
    if (req == null || (scenario.isPresent() && scenario.get().equals(Document.BASE))) {
      req = doc.bind(Need.ESTIMATE, scenario, sets); // names the scenarios there are
    }
    return binding(name, req);
  }

  /**
   * The base and every scenario, each estimated, in file order. The work is held to the budget:
   * an estimate per scenario (docs/errors.md).
   */
  public Map<String, Binding> all() {
    Map<String, Requirements> reqs = requirements();
    Binding base = binding(Document.BASE, reqs.get(Document.BASE));
    List<Derivation.Step> steps = base.estimate().steps();
    Limits.work(reqs.size(), steps.size(), Lanes.cost(steps), 0, 1, null, 0, doc.location("scenarios"), "scenarios");
    Map<String, Binding> out = new LinkedHashMap<>();
    for (Map.Entry<String, Requirements> r : reqs.entrySet()) {
      out.put(r.getKey(), r.getKey().equals(Document.BASE) ? base : binding(r.getKey(), r.getValue()));
    }
    return out;
  }

  private Binding binding(String name, Requirements req) {
    Binding b = bound.get(name);
    if (b == null) {
      Optional<String> scenario = name.equals(Document.BASE) ? Optional.empty() : Optional.of(name);
      InputLocations where = doc.locations(scenario, sets);
      Estimate estimate = Catalog.estimate(req, where);
      List<Warning> warnings = new ArrayList<>(Checks.run(req, estimate, where));
      warnings.addAll(noEffect(scenario, estimate));
      List<Warning> kept = new ArrayList<>();
      for (Warning w : Warning.sorted(warnings)) {
        if (!doc.accepted().contains(w.id())) {
          kept.add(w);
        }
      }
      b = new Binding(name, scenario, req, estimate, List.copyOf(kept));
      bound.put(name, b);
    }
    return b;
  }

  /**
   * The overrides of {@code scenario} and {@code --set} (and a sweep's {@code --vary}) that change no
   * figure of {@code estimate}: a path no step uses (a file-wide peak factor where every workload
   * has its own, users.dau where every rate is absolute) is estimated again without the override,
   * and warned about when every figure is the same. Only such paths cost a second estimate.
   */
  private List<Warning> noEffect(Optional<String> scenario, Estimate estimate) {
    List<Assignment> given = doc.overrides(scenario, sets);
    if (given.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Derivation.Step step : estimate.steps()) {
      for (Derivation.Operand o : step.operands()) {
        // An input shown as its own figure (users.dau) is not a use of it.
        o.from().path().filter(p -> !p.equals(step.path())).ifPresent(used::add);
      }
    }
    List<Warning> out = new ArrayList<>();
    List<Flat.Row> figures = null;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = given.size() - 1; i >= 0; i--) {
      Assignment a = given.get(i);
      String path = a.dottedPath();
      // The last override of a path is the one that holds.
      // The name and the units change what is shown, not a figure.
      if (!seen.add(path) || used.contains(path) || path.equals("name") || path.equals("conventions.units")) {
        continue;
      }
      try {
        List<Assignment> without = new ArrayList<>(given);
        without.remove(i);
        Requirements other = doc.bindOverrides(Need.ESTIMATE, without);
        Estimate e = Catalog.estimate(other, doc.locations(Optional.empty(), without));
        if (figures == null) {
          figures = Flat.rows(Reports.figures(estimate, Section.all()).tree());
        }
        if (others(figures, path).equals(others(Flat.rows(Reports.figures(e, Section.all()).tree()), path))) {
          out.add(new Warning(a.origin(), path, "changes no figure: the estimate does not use " + path
              + " here (a workload's own value, an absolute rate or an absent section takes its place); check the"
              + " path, or drop the override", WarningId.NO_EFFECT));
        }
      } catch (EnvelopeException without) {
        // Without the override the file does not estimate: the override matters.
      }
    }
    return out;
  }

  /** The figures but the one that shows the input at {@code path} as written. */
  private static List<Flat.Row> others(List<Flat.Row> rows, String path) {
    return rows.stream().filter(r -> !r.path().equals(path)).toList();
  }
}
