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
    /** The values the formula uses, in the order it names them. */
    public List<Operand> inputs() {
      List<Operand> out = new ArrayList<>();
      term.collect(out);
      return out;
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
  public sealed interface Term permits Operand, Product, Quotient, Sum, OnePlus, OneMinus, NegLog10, Ceil, Max {
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
      PERIODS
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
        case SECONDS, DURATION -> "s";
        case FRACTION -> "fraction";
        case NUMBER -> "";
        case PER_PERIOD -> "/" + period.orElseThrow().symbol();
        case PERIODS -> period.orElseThrow().symbol();
      };
    }
  }
}
