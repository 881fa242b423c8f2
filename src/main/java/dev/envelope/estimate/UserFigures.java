package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.FileSpec;
import dev.envelope.model.Formula;
import dev.envelope.model.FormulaException;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.UserFigure;
import dev.envelope.model.Requirements.UserInput;
import dev.envelope.model.Suggest;
import dev.envelope.diagnostic.Warning;
import dev.envelope.units.Dimension;
import dev.envelope.units.TimeBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The figures a file declares of its own ({@code figures:}), declared into the same catalog as the
 * built-in ones: each formula's references are resolved against the estimate's figures, the file's
 * values and its {@code inputs:}, its units checked, and its tree turned into the catalog's terms,
 * so that from here a file's figure is a figure like any other (evaluated on lanes, explained,
 * napkin-worked, in JSON under {@code figures.NAME}).
 *
 * <p>Every problem is reported at once, at its place in the file (a column inside a formula): an
 * unknown reference (with the nearest known ones), a cycle (naming its members), a unit that
 * disagrees. A reference to a figure this file does not have (reads, say, in a file without any)
 * leaves the figure absent, with a warning saying why.
 */
final class UserFigures {
  static final String SOURCE = "the requirements file (figures:)";

  private final Requirements req;
  private final Estimate.Builder out;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final Map<String, UserFigure> figures = new LinkedHashMap<>();
  private final Map<String, UserInput> inputs = new HashMap<>();
  private Map<String, Operand> fileInputs;

  private UserFigures(Requirements req, Estimate.Builder out) {
    this.req = req;
    this.out = out;
    req.figures().forEach(f -> figures.put(f.name(), f));
    req.inputs().forEach(i -> inputs.put(i.name(), i));
  }

  /** Declares {@code req}'s own figures into {@code out}; the built-in ones are declared already. */
  static void declare(Requirements req, Estimate.Builder out) {
    if (req.figures().isEmpty()) {
      return;
    }
    UserFigures u = new UserFigures(req, out);
    Set<String> absent = u.absent();
    u.cycles();
    Map<String, Dimension> units = new HashMap<>();
    for (UserFigure f : req.figures()) {
      if (!absent.contains(f.name())) {
        u.units(f, units, absent);
      }
    }
    if (!u.problems.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, Diagnostic.sorted(u.problems));
    }
    for (UserFigure f : req.figures()) {
      if (!absent.contains(f.name())) {
        u.declare(f, units.get(f.name()));
      }
    }
    u.warnings.forEach(out::warn);
  }

  // References.

  /** What a reference names: a figure (numeric), a value of the file, an input, a figure of the file's own. */
  private sealed interface Target permits Builtin, Value, Own, Absent, Unknown {}

  private record Builtin(String path) implements Target {}

  private record Value(Operand operand) implements Target {}

  private record Own(String name) implements Target {}

  /** A figure or a value this file does not have, and why. */
  private record Absent(String why) implements Target {}

  private record Unknown(String problem, List<String> nearest) implements Target {}

  private Target resolve(String path) {
    if (path.startsWith("figures.")) {
      String name = path.substring("figures.".length());
      return figures.containsKey(name) ? new Own(name)
          : new Unknown("no figure " + name + " in figures:", nearest(name, figures.keySet(), "figures."));
    }
    if (path.startsWith("inputs.")) {
      String name = path.substring("inputs.".length());
      UserInput i = inputs.get(name);
      return i != null ? new Value(input(i))
          : new Unknown("no input " + name + " in inputs:", nearest(name, inputs.keySet(), "inputs."));
    }
    if (out.declared(path)) {
      return out.numeric(path) ? new Builtin(path)
          : new Unknown("a text, not a number", List.of());
    }
    Operand value = fileInputs().get(path);
    if (value != null) {
      return new Value(base(value));
    }
    for (Catalog.Pattern p : Catalog.patterns()) {
      if (matches(p.path(), path)) {
        return p.unit() == null ? new Unknown("a text, not a number", List.of())
            : new Absent(path + " is not in this estimate (a figure is absent when its inputs are)");
      }
    }
    for (String input : FileSpec.inputPaths()) {
      if (matches(input, path)) {
        return new Absent(path + " is not given in this file");
      }
    }
    List<String> known = new ArrayList<>();
    out.numericPaths().forEach(known::add);
    return new Unknown("no such figure or value", nearestPaths(path, known));
  }

  /** The file's values the estimate uses, by path, each with its value and where it was written. */
  private Map<String, Operand> fileInputs() {
    if (fileInputs == null) {
      fileInputs = out.inputOperands();
    }
    return fileInputs;
  }

  /** An input of the file's own as an operand. */
  private static Operand input(UserInput i) {
    Unit unit = i.percent() ? Unit.FRACTION : display(i.unit(), "");
    return new Operand("inputs." + i.name(), i.name(), i.value(), unit,
        Source.input("inputs." + i.name(), i.location()));
  }

  /**
   * A value of the file in its base unit: a formula computes per second and in seconds, so 2/day is
   * 2/86,400 per second and 5 years their seconds (the same draws serve both forms).
   */
  private Operand base(Operand o) {
    TimeBase time = req.conventions().time();
    Unit u = o.unit();
    return switch (u.measure()) {
      case PER_PERIOD -> new Operand(o.from().path().orElseThrow(), o.words(),
          o.value() / time.seconds(u.period().orElseThrow()), Unit.PER_SECOND, o.from());
      case PERIODS -> new Operand(o.from().path().orElseThrow(), o.words(),
          o.value() * time.seconds(u.period().orElseThrow()), Unit.SECONDS, o.from());
      default -> new Operand(o.from().path().orElseThrow(), o.words(), o.value(), u, o.from(), o.length());
    };
  }

  /** Whether {@code pattern} ({@code *} for one key) names {@code path}. */
  private static boolean matches(String pattern, String path) {
    if (!pattern.contains("*")) {
      return pattern.equals(path);
    }
    String regex = "\\Q" + pattern.replace("*", "\\E[^.]+\\Q") + "\\E";
    return Pattern.matches(regex.replace("workloads.\\E[^.]+\\Q", "workloads.\\E.+\\Q"), path);
  }

  private static List<String> nearest(String name, Set<String> names, String prefix) {
    String best = Suggest.closest(name, names);
    return best == null ? names.stream().limit(5).map(n -> prefix + n).toList() : List.of(prefix + best);
  }

  private static List<String> nearestPaths(String path, List<String> known) {
    String best = Suggest.closest(path, known);
    if (best != null) {
      return List.of(best);
    }
    String prefix = path;
    while (prefix.contains(".")) {
      prefix = prefix.substring(0, prefix.lastIndexOf('.'));
      String p = prefix + ".";
      List<String> hits = known.stream().filter(k -> k.startsWith(p)).limit(5).toList();
      if (!hits.isEmpty()) {
        return hits;
      }
    }
    return known.stream().limit(5).toList();
  }

  // Checks.

  /**
   * The figures that are absent here, each with a warning: those naming an absent figure or value,
   * and, in turn, those naming one of them. Unknown references are problems.
   */
  private Set<String> absent() {
    Set<String> absent = new LinkedHashSet<>();
    Map<String, String> why = new HashMap<>();
    for (UserFigure f : req.figures()) {
      for (Formula.Reference r : f.formula().references()) {
        Target t = resolve(r.path());
        if (t instanceof Unknown u) {
          problems.add(new Diagnostic(f.formulaNode().at(r.start()), "figures." + f.name() + ".formula",
              r.path() + ": " + u.problem() + (u.nearest().isEmpty() ? "" : " (did you mean "
                  + String.join(", ", u.nearest()) + "?)") + "; expected a figure path as envelope estimate FILE -o json"
                  + " prints it, a value of the file (workloads.NAME.payload), inputs.NAME or figures.NAME"));
        } else if (t instanceof Absent a && !why.containsKey(f.name())) {
          why.put(f.name(), a.why());
          absent.add(f.name());
        }
      }
    }
    // Absent in turn: a figure that names an absent figure of the file's own.
    boolean grew = true;
    while (grew) {
      grew = false;
      for (UserFigure f : req.figures()) {
        if (absent.contains(f.name())) {
          continue;
        }
        for (Formula.Reference r : f.formula().references()) {
          String name = r.path().startsWith("figures.") ? r.path().substring("figures.".length()) : null;
          if (name != null && absent.contains(name)) {
            why.put(f.name(), "it uses figures." + name + ", which is absent");
            absent.add(f.name());
            grew = true;
            break;
          }
        }
      }
    }
    for (String name : absent) {
      UserFigure f = figures.get(name);
      warnings.add(new Warning(f.keyLocation(), "figures." + name, "absent from this estimate: " + why.get(name)
          + "; check the figure's formula, or give what it needs", dev.envelope.diagnostic.WarningId.FIGURE_ABSENT));
    }
    return absent;
  }

  /** Figures of the file's own that use each other in a circle: one problem per circle, naming it. */
  private void cycles() {
    Map<String, List<String>> uses = new HashMap<>();
    for (UserFigure f : req.figures()) {
      List<String> own = new ArrayList<>();
      for (Formula.Reference r : f.formula().references()) {
        if (r.path().startsWith("figures.") && figures.containsKey(r.path().substring("figures.".length()))) {
          own.add(r.path().substring("figures.".length()));
        }
      }
      uses.put(f.name(), own);
    }
    Set<String> done = new java.util.HashSet<>();
    Set<Set<String>> reported = new java.util.HashSet<>();
    for (UserFigure f : req.figures()) {
      List<String> path = new ArrayList<>();
      cycle(f.name(), uses, path, done, reported);
    }
  }

  private void cycle(String name, Map<String, List<String>> uses, List<String> path, Set<String> done,
      Set<Set<String>> reported) {
    int at = path.indexOf(name);
    if (at >= 0) {
      List<String> members = new ArrayList<>(path.subList(at, path.size()));
      if (reported.add(new java.util.HashSet<>(members))) {
        UserFigure first = figures.get(members.get(0));
        members.add(members.get(0));
        problems.add(new Diagnostic(first.keyLocation(), "figures." + first.name(), "figures that use each other in"
            + " a circle: " + String.join(" -> ", members.stream().map(m -> "figures." + m).toList())
            + "; expected each figure to rest, in the end, on the estimate and the inputs"));
      }
      return;
    }
    if (done.contains(name) || path.size() > req.figures().size()) {
      return;
    }
    path.add(name);
    for (String next : uses.getOrDefault(name, List.of())) {
      cycle(next, uses, path, done, reported);
    }
    path.remove(path.size() - 1);
    done.add(name);
  }

  /** The unit of {@code f}'s formula, checked against its declared one; problems at their places. */
  private Dimension units(UserFigure f, Map<String, Dimension> known, Set<String> absent) {
    if (known.containsKey(f.name())) {
      return known.get(f.name());
    }
    known.put(f.name(), null); // in progress: a circle is reported by cycles()
    Dimension unit;
    try {
      unit = f.formula().unitOf(path -> {
        Target t = resolve(path);
        if (t instanceof Own o) {
          Dimension d = absent.contains(o.name()) ? Dimension.NONE : units(figures.get(o.name()), known, absent);
          return d == null ? Dimension.NONE : d;
        }
        if (t instanceof Builtin fig) {
          return dimension(out.unit(fig.path()));
        }
        if (t instanceof Value v) {
          return dimension(v.operand().unit());
        }
        return Dimension.NONE;
      });
    } catch (FormulaException e) {
      problems.add(new Diagnostic(f.formulaNode().at(e.offset()), "figures." + f.name() + ".formula",
          e.problem() + "; expected " + e.expected()));
      known.put(f.name(), Dimension.NONE);
      return Dimension.NONE;
    }
    if (!f.unit().isEmpty()) {
      Dimension declared = Dimension.named(f.unit()).orElseThrow();
      if (!declared.equals(unit)) {
        problems.add(new Diagnostic(f.formulaNode().location(), "figures." + f.name() + ".formula", "the formula gives "
            + unit.describe() + ", but unit says " + f.unit() + " (" + declared.describe() + "); expected a formula in "
            + declared.describe() + ", or unit: " + unit.describe()));
      }
    }
    known.put(f.name(), unit);
    return unit;
  }

  /** The dimension of a value of {@code unit}, as formulas reckon it. */
  static Dimension dimension(Unit unit) {
    return switch (unit.measure()) {
      case COUNT, WHOLE, NUMBER, FRACTION, AVAILABILITY -> Dimension.NONE;
      case PER_SECOND, PER_PERIOD -> Dimension.PER_SECOND;
      case BYTES -> Dimension.BYTES;
      case BYTES_PER_SECOND -> Dimension.BYTES_PER_SECOND;
      case SECONDS, DURATION, LATENCY, PERIODS -> Dimension.SECONDS;
      case MONEY -> Dimension.MONEY;
    };
  }

  /** How a figure of {@code dimension} is shown: as declared, else by its dimension. */
  static Unit display(Dimension dimension, String declared) {
    switch (declared) {
      case "fraction" -> {
        return Unit.FRACTION;
      }
      case "number" -> {
        return Unit.NUMBER;
      }
      case "count" -> {
        return Unit.COUNT;
      }
      default -> { }
    }
    if (dimension.equals(Dimension.NONE)) {
      return Unit.COUNT;
    }
    if (dimension.equals(Dimension.BYTES)) {
      return Unit.BYTES;
    }
    if (dimension.equals(Dimension.SECONDS)) {
      return Unit.DURATION;
    }
    if (dimension.equals(Dimension.PER_SECOND)) {
      return Unit.PER_SECOND;
    }
    if (dimension.equals(Dimension.BYTES_PER_SECOND)) {
      return Unit.BYTES_PER_SECOND;
    }
    return Unit.NUMBER;
  }

  // Declaration.

  private void declare(UserFigure f, Dimension unit) {
    String path = "figures." + f.name();
    out.figure(path, f.description().orElse(f.name()), f.name(), display(unit, f.unit()), Section.FIGURES,
        SOURCE, () -> term(f.formula().root()));
    out.check(path, step -> Double.isFinite(step.result()) ? Optional.empty() : Optional.of(new Diagnostic(
        f.formulaNode().location(), path + ".formula", "the formula gives " + (Double.isNaN(step.result())
            ? "no number (0/0, or a function outside its domain)" : "infinity (a division by zero, or past 1.8e308)")
            + " with this file's values; expected a formula that stays finite")));
  }

  private Term term(Formula.Node node) {
    if (node instanceof Formula.Number n) {
      return new Operand(n.text(), n.text(), n.value(), display(n.unit(), n.text().endsWith("%") ? "fraction" : ""),
          Source.convention(Optional.empty(), "written in the formula"));
    }
    if (node instanceof Formula.Reference r) {
      Target t = resolve(r.path());
      if (t instanceof Own o) {
        return out.ref("figures." + o.name(), "figures." + o.name(), null);
      }
      if (t instanceof Builtin f) {
        return out.ref(f.path(), r.path(), null);
      }
      return ((Value) t).operand();
    }
    if (node instanceof Formula.Negate n) {
      return Derivation.apply(Op.NEGATE, term(n.arg()));
    }
    if (node instanceof Formula.Binary b) {
      Op op = switch (b.op()) {
        case '+' -> Op.SUM;
        case '-' -> Op.DIFFERENCE;
        case '*' -> Op.PRODUCT;
        case '/' -> Op.QUOTIENT;
        default -> Op.POWER;
      };
      return Derivation.apply(op, term(b.left()), term(b.right()));
    }
    Formula.Call c = (Formula.Call) node;
    Op op = switch (c.function()) {
      case "min" -> Op.MIN;
      case "max" -> Op.MAX;
      case "ceil" -> Op.CEIL;
      case "floor" -> Op.FLOOR;
      case "round" -> Op.ROUND;
      case "sqrt" -> Op.SQRT;
      case "ln" -> Op.LN;
      case "log10" -> Op.LOG10;
      case "exp" -> Op.EXP;
      default -> Op.ABS;
    };
    return new Derivation.Apply(op, c.args().stream().map(this::term).toList());
  }
}
