package dev.envelope.estimate;

import dev.envelope.diagnostic.Location;
import dev.envelope.units.CalendarUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic behind one figure of an estimate, as a whiteboard shows it: what the figure is,
 * a formula over named values, each value with its unit and where it came from, and the result.
 * The formula is a small expression tree, and the same tree is evaluated (at the point, and on the
 * lanes of a Monte Carlo or a sensitivity analysis), explained (its words, its symbols, the values
 * substituted), worked on a napkin and searched for the cause of an overflow: none of those can
 * disagree with the others.
 */
public final class Derivation {
  private Derivation() {}

  /**
   * One figure's derivation. {@code path} is the figure's JSON path, {@code words} and
   * {@code symbol} name it ("writes a second", "writes/s"), and {@code result} its value at the
   * point, the formula evaluated with every input at its value (or median).
   */
  public record Step(String path, String words, String symbol, Unit unit, Term term, double result) {
    /** The values the formula uses as it reads at the point ({@link Term#shown}), in the order it names them. */
    public List<Operand> inputs() {
      List<Operand> out = new ArrayList<>();
      term.shown().collect(out);
      return out.stream().distinct().toList();
    }

    /**
     * Every value the formula may use on some lane, a floor or a branch not shown at the point too,
     * once for each place it has in the formula (its callers look for a use, so no stream
     * compares operands to drop repeats).
     */
    public List<Operand> operands() {
      List<Operand> out = new ArrayList<>();
      term.collect(out);
      return out;
    }

    /** The figures of other steps that this one uses, on any lane. */
    public List<String> uses() {
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      for (Operand o : operands()) {
        if (o.from().kind() == Source.Kind.DERIVED) {
          out.add(o.from().path().orElseThrow());
        }
      }
      return List.copyOf(out);
    }
  }

  /** Where the values of a formula's operands come from when it is evaluated on lanes. */
  public interface Env {
    /** The lanes of {@code operand}: one value, or one per lane. */
    double[] lanes(Operand operand);

    /** The lanes of {@code node} if they were worked out ahead of it (a sum added up term by term), or null. */
    default double[] ahead(Apply node) {
      return null;
    }

    /**
     * An array of {@code n} lanes for an operation's result, every element of which the caller
     * writes: a new one, or one whose figure is done with ({@link Lanes.Pool}).
     */
    default double[] fresh(int n) {
      return new double[n];
    }

    /**
     * The lanes of an operation's argument, worked out for it alone, once the operation has its
     * result: an array from {@link #fresh} that no figure, sum or input holds can be used again.
     */
    default void done(double[] temporary) {}

    /** {@code log10(1 - operand)} on its lanes, finite where the complement is below the smallest double. */
    default double[] log10Complement(Operand operand) {
      return logs(complement(operand));
    }

    /** {@code 1 - operand} on its lanes, as exactly as the operand's source allows. */
    default double[] complement(Operand operand) {
      double[] v = lanes(operand);
      double[] r = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        r[i] = 1 - v[i];
      }
      return r;
    }
  }

  /**
   * {@code 1 - term} on lanes, without the cancellation of subtracting a value near 1 from 1 where
   * the formula allows: {@code 1 - (1 - a)} is {@code a}; {@code 1 - x / (x + y)} is
   * {@code y / (x + y)}; {@code 1 - a^n} is {@code -expm1(n ln(1 - (1 - a)))}; {@code 1 - a b c}
   * is {@code -expm1(sum of ln(1 - (1 - a)))}, or, below 10^-12, the sum of the complements (the
   * first-order term, exact to double precision there); an input's is taken in decimal (1 - 0.9995
   * is 0.0005). The availability of a chain of four nines and more stays exact this way.
   */
  public static double[] complement(Term term, Env env) {
    if (term instanceof Operand o) {
      return env.complement(o);
    }
    Apply a = (Apply) term;
    List<Term> args = a.args();
    switch (a.op()) {
      case ONE_MINUS -> {
        return args.get(0).lanes(env);
      }
      case QUOTIENT -> {
        if (args.get(1) instanceof Apply s && s.op() == Op.SUM && s.args().size() == 2
            && s.args().get(0).equals(args.get(0))) {
          double[] y = s.args().get(1).lanes(env);
          double[] total = s.lanes(env);
          return lanewise(y, total, (p, q) -> p / q);
        }
      }
      case POWER -> {
        double[] m = complement(args.get(0), env);
        double[] n = args.get(1).lanes(env);
        return lanewise(m, n, (p, q) -> -Math.expm1(q * Math.log1p(-p)));
      }
      case PRODUCT -> {
        double[] logUp = null;
        double[] firstOrder = null;
        for (Term t : args) {
          double[] m = complement(t, env);
          double[] l = new double[m.length];
          for (int i = 0; i < m.length; i++) {
            l[i] = Math.log1p(-m[i]);
          }
          logUp = logUp == null ? l : lanewise(logUp, l, Double::sum);
          firstOrder = firstOrder == null ? m : lanewise(firstOrder, m, Double::sum);
        }
        double[] up = logUp;
        double[] small = firstOrder;
        return lanewise(up, small, (l, s) -> {
          double down = -Math.expm1(l);
          return down > 1e-12 ? down : s;
        });
      }
      default -> { }
    }
    double[] v = term.lanes(env);
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = 1 - v[i];
    }
    return r;
  }

  /**
   * {@code log10(term)} on lanes, taken in logarithms where the formula allows, so that nines stay
   * finite past the smallest double: one of 200 replicas at 99.9% is down 0.001^200 = 10^-600, which
   * is 0 as a double but 600 nines here. {@code a^n} is {@code n log10(a)}, a product the sum of its
   * logarithms, k of n the binomial tail's own logarithm, and {@code 1 - a} the logarithm of the
   * complement ({@link #log10Complement}); any other term the logarithm of its value.
   */
  public static double[] log10(Term term, Env env) {
    if (term instanceof Apply a) {
      List<Term> args = a.args();
      switch (a.op()) {
        case ONE_MINUS -> {
          return log10Complement(args.get(0), env);
        }
        case POWER -> {
          return lanewise(log10(args.get(0), env), args.get(1).lanes(env), (l, n) -> n * l);
        }
        case PRODUCT -> {
          double[] sum = null;
          for (Term t : args) {
            double[] l = log10(t, env);
            sum = sum == null ? l : lanewise(sum, l, Double::sum);
          }
          return sum;
        }
        case QUOTIENT -> {
          return lanewise(log10(args.get(0), env), log10(args.get(1), env), (p, q) -> p - q);
        }
        case BINOMIAL_BELOW -> {
          double[] k = args.get(0).lanes(env);
          double[] n = args.get(1).lanes(env);
          double[] down = complement(args.get(2), env);
          int width = Math.max(k.length, Math.max(n.length, down.length));
          double[] r = new double[width];
          for (int i = 0; i < width; i++) {
            double ki = k[k.length == 1 ? 0 : i];
            double ni = n[n.length == 1 ? 0 : i];
            double u = down[down.length == 1 ? 0 : i];
            r[i] = ki >= 1 && ki <= ni && u > 0 && u < 1
                ? Redundancy.logUnavailability(u, (int) ni, (int) ki) / LN10 : Double.NaN;
          }
          return r;
        }
        default -> { }
      }
    }
    return logs(term.lanes(env));
  }

  /**
   * {@code log10(1 - term)} on lanes: of {@code 1 - a} it is {@code log10(a)}; of a product of
   * shares near 1 (a chain) it is the logarithm of {@code 1 - prod(1 - d_i)}, which below 10^-12 is
   * the sum of the {@code d_i}, added in logarithms; otherwise the logarithm of {@link #complement}.
   */
  static double[] log10Complement(Term term, Env env) {
    if (term instanceof Operand o) {
      return env.log10Complement(o);
    }
    if (term instanceof Apply a && a.op() == Op.ONE_MINUS) {
      return log10(a.args().get(0), env);
    }
    if (term instanceof Apply a && a.op() == Op.PRODUCT) {
      List<double[]> logs = new ArrayList<>();
      int width = 1;
      for (Term t : a.args()) {
        double[] l = log10Complement(t, env);
        logs.add(l);
        width = Math.max(width, l.length);
      }
      double[] r = new double[width];
      for (int i = 0; i < width; i++) {
        double logUp = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] l : logs) {
          double li = l[l.length == 1 ? 0 : i];
          logUp += Math.log1p(-Math.pow(10, li));
          max = Math.max(max, li);
        }
        double down = -Math.expm1(logUp);
        if (down > 1e-12 || Double.isNaN(down) || max == Double.NEGATIVE_INFINITY) {
          r[i] = Math.log10(down);
        } else {
          double sum = 0;
          for (double[] l : logs) {
            sum += Math.pow(10, l[l.length == 1 ? 0 : i] - max);
          }
          r[i] = max + Math.log10(sum);
        }
      }
      return r;
    }
    return logs(complement(term, env));
  }

  private static final double LN10 = Math.log(10);

  private static double[] logs(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.log10(v[i]);
    }
    return r;
  }

  private static double[] lanewise(double[] a, double[] b, java.util.function.DoubleBinaryOperator f) {
    int n = Math.max(a.length, b.length);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = f.applyAsDouble(a[a.length == 1 ? 0 : i], b[b.length == 1 ? 0 : i]);
    }
    return r;
  }

  /** A formula: named values joined by operations. */
  public sealed interface Term permits Operand, Apply {
    /** The value of the formula at the point, from its operands' values. */
    double evaluate();

    /**
     * What working the formula out costs on one lane beyond the figure's own one, in the work
     * budget's unit ({@link Op#cost}): 0 for arithmetic on operands, more for the models' searches.
     */
    default long cost() {
      if (!(this instanceof Apply apply)) {
        return 0;
      }
      long sum = 0;
      boolean heavy = false;
      double[] x = new double[apply.args().size()];
      for (int i = 0; i < x.length; i++) {
        long c = apply.args().get(i).cost();
        sum += c;
        heavy |= c > 0;
      }
      // The arguments at the point tell the searches' length; an argument that is itself a search
      // is not worked out again for that (it is rare, and its own cost is counted).
      for (int i = 0; i < x.length; i++) {
        Term arg = apply.args().get(i);
        x[i] = arg instanceof Operand o ? o.value() : heavy ? 0 : arg.evaluate();
      }
      return sum + apply.op().cost(x) - 1;
    }

    /** Adds the formula's operands, left to right, to {@code out}. */
    void collect(List<Operand> out);

    /** The formula on lanes: an array of one value, or one per lane. */
    double[] lanes(Env env);

    /**
     * The formula as it reads at the point: a floor that does not bind there is left out, and a
     * choice shows the branch taken. Explanations and napkins show this form; its value at the
     * point is the formula's.
     */
    Term shown();
  }

  /**
   * A named value. {@code length} marks the length of one period in seconds (a day is 86,400 s),
   * which napkin arithmetic replaces by a round number.
   */
  public record Operand(String symbol, String words, double value, Unit unit, Source from,
      Optional<CalendarUnit> length) implements Term {
    // equals and hashCode written out: a record's generated ones are linked through invokedynamic at first use,
    // a cost a short run's start-up pays for nothing (docs/performance.md).
    @Override
    public boolean equals(Object o) {
      return o instanceof Operand x && Double.compare(value, x.value) == 0 && java.util.Objects.equals(symbol, x.symbol)
          && java.util.Objects.equals(words, x.words) && java.util.Objects.equals(unit, x.unit) && java.util.Objects.equals(from, x.from) && java.util.Objects.equals(length, x.length);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(new Object[] {symbol, words, value, unit, from, length});
    }

    public Operand(String symbol, String words, double value, Unit unit, Source from) {
      this(symbol, words, value, unit, from, Optional.empty());
    }

    @Override
    public double evaluate() {
      return value;
    }

    @Override
    public void collect(List<Operand> out) {
      out.add(this);
    }

    @Override
    public double[] lanes(Env env) {
      return env.lanes(this);
    }

    @Override
    public Term shown() {
      return this;
    }
  }

  /** {@code op} applied to {@code args}: {@code a x b}, {@code ceil(a)}, {@code erlang_c(c, a)}. */
  public record Apply(Op op, List<Term> args) implements Term {
    public Apply {
      args = List.copyOf(args);
      if (op.arity() >= 0 ? args.size() != op.arity() : args.isEmpty()) {
        throw new IllegalArgumentException(op.symbol() + " takes " + (op.arity() >= 0 ? op.arity() : "1 or more")
            + " arguments, not " + args.size());
      }
    }

    @Override
    public double evaluate() {
      if (op == Op.CHOICE) {
        return (args.get(0).evaluate() > args.get(1).evaluate() ? args.get(2) : args.get(3)).evaluate();
      }
      double[] x = new double[args.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = args.get(i).evaluate();
      }
      if (op.complemented() >= 0) {
        x[op.complemented()] = 1 - x[op.complemented()];
      }
      return op.apply(x);
    }

    @Override
    public void collect(List<Operand> out) {
      args.forEach(a -> a.collect(out));
    }

    @Override
    public double[] lanes(Env env) {
      double[] ahead = env.ahead(this);
      return ahead != null ? ahead : op.lanes(args, env);
    }

    @Override
    public Term shown() {
      switch (op) {
        case AT_LEAST, AT_MOST -> {
          Term bound = args.get(0);
          Term value = args.get(1);
          boolean binds = op == Op.AT_LEAST ? value.evaluate() < bound.evaluate() : value.evaluate() > bound.evaluate();
          return binds ? new Apply(op == Op.AT_LEAST ? Op.MAX : Op.MIN, List.of(bound.shown(), value.shown()))
              : value.shown();
        }
        case CHOICE -> {
          return (args.get(0).evaluate() > args.get(1).evaluate() ? args.get(2) : args.get(3)).shown();
        }
        default -> {
          List<Term> shown = new ArrayList<>(args.size());
          boolean same = true;
          for (Term a : args) {
            Term s = a.shown();
            same &= s == a;
            shown.add(s);
          }
          return same ? this : new Apply(op, shown);
        }
      }
    }
  }

  /**
   * {@code term} written out, each operand by {@code leaf} (its symbol, its words, its value):
   * operators bind as in arithmetic; a sum in a product, or a product in a divisor, is
   * parenthesised. Write {@link Term#shown()} for the form at the point.
   */
  public static String render(Term term, java.util.function.Function<Operand, String> leaf) {
    if (term instanceof Operand o) {
      return leaf.apply(o);
    }
    Apply a = (Apply) term;
    List<Term> args = a.args();
    switch (a.op()) {
      case PRODUCT -> {
        List<String> parts = new ArrayList<>();
        for (Term f : args) {
          parts.add(wrap(f, leaf, f instanceof Apply x && x.op() == Op.QUOTIENT ? Op.Precedence.ATOM
              : Op.Precedence.PRODUCT));
        }
        return String.join(" x ", parts);
      }
      case QUOTIENT -> {
        return wrap(args.get(0), leaf, Op.Precedence.PRODUCT) + " / " + wrap(args.get(1), leaf, Op.Precedence.ATOM);
      }
      case SUM -> {
        List<String> parts = new ArrayList<>();
        for (Term t : args) {
          parts.add(render(t, leaf));
        }
        return String.join(" + ", parts);
      }
      case DIFFERENCE -> {
        return wrap(args.get(0), leaf, Op.Precedence.SUM) + " - " + wrap(args.get(1), leaf, Op.Precedence.PRODUCT);
      }
      case POWER -> {
        return wrap(args.get(0), leaf, Op.Precedence.ATOM) + "^" + wrap(args.get(1), leaf, Op.Precedence.POWER);
      }
      case NEGATE -> {
        return "-" + wrap(args.get(0), leaf, Op.Precedence.POWER);
      }
      case ONE_PLUS, ONE_MINUS -> {
        return a.op().symbol() + " " + wrap(args.get(0), leaf, Op.Precedence.PRODUCT);
      }
      default -> {
        List<String> parts = new ArrayList<>();
        for (Term t : args) {
          parts.add(render(t, leaf));
        }
        return a.op().symbol() + "(" + String.join(", ", parts) + ")";
      }
    }
  }

  /** {@code term} rendered, in parentheses if it binds less tightly than {@code needed}. */
  private static String wrap(Term term, java.util.function.Function<Operand, String> leaf, Op.Precedence needed) {
    String s = render(term, leaf);
    Op.Precedence p = term instanceof Apply a ? a.op().precedence() : Op.Precedence.ATOM;
    return p.compareTo(needed) < 0 ? "(" + s + ")" : s;
  }

  // Builders, for formulas written in code.

  public static Term product(Term... factors) {
    return factors.length == 1 ? factors[0] : new Apply(Op.PRODUCT, List.of(factors));
  }

  public static Term product(List<? extends Term> factors) {
    return factors.size() == 1 ? factors.get(0) : new Apply(Op.PRODUCT, List.copyOf(factors));
  }

  public static Term sum(List<? extends Term> terms) {
    return terms.size() == 1 ? terms.get(0) : new Apply(Op.SUM, List.copyOf(terms));
  }

  public static Term quotient(Term dividend, Term divisor) {
    return new Apply(Op.QUOTIENT, List.of(dividend, divisor));
  }

  public static Term difference(Term minuend, Term subtrahend) {
    return new Apply(Op.DIFFERENCE, List.of(minuend, subtrahend));
  }

  public static Term apply(Op op, Term... args) {
    return new Apply(op, List.of(args));
  }

  public static Term max(List<? extends Term> terms) {
    return terms.size() == 1 ? terms.get(0) : new Apply(Op.MAX, List.copyOf(terms));
  }

  /** {@code max(floor, value)}, shown as {@code value} alone where the floor does not bind. */
  public static Term atLeast(Term floor, Term value) {
    return new Apply(Op.AT_LEAST, List.of(floor, value));
  }

  /** {@code min(cap, value)}, shown as {@code value} alone where the cap does not bind. */
  public static Term atMost(Term cap, Term value) {
    return new Apply(Op.AT_MOST, List.of(cap, value));
  }

  /** {@code test > threshold ? above : otherwise}, lane by lane; shown as the branch taken at the point. */
  public static Term choice(Term test, Term threshold, Term above, Term otherwise) {
    return new Apply(Op.CHOICE, List.of(test, threshold, above, otherwise));
  }

  /**
   * Where a value came from: the file (or an override) at a location, a default the reader
   * applied, a convention (86,400 s a day), or another step's figure. {@code path} is the file key
   * (input, default, convention) or the figure's JSON path (derived); {@code note} says where a
   * default or convention comes from.
   */
  public record Source(Kind kind, Optional<String> path, Optional<Location> location, Optional<String> note) {
    // equals and hashCode written out: a record's generated ones are linked through invokedynamic at first use,
    // a cost a short run's start-up pays for nothing (docs/performance.md).
    @Override
    public boolean equals(Object o) {
      return o instanceof Source x && kind == x.kind && java.util.Objects.equals(path, x.path) && java.util.Objects.equals(location, x.location)
          && java.util.Objects.equals(note, x.note);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(new Object[] {kind, path, location, note});
    }

    public enum Kind {
      INPUT,
      DEFAULT,
      CONVENTION,
      DERIVED;

      /** The lower-case name used in JSON and tables. */
      public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }

    public static Source input(String path, Location location) {
      return new Source(Kind.INPUT, Optional.of(path), Optional.of(location), Optional.empty());
    }

    public static Source defaulted(String path, String note) {
      return new Source(Kind.DEFAULT, Optional.of(path), Optional.empty(), Optional.of(note));
    }

    public static Source convention(Optional<String> path, String note) {
      return new Source(Kind.CONVENTION, path, Optional.empty(), Optional.of(note));
    }

    public static Source derived(String path) {
      return new Source(Kind.DERIVED, Optional.of(path), Optional.empty(), Optional.empty());
    }
  }

  /** The unit of a value; {@code period} only for rates per period and counts of periods. */
  public record Unit(Measure measure, Optional<CalendarUnit> period) {
    // equals and hashCode written out: a record's generated ones are linked through invokedynamic at first use,
    // a cost a short run's start-up pays for nothing (docs/performance.md).
    @Override
    public boolean equals(Object o) {
      return o instanceof Unit x && measure == x.measure && java.util.Objects.equals(period, x.period);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Objects.hashCode(measure) + java.util.Objects.hashCode(period);
    }

    /** The record's own text, written out for the same reason (the Monte Carlo keys its converted draws by it). */
    @Override
    public String toString() {
      return "Unit[measure=" + measure + ", period=" + period + "]";
    }

    public enum Measure {
      /** Users, requests, objects. */
      COUNT,
      PER_SECOND,
      BYTES,
      BYTES_PER_SECOND,
      /** A length of time in seconds, as a conversion uses it: 86,400 s. */
      SECONDS,
      /** A span of time in seconds, as people read it: 4m 19.2s. */
      DURATION,
      /** A share from 0 to 1. */
      FRACTION,
      /** Whole machines, shards, nodes. */
      WHOLE,
      /** A plain factor: ratios, peak factors, copies, nines. */
      NUMBER,
      /** An amount per period, as written: 2/day. */
      PER_PERIOD,
      /** A number of periods, as written: 5 years. */
      PERIODS,
      /** A time a request or a call takes, in seconds, as latencies read: 30 ms, 8.88 ms. */
      LATENCY,
      /** A share near 1, with as many decimals as its miss needs: 99.999999%. */
      AVAILABILITY,
      /** An amount of money, in the file's {@code cost.currency}. */
      MONEY
    }

    public static final Unit COUNT = new Unit(Measure.COUNT, Optional.empty());
    public static final Unit PER_SECOND = new Unit(Measure.PER_SECOND, Optional.empty());
    public static final Unit BYTES = new Unit(Measure.BYTES, Optional.empty());
    public static final Unit BYTES_PER_SECOND = new Unit(Measure.BYTES_PER_SECOND, Optional.empty());
    public static final Unit SECONDS = new Unit(Measure.SECONDS, Optional.empty());
    public static final Unit DURATION = new Unit(Measure.DURATION, Optional.empty());
    public static final Unit FRACTION = new Unit(Measure.FRACTION, Optional.empty());
    public static final Unit WHOLE = new Unit(Measure.WHOLE, Optional.empty());
    public static final Unit NUMBER = new Unit(Measure.NUMBER, Optional.empty());
    public static final Unit LATENCY = new Unit(Measure.LATENCY, Optional.empty());
    public static final Unit AVAILABILITY = new Unit(Measure.AVAILABILITY, Optional.empty());
    public static final Unit MONEY = new Unit(Measure.MONEY, Optional.empty());

    public static Unit per(CalendarUnit period) {
      return period == CalendarUnit.SECOND ? PER_SECOND : new Unit(Measure.PER_PERIOD, Optional.of(period));
    }

    public static Unit periods(CalendarUnit period) {
      return new Unit(Measure.PERIODS, Optional.of(period));
    }

    /**
     * The unit as JSON names it: {@code count}, {@code /s}, {@code B}, {@code B/s}, {@code s},
     * {@code fraction}, {@code ""} for a plain number (as in CSV), {@code /day} for a rate per
     * period, {@code year} for a number of periods.
     */
    public String key() {
      return switch (measure) {
        case COUNT, WHOLE -> "count";
        case PER_SECOND -> "/s";
        case BYTES -> "B";
        case BYTES_PER_SECOND -> "B/s";
        case SECONDS, DURATION, LATENCY -> "s";
        case FRACTION, AVAILABILITY -> "fraction";
        case NUMBER -> "";
        case PER_PERIOD -> "/" + period.orElseThrow().symbol();
        case PERIODS -> period.orElseThrow().symbol();
        case MONEY -> "money";
      };
    }
  }
}
