package dev.envelope.estimate;

import dev.envelope.model.Location;
import dev.envelope.units.CalendarUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic behind one figure of an estimate, as a whiteboard shows it: what the figure is,
 * a formula over named values, each value with its unit and where it came from, and the result.
 * The formula is a small expression tree, so that its words, its symbols, the values substituted
 * and the arithmetic itself are one thing and cannot disagree.
 */
public final class Derivation {
  private Derivation() {}

  /**
   * One figure's derivation. {@code path} is the figure's JSON path, {@code words} and
   * {@code symbol} name it ("writes a second", "writes/s"), and {@code result} is the estimate's own
   * figure, not a recomputation.
   */
  public record Step(String path, String words, String symbol, Unit unit, Term term, double result) {
    /** The values the formula uses, in the order it first names them. */
    public List<Operand> inputs() {
      List<Operand> out = new ArrayList<>();
      term.collect(out);
      return out.stream().distinct().toList();
    }

    /** The figures of other steps that this one uses. */
    public List<String> uses() {
      return inputs().stream()
          .filter(o -> o.from().kind() == Source.Kind.DERIVED)
          .map(o -> o.from().path().orElseThrow())
          .distinct()
          .toList();
    }
  }

  /** A formula: named values joined by arithmetic. */
  public sealed interface Term
      permits Operand, Product, Quotient, Sum, OnePlus, OneMinus, NegLog10, Ceil, Max, Difference, Power, Ln, Min,
      Call {
    /** The value of the formula, in double precision. */
    double evaluate();

    /** Adds the formula's operands, left to right, to {@code out}. */
    void collect(List<Operand> out);
  }

  /**
   * A named value. {@code length} marks the length of one period in seconds (a day is 86,400 s),
   * which napkin arithmetic replaces by a round number.
   */
  public record Operand(String symbol, String words, double value, Unit unit, Source from,
      Optional<CalendarUnit> length) implements Term {
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
  }

  /** {@code a x b x ...}, worked left to right. */
  public record Product(List<Term> factors) implements Term {
    public Product {
      factors = List.copyOf(factors);
    }

    public static Term of(Term... factors) {
      return factors.length == 1 ? factors[0] : new Product(List.of(factors));
    }

    @Override
    public double evaluate() {
      double v = factors.get(0).evaluate();
      for (int i = 1; i < factors.size(); i++) {
        v *= factors.get(i).evaluate();
      }
      return v;
    }

    @Override
    public void collect(List<Operand> out) {
      factors.forEach(f -> f.collect(out));
    }
  }

  /** {@code a / b}. */
  public record Quotient(Term dividend, Term divisor) implements Term {
    @Override
    public double evaluate() {
      return dividend.evaluate() / divisor.evaluate();
    }

    @Override
    public void collect(List<Operand> out) {
      dividend.collect(out);
      divisor.collect(out);
    }
  }

  /** {@code a + b + ...}, worked left to right. */
  public record Sum(List<Term> terms) implements Term {
    public Sum {
      terms = List.copyOf(terms);
    }

    public static Term of(List<? extends Term> terms) {
      return terms.size() == 1 ? terms.get(0) : new Sum(List.copyOf(terms));
    }

    @Override
    public double evaluate() {
      double v = terms.get(0).evaluate();
      for (int i = 1; i < terms.size(); i++) {
        v += terms.get(i).evaluate();
      }
      return v;
    }

    @Override
    public void collect(List<Operand> out) {
      terms.forEach(t -> t.collect(out));
    }
  }

  /** {@code 1 + a}: a payload with its overhead. */
  public record OnePlus(Term term) implements Term {
    @Override
    public double evaluate() {
      return 1 + term.evaluate();
    }

    @Override
    public void collect(List<Operand> out) {
      term.collect(out);
    }
  }

  /** {@code 1 - a}: the share of time an availability target may miss. */
  public record OneMinus(Term term) implements Term {
    @Override
    public double evaluate() {
      return 1 - term.evaluate();
    }

    @Override
    public void collect(List<Operand> out) {
      term.collect(out);
    }
  }

  /** {@code -log10(a)}: nines. */
  public record NegLog10(Term term) implements Term {
    @Override
    public double evaluate() {
      return -Math.log10(term.evaluate());
    }

    @Override
    public void collect(List<Operand> out) {
      term.collect(out);
    }
  }

  /** {@code ceil(a)}, ignoring floating-point noise as the estimate's counts do. */
  public record Ceil(Term term) implements Term {
    @Override
    public double evaluate() {
      return Counts.ceil(term.evaluate());
    }

    @Override
    public void collect(List<Operand> out) {
      term.collect(out);
    }
  }

  /** {@code max(a, b, ...)}. */
  public record Max(List<Term> terms) implements Term {
    public Max {
      terms = List.copyOf(terms);
    }

    @Override
    public double evaluate() {
      double v = Double.NEGATIVE_INFINITY;
      for (Term t : terms) {
        v = Math.max(v, t.evaluate());
      }
      return v;
    }

    @Override
    public void collect(List<Operand> out) {
      terms.forEach(t -> t.collect(out));
    }
  }

  /** {@code a - b}: a margin. */
  public record Difference(Term minuend, Term subtrahend) implements Term {
    @Override
    public double evaluate() {
      return minuend.evaluate() - subtrahend.evaluate();
    }

    @Override
    public void collect(List<Operand> out) {
      minuend.collect(out);
      subtrahend.collect(out);
    }
  }

  /** {@code a^b}: independent events all happening, a root for a percentile of the slowest of n. */
  public record Power(Term base, Term exponent) implements Term {
    @Override
    public double evaluate() {
      return Math.pow(base.evaluate(), exponent.evaluate());
    }

    @Override
    public void collect(List<Operand> out) {
      base.collect(out);
      exponent.collect(out);
    }
  }

  /** {@code ln(a)}: the natural logarithm, as exponential tails use it. */
  public record Ln(Term term) implements Term {
    @Override
    public double evaluate() {
      return Math.log(term.evaluate());
    }

    @Override
    public void collect(List<Operand> out) {
      term.collect(out);
    }
  }

  /** {@code min(a, b, ...)}: a share capped at 1. */
  public record Min(List<Term> terms) implements Term {
    public Min {
      terms = List.copyOf(terms);
    }

    @Override
    public double evaluate() {
      double v = Double.POSITIVE_INFINITY;
      for (Term t : terms) {
        v = Math.min(v, t.evaluate());
      }
      return v;
    }

    @Override
    public void collect(List<Operand> out) {
      terms.forEach(t -> t.collect(out));
    }
  }

  /**
   * A named function of the models whose arithmetic is a sum, a distribution or a search rather
   * than a line of a whiteboard: {@code binom_below(k, n, a)}, {@code erlang_c(c, a)}... Each is
   * the models' own code, so a step that uses one recomputes as any other does.
   */
  public record Call(Function function, List<Term> args) implements Term {
    public Call {
      args = List.copyOf(args);
      if (args.size() != function.arity()) {
        throw new IllegalArgumentException(function.symbol() + " takes " + function.arity() + " arguments");
      }
    }

    public static Call of(Function function, Term... args) {
      return new Call(function, List.of(args));
    }

    @Override
    public double evaluate() {
      double[] values = new double[args.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = args.get(i).evaluate();
      }
      return function.apply(values);
    }

    @Override
    public void collect(List<Operand> out) {
      args.forEach(a -> a.collect(out));
    }
  }

  /** The named functions a {@link Call} applies, each with its formula and source in its class. */
  public enum Function {
    /**
     * {@code binom_below(k, n, a)}: the chance that fewer than {@code k} of {@code n} replicas are
     * up, each up with probability {@code a}: {@code sum over i < k of C(n, i) a^i (1 - a)^(n - i)},
     * the unavailability of k of n ({@link Redundancy}).
     */
    BINOMIAL_BELOW("binom_below", 3) {
      @Override
      double apply(double[] x) {
        return Math.exp(Redundancy.logUnavailability(1 - x[2], (int) x[1], (int) x[0]));
      }
    },
    /** {@code poisson_quantile(L, p)}: the count at percentile p of Poisson(L) ({@link PeakModel}). */
    POISSON_QUANTILE("poisson_quantile", 2) {
      @Override
      double apply(double[] x) {
        return PeakModel.poissonQuantile(x[0], x[1]);
      }
    },
    /**
     * {@code erlang_c_servers(a, latency, max_wait)}: the fewest servers at load a whose p99
     * queueing delay is at most max_wait, found by searching up from a ({@link Queueing}).
     */
    ERLANG_C_SERVERS("erlang_c_servers", 3) {
      @Override
      double apply(double[] x) {
        return Queueing.forWait(x[0], x[1], x[2]).orElseThrow().servers();
      }
    },
    /** {@code erlang_c(c, a)}: the chance an arrival waits, c servers at load a ({@link Queueing}). */
    ERLANG_C("erlang_c", 2) {
      @Override
      double apply(double[] x) {
        return Queueing.erlangC((int) x[0], x[1]);
      }
    },
    /** {@code lognormal_quantile(p50, p99, q)}: percentile q of the lognormal through p50 and p99 ({@link TailLatency}). */
    LOGNORMAL_QUANTILE("lognormal_quantile", 3) {
      @Override
      double apply(double[] x) {
        return TailLatency.Lognormal.fit(x[0], x[1]).quantile(x[2]);
      }
    },
    /** {@code lognormal_over(p50, p99, t)}: P(X > t) for the lognormal through p50 and p99. */
    LOGNORMAL_OVER("lognormal_over", 3) {
      @Override
      double apply(double[] x) {
        return TailLatency.Lognormal.fit(x[0], x[1]).survival(x[2]);
      }
    },
    /**
     * {@code hedged_quantile(p50, p99, after, q)}: percentile q of a call hedged after {@code after}
     * seconds, solved by bisection ({@link TailLatency}).
     */
    HEDGED_QUANTILE("hedged_quantile", 4) {
      @Override
      double apply(double[] x) {
        return TailLatency.hedgedQuantile(TailLatency.Lognormal.fit(x[0], x[1]), x[2], 1 - x[3]);
      }
    };

    private final String symbol;
    private final int arity;

    Function(String symbol, int arity) {
      this.symbol = symbol;
      this.arity = arity;
    }

    /** The name a formula writes: {@code binom_below}. */
    public String symbol() {
      return symbol;
    }

    public int arity() {
      return arity;
    }

    abstract double apply(double[] args);
  }

  /**
   * Where a value came from: the file (or an override) at a location, a default the reader
   * applied, a convention (86,400 s a day), or another step's figure. {@code path} is the file key
   * (input, default, convention) or the figure's JSON path (derived); {@code note} says where a
   * default or convention comes from.
   */
  public record Source(Kind kind, Optional<String> path, Optional<Location> location, Optional<String> note) {
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
  public record Unit(Dimension dimension, Optional<CalendarUnit> period) {
    public enum Dimension {
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
      AVAILABILITY
    }

    public static final Unit COUNT = new Unit(Dimension.COUNT, Optional.empty());
    public static final Unit PER_SECOND = new Unit(Dimension.PER_SECOND, Optional.empty());
    public static final Unit BYTES = new Unit(Dimension.BYTES, Optional.empty());
    public static final Unit BYTES_PER_SECOND = new Unit(Dimension.BYTES_PER_SECOND, Optional.empty());
    public static final Unit SECONDS = new Unit(Dimension.SECONDS, Optional.empty());
    public static final Unit DURATION = new Unit(Dimension.DURATION, Optional.empty());
    public static final Unit FRACTION = new Unit(Dimension.FRACTION, Optional.empty());
    public static final Unit WHOLE = new Unit(Dimension.WHOLE, Optional.empty());
    public static final Unit NUMBER = new Unit(Dimension.NUMBER, Optional.empty());
    public static final Unit LATENCY = new Unit(Dimension.LATENCY, Optional.empty());
    public static final Unit AVAILABILITY = new Unit(Dimension.AVAILABILITY, Optional.empty());

    public static Unit per(CalendarUnit period) {
      return period == CalendarUnit.SECOND ? PER_SECOND : new Unit(Dimension.PER_PERIOD, Optional.of(period));
    }

    public static Unit periods(CalendarUnit period) {
      return new Unit(Dimension.PERIODS, Optional.of(period));
    }

    /**
     * The unit as JSON names it: {@code count}, {@code /s}, {@code B}, {@code B/s}, {@code s},
     * {@code fraction}, {@code ""} for a plain number (as in CSV), {@code /day} for a rate per
     * period, {@code year} for a number of periods.
     */
    public String key() {
      return switch (dimension) {
        case COUNT, WHOLE -> "count";
        case PER_SECOND -> "/s";
        case BYTES -> "B";
        case BYTES_PER_SECOND -> "B/s";
        case SECONDS, DURATION, LATENCY -> "s";
        case FRACTION, AVAILABILITY -> "fraction";
        case NUMBER -> "";
        case PER_PERIOD -> "/" + period.orElseThrow().symbol();
        case PERIODS -> period.orElseThrow().symbol();
      };
    }
  }
}
