package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import dev.envelope.diagnostic.WarningId;
import dev.envelope.model.Node.Entry;
import dev.envelope.model.Node.MapNode;
import dev.envelope.model.Node.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed requirements file before binding: its tree, its named scenarios and its budgets. Binds
 * to {@link Requirements} with a scenario and command-line overrides applied, in that order.
 */
public final class Document {
  /** The name under which the file's own values appear beside its scenarios. */
  public static final String BASE = "base";

  private final String file;
  private final Node root;
  private final Map<String, List<Assignment>> scenarios = new LinkedHashMap<>();
  private final List<Budget> budgets = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<Diagnostic> budgetProblems = new ArrayList<>();
  private final Set<WarningId> accepted = java.util.EnumSet.noneOf(WarningId.class);

  private Document(String file, Node root) {
    this.file = file;
    this.root = root;
    if (root instanceof MapNode map) {
      readScenarios(map.entries().get("scenarios"));
      readBudgets(map.entries().get("budgets"));
      readLint(map.entries().get("lint"));
    }
  }

  public static Document parse(String file, byte[] bytes) {
    return new Document(file, TreeParser.parse(file, bytes));
  }

  public String file() {
    return file;
  }

  public Node root() {
    return root;
  }

  /** Where the top-level key {@code key} is written, or the start of the file. */
  public Location location(String key) {
    if (root instanceof MapNode map && map.entries().containsKey(key)) {
      return map.entries().get(key).keyLocation();
    }
    return root.location();
  }

  /** Scenario names in file order. */
  public List<String> scenarioNames() {
    return List.copyOf(scenarios.keySet());
  }

  /** The budgets that read; those that did not are in {@link #budgetProblems()}. */
  public List<Budget> budgets() {
    return List.copyOf(budgets);
  }

  /** The warnings the file accepts ({@code lint: {accept: [id, ...]}}): not printed, and not errors under --strict. */
  public Set<WarningId> accepted() {
    return java.util.Collections.unmodifiableSet(accepted);
  }

  /** Budgets that do not read as a comparison and a limit. */
  public List<Diagnostic> budgetProblems() {
    return List.copyOf(budgetProblems);
  }

  /**
   * The requirements with {@code scenario}'s overrides (if any), then {@code sets}, applied.
   * Every problem, in the file, the scenario or the overrides, is reported at once (exit 3).
   */
  public Requirements bind(RequirementsReader.Need need, Optional<String> scenario, List<Assignment> sets) {
    return bind(need, scenario, sets, true);
  }

  private Requirements bind(RequirementsReader.Need need, Optional<String> scenario, List<Assignment> sets,
      boolean withBudgets) {
    List<Assignment> all = new ArrayList<>();
    if (scenario.isPresent()) {
      String name = scenario.get();
      if (!scenarios.containsKey(name)) {
        throw new EnvelopeException(EnvelopeException.USAGE, "--scenario " + Diagnostic.got(name) + ": no such scenario in "
            + file + "; expected " + (scenarios.isEmpty() ? "a file with a scenarios: section"
                : "one of: " + String.join(", ", scenarios.keySet())));
      }
      all.addAll(scenarios.get(name));
    }
    all.addAll(sets);
    List<Diagnostic> found = new ArrayList<>(problems);
    if (withBudgets) {
      found.addAll(budgetProblems);
    }
    return RequirementsReader.bind(file, apply(all, found), need, found, dottedPaths(all));
  }

  /**
   * The tree that {@link #bind} reads for {@code scenario} and {@code sets}: the file with their
   * values in place, each located where it was given (the scenario's line in the file, or the
   * {@code --set} argument). Problems are left to {@link #bind}; call it first.
   */
  public Node tree(Optional<String> scenario, List<Assignment> sets) {
    return apply(assignments(scenario, sets), new ArrayList<>());
  }

  /**
   * Where each input of {@link #bind} with the same scenario and overrides was written, for
   * messages about the values (warnings). Call it after {@code bind}, which reports the problems.
   */
  public InputLocations locations(Optional<String> scenario, List<Assignment> sets) {
    return new InputLocations(root, tree(scenario, sets));
  }

  /** The overrides of {@code scenario} (if any), then {@code sets}, in the order they apply. */
  public List<Assignment> overrides(Optional<String> scenario, List<Assignment> sets) {
    return List.copyOf(assignments(scenario, sets));
  }

  /**
   * The requirements with {@code overrides} applied to the file's own values, as {@link #bind}
   * reads them (after a successful {@code bind}): to see what one override changes, bind the others.
   */
  public Requirements bindOverrides(RequirementsReader.Need need, List<Assignment> overrides) {
    List<Diagnostic> found = new ArrayList<>(problems);
    return RequirementsReader.bind(file, apply(overrides, found), need, found, dottedPaths(overrides));
  }

  private static Set<String> dottedPaths(List<Assignment> assignments) {
    Set<String> out = new java.util.HashSet<>();
    for (Assignment a : assignments) {
      out.add(a.dottedPath());
    }
    return out;
  }

  private List<Assignment> assignments(Optional<String> scenario, List<Assignment> sets) {
    List<Assignment> all = new ArrayList<>();
    if (scenario.isPresent() && scenarios.get(scenario.get()) != null) {
      all.addAll(scenarios.get(scenario.get()));
    }
    all.addAll(sets);
    return all;
  }

  /** The tree with {@code all} applied in order; overrides that cannot apply are added to {@code found}. */
  private Node apply(List<Assignment> all, List<Diagnostic> found) {
    Node tree = root;
    for (Assignment a : all) {
      String top = a.path().get(0);
      if (top.equals("scenarios") || top.equals("budgets") || top.equals("lint")) {
        found.add(new Diagnostic(a.origin(), a.dottedPath(),
            "an override cannot change " + top + "; expected an input path such as users.dau (edit the file for "
                + top + ")"));
        continue;
      }
      tree = set(tree, a, 0, found);
    }
    return tree;
  }

  /** Binds the file and each of its scenarios, reporting the problems of all of them at once. */
  public Map<String, Requirements> bindAll(RequirementsReader.Need need, List<Assignment> sets) {
    return bindAll(need, sets, true);
  }

  /**
   * Like {@link #bindAll(RequirementsReader.Need, List)}; without {@code withBudgets}, budgets
   * that do not read are left for the caller to report with the other budget problems.
   */
  public Map<String, Requirements> bindAll(RequirementsReader.Need need, List<Assignment> sets, boolean withBudgets) {
    Map<String, Requirements> out = new LinkedHashMap<>();
    java.util.Set<Diagnostic> found = new java.util.LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    names.add(BASE);
    names.addAll(scenarios.keySet());
    for (String name : names) {
      if (!name.equals(BASE)) {
        // Each scenario reads the whole file again: held to the work budget before the first.
        Diagnostic past = Limits.reading(names.size(), boundValues(), location("scenarios"));
        if (past != null) {
          found.add(past);
          break;
        }
      }
      try {
        out.put(name, bind(need, name.equals(BASE) ? Optional.empty() : Optional.of(name), sets, withBudgets));
      } catch (EnvelopeException e) {
        if (e.exitCode() != EnvelopeException.INVALID_INPUT) {
          throw e;
        }
        found.addAll(e.diagnostics());
      }
    }
    if (!found.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, Diagnostic.sorted(found));
    }
    return out;
  }

  /**
   * The values read to bind the file once with every scenario, as each command that reads it does
   * (the base and each scenario read the file's values again): {@link #boundValues} x (1 +
   * scenarios).
   */
  public long valuesRead() {
    return boundValues() * (1 + scenarios.size());
  }

  /**
   * The values that each binding reads: the file's but its scenarios and budgets, which are read
   * once, here.
   */
  private long boundValues() {
    if (!(root instanceof MapNode map)) {
      return values(root);
    }
    return map.entries().values().stream().filter(e -> !e.key().equals("scenarios") && !e.key().equals("budgets"))
        .mapToLong(e -> values(e.value())).sum();
  }

  /** The values (scalars) in {@code node}: what reading it costs. */
  private static long values(Node node) {
    if (node instanceof MapNode map) {
      return map.entries().values().stream().mapToLong(e -> values(e.value())).sum();
    }
    if (node instanceof Node.ListNode list) {
      return list.items().stream().mapToLong(Document::values).sum();
    }
    return 1;
  }

  /** Sets {@code a}'s value at its path in {@code node}, creating mappings on the way. */
  private static Node set(Node node, Assignment a, int depth, List<Diagnostic> found) {
    if (depth == a.path().size()) {
      return new Scalar(a.origin(), a.value());
    }
    MapNode map;
    if (node instanceof MapNode m) {
      map = m;
    } else if (node == null || (node instanceof Scalar s && s.text() == null)) {
      map = new MapNode(a.origin(), Map.of());
    } else {
      String at = String.join(".", a.path().subList(0, depth));
      found.add(new Diagnostic(a.origin(), a.dottedPath(), "cannot set inside " + at + ", which holds "
          + Node.kind(node) + "; expected a path to a field, e.g. users.dau"));
      return node;
    }
    String key = a.path().get(depth);
    Entry existing = map.entries().get(key);
    Node child = set(existing == null ? null : existing.value(), a, depth + 1, found);
    Map<String, Entry> entries = new LinkedHashMap<>(map.entries());
    entries.put(key, new Entry(key, existing == null ? a.origin() : existing.keyLocation(), child));
    return new MapNode(map.location(), entries);
  }

  private void readScenarios(Entry entry) {
    if (entry == null) {
      return;
    }
    if (!(entry.value() instanceof MapNode map)) {
      problems.add(new Diagnostic(entry.value().location(), "scenarios", "got " + Node.kind(entry.value())
          + "; expected named sets of overrides, e.g. scenarios: {holiday: {users.dau: 300M}}"));
      return;
    }
    if (map.entries().size() > Limits.MAX_SCENARIOS) {
      Entry beyond = new ArrayList<>(map.entries().values()).get(Limits.MAX_SCENARIOS);
      problems.add(Limits.tooMany(beyond.keyLocation(), "scenarios", "scenarios", map.entries().size(),
          Limits.MAX_SCENARIOS, "each is a whole estimate again"));
      return;
    }
    for (Entry scenario : map.entries().values()) {
      String path = "scenarios." + scenario.key();
      if (scenario.key().equals(BASE)) {
        problems.add(new Diagnostic(scenario.keyLocation(), path,
            "'base' names the file's own values; expected another scenario name"));
        continue;
      }
      if (!(scenario.value() instanceof MapNode overrides)) {
        problems.add(new Diagnostic(scenario.value().location(), path, "got " + Node.kind(scenario.value())
            + "; expected overrides such as {users.dau: 300M, traffic.peak_factor: 5}"));
        continue;
      }
      List<Assignment> list = new ArrayList<>();
      for (Entry o : overrides.entries().values()) {
        if (!(o.value() instanceof Scalar s) || s.text() == null || o.key().isBlank()) {
          problems.add(new Diagnostic(o.value().location(), path + "." + o.key(),
              "got " + Node.kind(o.value()) + "; expected a single value, e.g. users.dau: 300M"));
          continue;
        }
        List<String> parts = List.of(o.key().split("\\."));
        if (parts.size() > Limits.MAX_DEPTH) {
          problems.add(new Diagnostic(o.keyLocation(), path + "." + Diagnostic.got(o.key()), "a path of "
              + Limits.grouped(parts.size()) + " levels; expected an input path of at most " + Limits.MAX_DEPTH
              + ", e.g. users.dau"));
          continue;
        }
        list.add(new Assignment(parts, s.text(), s.location()));
      }
      scenarios.put(scenario.key(), list);
    }
  }

  private void readBudgets(Entry entry) {
    if (entry == null) {
      return;
    }
    if (!(entry.value() instanceof MapNode map)) {
      budgetProblems.add(new Diagnostic(entry.value().location(), "budgets", "got " + Node.kind(entry.value())
          + "; expected output paths with limits, e.g. budgets: {capacity.servers: \"<= 40\"}"));
      return;
    }
    if (map.entries().size() > Limits.MAX_BUDGETS) {
      Entry beyond = new ArrayList<>(map.entries().values()).get(Limits.MAX_BUDGETS);
      budgetProblems.add(Limits.tooMany(beyond.keyLocation(), "budgets", "budgets", map.entries().size(),
          Limits.MAX_BUDGETS, "each is judged in the base and in every scenario"));
      return;
    }
    for (Entry b : map.entries().values()) {
      String path = "budgets." + b.key();
      if (!(b.value() instanceof Scalar s) || s.text() == null) {
        budgetProblems.add(new Diagnostic(b.value().location(), path,
            "got " + Node.kind(b.value()) + "; expected a limit such as \"<= 40\" or \"< 2PB\""));
        continue;
      }
      try {
        budgets.add(Budget.parse(b.key(), s.text(), s.location()));
      } catch (dev.envelope.units.QuantityException q) {
        budgetProblems.add(new Diagnostic(s.location(), path,
            q.problem() + " (got '" + Diagnostic.got(s.text()) + "'); expected " + q.expected()));
      }
    }
  }

  /** {@code lint: {accept: [id, ...]}}: every id must name a warning; a problem is one of the file's (exit 3). */
  private void readLint(Entry entry) {
    if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
      return;
    }
    String example = "; expected lint: {accept: [single-point-of-failure]}";
    if (!(entry.value() instanceof MapNode map)) {
      problems.add(new Diagnostic(entry.value().location(), "lint", "got " + Node.kind(entry.value()) + example));
      return;
    }
    for (Entry e : map.entries().values()) {
      if (!e.key().equals("accept")) {
        String near = Suggest.closest(e.key(), List.of("accept"));
        problems.add(new Diagnostic(e.keyLocation(), "lint." + Diagnostic.got(e.key()), "unknown key"
            + (near == null ? "" : " (did you mean '" + near + "'?)") + "; expected accept"));
        continue;
      }
      if (!(e.value() instanceof Node.ListNode list)) {
        problems.add(new Diagnostic(e.value().location(), "lint.accept", "got " + Node.kind(e.value())
            + "; expected a list of warning ids, e.g. [single-point-of-failure]"));
        continue;
      }
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String path = "lint.accept[" + i + "]";
        Optional<WarningId> id = item instanceof Scalar s && s.text() != null ? WarningId.of(s.text().strip())
            : Optional.empty();
        if (id.isPresent()) {
          accepted.add(id.get());
          continue;
        }
        if (!(item instanceof Scalar s) || s.text() == null) {
          problems.add(new Diagnostic(item.location(), path, "got " + Node.kind(item) + "; expected a warning id"));
          continue;
        }
        String near = Suggest.closest(s.text().strip(), WarningId.ids());
        problems.add(new Diagnostic(item.location(), path, "unknown warning id"
            + (near == null ? "" : " (did you mean '" + near + "'?)") + " (got '" + Diagnostic.got(s.text())
            + "'); expected one of: " + String.join(", ", WarningId.ids())));
      }
    }
  }
}
