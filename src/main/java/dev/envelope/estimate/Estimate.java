package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Env;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.model.InputLocations;
import dev.envelope.model.Requirements;
import dev.envelope.units.Fractions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The figures of one estimate at the point (every input at its value, or its median when written
 * as a range), in base units: per second, bytes, seconds. Each numeric figure has its step (the
 * formula it was computed by, {@link Derivation.Step}); text and yes-or-no figures
 * ({@code capacity.bound_by}, {@code availability.meets_target}) have a value only. A figure the
 * file cannot give is absent, never zero: without any reading workload there are no read totals.
 *
 * <p>{@link #figures()} lists them in the order of the JSON output, {@link #steps()} in the order
 * they were worked out, each after the figures it uses.
 */
public final class Estimate {
  /** One figure: its path, its part of the estimate, and its step, or its text, flag or list of names. */
  public record Figure(String path, Section section, Step step, Object text) {
    public boolean numeric() {
      return step != null;
    }

    public double value() {
      return step.result();
    }
  }

  private final Requirements requirements;
  private final InputLocations where;
  private final List<Step> steps;
  private final Map<String, Figure> figures;
  private final Map<String, Double> complements;
  private final List<dev.envelope.diagnostic.Warning> warnings;

  private Estimate(Requirements requirements, InputLocations where, List<Step> steps, Map<String, Figure> figures,
      Map<String, Double> complements, List<dev.envelope.diagnostic.Warning> warnings) {
    this.requirements = requirements;
    this.where = where;
    this.steps = List.copyOf(steps);
    this.figures = Collections.unmodifiableMap(figures);
    this.complements = complements;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The unit of each value of the file the figures use, by input key ({@link Lanes#inputKey}), in
   * its base form: a rate per period is a rate per second, a number of periods seconds. A range's
   * percentiles are shown in it.
   */
  public Map<String, Unit> inputUnits() {
    Map<String, Unit> out = new HashMap<>();
    for (Step s : steps) {
      for (Operand o : s.operands()) {
        Source.Kind k = o.from().kind();
        if ((k == Source.Kind.INPUT || k == Source.Kind.DEFAULT) && o.from().path().isPresent()) {
          Unit u = switch (o.unit().measure()) {
            case PER_PERIOD -> Unit.PER_SECOND;
            case PERIODS -> Unit.SECONDS;
            default -> o.unit();
          };
          out.putIfAbsent(Lanes.inputKey(o.from().path().get()), u);
        }
      }
    }
    return out;
  }

  /** What declaring the figures found worth a warning: a figure of the file's own left absent, and why. */
  public List<dev.envelope.diagnostic.Warning> warnings() {
    return warnings;
  }

  public Requirements requirements() {
    return requirements;
  }

  /** Where the file's values were written (the tree that was bound, with its overrides). */
  public InputLocations where() {
    return where;
  }

  /** The numeric figures' steps, each after the steps it uses. */
  public List<Step> steps() {
    return steps;
  }

  /** Every figure, numeric or not, in the order of the JSON output. */
  public java.util.Collection<Figure> figures() {
    return figures.values();
  }

  public boolean has(String path) {
    return figures.containsKey(path);
  }

  public Figure figure(String path) {
    return figures.get(path);
  }

  /** The step of the numeric figure at {@code path}, or null. */
  public Step step(String path) {
    Figure f = figures.get(path);
    return f == null ? null : f.step();
  }

  /** The value of the numeric figure at {@code path}; it must be present. */
  public double value(String path) {
    Step s = step(path);
    if (s == null) {
      throw new IllegalArgumentException("no numeric figure " + path);
    }
    return s.result();
  }

  public OptionalDouble optional(String path) {
    Step s = step(path);
    return s == null ? OptionalDouble.empty() : OptionalDouble.of(s.result());
  }

  /** The text, flag or list of names at {@code path}, or null. */
  public Object text(String path) {
    Figure f = figures.get(path);
    return f == null ? null : f.text();
  }

  /**
   * {@code 1 - value} of a share or an availability, computed without cancellation where its
   * formula allows ({@link Derivation#complement}): the miss of 99.9999999% is 1e-9 to full
   * precision, where 1 - 0.999999999 in binary is off in its eighth digit.
   */
  public double complement(String path) {
    Double c = complements.get(path);
    return c != null ? c : 1 - value(path);
  }

  /**
   * The steps of the figures at or under {@code paths} (a path prefix selects a group), with every
   * step they use before them, in the order of {@code all}. Paths that select nothing are ignored;
   * the caller reports them.
   */
  public static List<Step> select(List<Step> all, List<String> paths) {
    Map<String, Step> byPath = new HashMap<>();
    all.forEach(s -> byPath.putIfAbsent(s.path(), s));
    Set<String> wanted = new HashSet<>();
    List<String> queue = new ArrayList<>();
    Set<String> asked = new HashSet<>(paths);
    for (Step s : all) {
      // A step is asked for by its own path or by any prefix of it: one lookup per dot.
      String p = s.path();
      while (true) {
        if (asked.contains(p)) {
          queue.add(s.path());
          break;
        }
        int dot = p.lastIndexOf('.');
        if (dot < 0) {
          break;
        }
        p = p.substring(0, dot);
      }
    }
    while (!queue.isEmpty()) {
      String path = queue.remove(queue.size() - 1);
      if (wanted.add(path) && byPath.containsKey(path)) {
        queue.addAll(byPath.get(path).uses());
      }
    }
    return all.stream().filter(s -> wanted.contains(s.path())).toList();
  }

  /** Whether the figure at {@code path} keeps its complement ({@link #complement}). */
  static boolean keepsComplement(Unit unit) {
    return unit.measure() == Unit.Measure.FRACTION || unit.measure() == Unit.Measure.AVAILABILITY;
  }

  /**
   * Declares and works out the figures of one estimate: each declared with a formula that is
   * built, and evaluated at the point, on first use ({@link #ref}). The {@link Catalog} is its one
   * user for the built-in figures; a file's own figures are declared the same way.
   */
  static final class Builder implements Env {
    /** A declaration: a number's formula, built ({@code term}) or to build on first use, or a text's value. */
    private record Decl(String path, String words, String symbol, Unit unit, Section section, String source,
        Term term, Supplier<Term> formula, Object text) {
      boolean numeric() {
        return term != null || formula != null;
      }
    }

    private final Requirements req;
    private final InputLocations where;
    private final Map<String, Decl> decls = new LinkedHashMap<>();
    private final Map<String, Object> titles = new HashMap<>(); // a String, or a Supplier of one
    private final Map<String, Step> done = new HashMap<>();
    private final List<Step> order = new ArrayList<>();
    private final Map<String, Double> complements = new HashMap<>();
    private final Map<String, Double> logComplements = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    private final List<dev.envelope.diagnostic.Warning> warnings = new ArrayList<>();
    private final Map<String, java.util.function.Function<Step, java.util.Optional<dev.envelope.diagnostic.Diagnostic>>>
        checks = new LinkedHashMap<>();

    Builder(Requirements req, InputLocations where) {
      this.req = req;
      this.where = where;
    }

    /** A numeric figure; {@code unit} null for one that repeats a value, whose unit is the value's. */
    void figure(String path, String words, String symbol, Unit unit, Section section, String source,
        Supplier<Term> formula) {
      declare(new Decl(path, words, symbol, unit, section, source, null, formula, null));
    }

    /** A numeric figure whose formula is built already. */
    void figure(String path, String words, String symbol, Unit unit, Section section, String source, Term term) {
      declare(new Decl(path, words, symbol, unit, section, source, term, null, null));
    }

    private void declare(Decl d) {
      if (decls.putIfAbsent(d.path(), d) != null) {
        throw new IllegalStateException("figure declared twice: " + d.path());
      }
    }

    /** The words of {@code path}'s own step, where they say more than the words others use for it. */
    void title(String path, Supplier<String> title) {
      titles.put(path, title);
    }

    void title(String path, String title) {
      titles.put(path, title);
    }

    void text(String path, Section section, Object value) {
      declare(new Decl(path, null, null, null, section, null, null, null, value));
    }

    boolean declared(String path) {
      return decls.containsKey(path);
    }

    /** Whether the figure at {@code path} is declared and is a number (not a text, flag or list). */
    boolean numeric(String path) {
      Decl d = decls.get(path);
      return d != null && d.numeric();
    }

    /** The paths of the numeric figures declared so far, in order. */
    List<String> numericPaths() {
      List<String> out = new ArrayList<>();
      for (Decl d : decls.values()) {
        if (d.numeric()) {
          out.add(d.path());
        }
      }
      return out;
    }

    /** The unit of the numeric figure at {@code path}. */
    Unit unit(String path) {
      return evaluate(path).unit();
    }

    /**
     * The file's values the figures declared so far use (their formulas' operands from the file or
     * its defaults), by key: every built-in figure is worked out to find them.
     */
    Map<String, Operand> inputOperands() {
      Map<String, Operand> out = new HashMap<>();
      for (String path : numericPaths()) {
        List<Operand> operands = new ArrayList<>();
        evaluate(path).term().collect(operands);
        for (Operand o : operands) {
          Source.Kind k = o.from().kind();
          if ((k == Source.Kind.INPUT || k == Source.Kind.DEFAULT) && o.from().path().isPresent()) {
            out.putIfAbsent(o.from().path().get(), o);
          }
        }
      }
      return out;
    }

    void warn(dev.envelope.diagnostic.Warning warning) {
      warnings.add(warning);
    }

    /** A check of the figure at {@code path} once worked out: a problem makes the file invalid (exit 3). */
    void check(String path, java.util.function.Function<Step, java.util.Optional<dev.envelope.diagnostic.Diagnostic>> check) {
      checks.put(path, check);
    }

    /** The figure at {@code path} as an operand, named {@code symbol} and {@code words} (null: its own). */
    Operand ref(String path, String symbol, String words) {
      Step s = evaluate(path);
      Decl d = decls.get(path);
      return new Operand(symbol != null ? symbol : d.symbol(), words != null ? words : d.words(), s.result(),
          s.unit(), Source.derived(path));
    }

    double value(String path) {
      return evaluate(path).result();
    }

    double complement(String path) {
      evaluate(path);
      Double c = complements.get(path);
      return c != null ? c : 1 - done.get(path).result();
    }

    private Step evaluate(String path) {
      Step s = done.get(path);
      if (s != null) {
        return s;
      }
      Decl d = decls.get(path);
      if (d == null || !d.numeric()) {
        throw new IllegalStateException("no numeric figure declared at " + path);
      }
      if (!active.add(path)) {
        throw new IllegalStateException("figures that use each other: " + String.join(" -> ", active) + " -> " + path);
      }
      Term term = d.term() != null ? d.term() : d.formula().get();
      Unit unit = d.unit() != null ? d.unit() : ((Operand) term).unit();
      double result = term.lanes(this)[0];
      if (keepsComplement(unit)) {
        complements.put(path, Derivation.complement(term, this)[0]);
        logComplements.put(path, Derivation.log10Complement(term, this)[0]);
      }
      Object title = titles.get(path);
      String words = title instanceof String t ? t : title != null ? ((Supplier<?>) title).get().toString() : d.words();
      s = new Step(path, words, d.symbol(), unit, term, result);
      done.put(path, s);
      order.add(s);
      active.remove(path);
      return s;
    }

    // The point as lanes of one: figures from their steps, inputs at their values.

    @Override
    public double[] lanes(Operand o) {
      if (o.from().kind() == Source.Kind.DERIVED) {
        return new double[] {done.get(o.from().path().orElseThrow()).result()};
      }
      return new double[] {o.value()};
    }

    @Override
    public double[] complement(Operand o) {
      if (o.from().kind() == Source.Kind.DERIVED) {
        return new double[] {complement(o.from().path().orElseThrow())};
      }
      return new double[] {keepsComplement(o.unit()) && o.from().kind() != Source.Kind.CONVENTION
          ? Fractions.miss(o.value()) : 1 - o.value()};
    }

    @Override
    public double[] log10Complement(Operand o) {
      if (o.from().kind() == Source.Kind.DERIVED) {
        String path = o.from().path().orElseThrow();
        evaluate(path);
        Double l = logComplements.get(path);
        if (l != null) {
          return new double[] {l};
        }
      }
      return new double[] {Math.log10(complement(o)[0])};
    }

    Estimate build() {
      Map<String, Figure> figures = new LinkedHashMap<>();
      for (Decl d : decls.values()) {
        if (d.numeric()) {
          evaluate(d.path());
        }
      }
      for (Decl d : decls.values()) {
        Object text = d.text() instanceof Supplier<?> later ? later.get() : d.text();
        figures.put(d.path(), new Figure(d.path(), d.section(), done.get(d.path()), text));
      }
      // The steps in the order of the JSON output, each after the steps it uses: whatever order
      // they happened to be worked out in (a presence rule may need a value early).
      List<Step> steps = new ArrayList<>(order.size());
      Set<String> placed = new HashSet<>();
      for (Decl d : decls.values()) {
        if (d.numeric()) {
          place(d.path(), placed, steps);
        }
      }
      List<dev.envelope.diagnostic.Diagnostic> problems = new ArrayList<>();
      checks.forEach((path, check) -> check.apply(done.get(path)).ifPresent(problems::add));
      if (!problems.isEmpty()) {
        throw new dev.envelope.diagnostic.EnvelopeException(dev.envelope.diagnostic.EnvelopeException.INVALID_INPUT,
            dev.envelope.diagnostic.Diagnostic.sorted(problems));
      }
      return new Estimate(req, where, steps, figures, new HashMap<>(complements), warnings);
    }

    private void place(String path, Set<String> placed, List<Step> steps) {
      // Iterative, so that a long chain of figures (a file's own) cannot overflow the stack.
      java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
      if (!placed.add(path)) {
        return;
      }
      stack.push(new Object[] {done.get(path), done.get(path).uses(), 0});
      while (!stack.isEmpty()) {
        Object[] top = stack.peek();
        @SuppressWarnings("unchecked")
        List<String> uses = (List<String>) top[1];
        int i = (Integer) top[2];
        if (i < uses.size()) {
          top[2] = i + 1;
          String next = uses.get(i);
          if (done.containsKey(next) && placed.add(next)) {
            stack.push(new Object[] {done.get(next), done.get(next).uses(), 0});
          }
        } else {
          steps.add((Step) top[0]);
          stack.pop();
        }
      }
    }

    /** The declared source of the figure at {@code path}, for the documentation of the method. */
    String source(String path) {
      return decls.get(path).source();
    }
  }
}
