package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Apply;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.units.CalendarUnit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimate worked the way interviewers do it on a napkin, in powers of ten, from the same
 * steps as the estimate ({@link Catalog}) (docs/interview-mode.md states the rule for users):
 *
 * <ul>
 *   <li>the values of the file (and the defaults) are used as given: 150M, 2/day, 300 B;
 *   <li>the length of a day is the nearest power of ten, 10^5 s (the napkin-math convention; 86,400 s
 *       is 10^4.94); every other length is rounded to one significant figure: a 30-day month is
 *       3 x 10^6 s, a 365-day year 3 x 10^7 s, an hour 4 x 10^3 s;
 *   <li>every operation's result is rounded to one significant figure, half up (3.47 becomes 3,
 *       3.5 becomes 4); a product or sum of several terms is worked left to right, rounding after
 *       each operation: 150M x 2 = 3 x 10^8, / 10^5 = 3 x 10^3;
 *   <li>a step reuses the napkin figure of the step it builds on, not the exact one;
 *   <li>the users are the starting point and are taken exactly: 300M x 50% is 1.5 x 10^8 daily
 *       users, as an interviewer states it, not 2 x 10^8.
 * </ul>
 */
public final class Napkin {
  private static final MathContext ONE = new MathContext(1, RoundingMode.HALF_UP);

  private Napkin() {}

  /** A figure's napkin value and the operations that gave it, in order. */
  public record Working(double value, List<Operation> working) {
    public Working {
      working = List.copyOf(working);
    }
  }

  /**
   * One operation of the working: {@code operator} is {@code x}, {@code /}, {@code +},
   * {@code 1 +}, {@code 1 -}, {@code -log10}, {@code ceil} or {@code max}. {@code chained} says
   * that the first operand is the result of the operation just before, so it reads on from it
   * ({@code 3 x 10^8, / 10^5 = 3 x 10^3}).
   */
  public record Operation(String operator, List<Double> operands, double result, boolean chained) {
    public Operation {
      operands = List.copyOf(operands);
    }
  }

  /**
   * The figures of the availability chain, which a napkin cannot work: 99.99% to one significant
   * figure is 100%, and its nines infinite. Their steps have no napkin figure.
   */
  private static final java.util.regex.Pattern NOT_ON_A_NAPKIN = java.util.regex.Pattern.compile(
      "availability\\.(components\\..*|composite.*|margin_.*)");

  /** The napkin figure of every step, by path, in the order of the steps. */
  public static Map<String, Working> of(List<Step> steps) {
    Map<String, Working> out = new LinkedHashMap<>();
    for (Step step : steps) {
      if (NOT_ON_A_NAPKIN.matcher(step.path()).matches()) {
        continue;
      }
      Work work = new Work(out, !step.path().startsWith("users."));
      double value = work.evaluate(step.term().shown());
      // One significant figure can round a difference away elsewhere too (a utilization of 0.94 is
      // ~1, so a wait over 1 - 1 is infinite): such a step has no napkin figure either.
      if (!Double.isFinite(value) || work.ops.stream().anyMatch(op -> !Double.isFinite(op.result()))) {
        continue;
      }
      out.put(step.path(), new Working(value, work.ops));
    }
    return out;
  }

  /** The operator of {@code 1 - e^(-x)}, the napkin form of {@code 1 - (1 - p)^n} with x = n p. */
  public static final String ONE_MINUS_EXP = "1 - e^-";

  /** {@code 1 - (1 - p)^n}: p and n, if {@code a} is that. */
  private static Optional<Term[]> anyOf(Apply a) {
    if (a.op() == Op.ONE_MINUS && a.args().get(0) instanceof Apply power && power.op() == Op.POWER
        && power.args().get(0) instanceof Apply base && base.op() == Op.ONE_MINUS) {
      return Optional.of(new Term[] {base.args().get(0), power.args().get(1)});
    }
    return Optional.empty();
  }

  /** {@code value} rounded to one significant figure, half up on its shortest decimal form. */
  public static double round(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return value;
    }
    return new BigDecimal(Double.toString(value)).round(ONE).doubleValue();
  }

  /** The napkin length of one {@code unit} of {@code seconds}: a day 10^5 s, others one figure. */
  public static double length(CalendarUnit unit, double seconds) {
    if (unit == CalendarUnit.DAY) {
      return Math.pow(10, Math.round(Math.log10(seconds)));
    }
    return round(seconds);
  }

  /** One step's napkin arithmetic. */
  private static final class Work {
    private final Map<String, Working> done;
    private final boolean rounding;
    private final List<Operation> ops = new ArrayList<>();

    Work(Map<String, Working> done, boolean rounding) {
      this.done = done;
      this.rounding = rounding;
    }

    double evaluate(Term term) {
      if (term instanceof Operand o) {
        if (o.from().kind() == Source.Kind.DERIVED) {
          Working f = done.get(o.from().path().orElseThrow());
          return f == null ? o.value() : f.value();
        }
          if (o.length().isPresent()) {
          return length(o.length().get(), o.value());
        }
        // A duration the method fixes (an alert's window of 1 h) is a length like the calendar's: one figure.
        return o.from().kind() == Source.Kind.CONVENTION && o.unit() == Derivation.Unit.DURATION && rounding
            ? round(o.value()) : o.value();
      }
      Apply a = (Apply) term;
      List<Term> args = a.args();
      Optional<Term[]> chance = anyOf(a);
      if (chance.isPresent()) {
        // 1 - (1 - p)^n as 1 - e^(-np): 1 - p rounded to one figure is 1, and the chance 0.
        double n = evaluate(chance.get()[1]);
        double p = evaluate(chance.get()[0]);
        double np = op("x", List.of(n, p), n * p, false);
        return op(ONE_MINUS_EXP, List.of(np), -Math.expm1(-np), false);
      }
      switch (a.op()) {
        case PRODUCT -> {
          return fold("x", args);
        }
        case SUM -> {
          return fold("+", args);
        }
        case QUOTIENT -> {
          int before = ops.size();
          double x = evaluate(args.get(0));
          boolean leftIsOp = ops.size() > before;
          int middle = ops.size();
          double y = evaluate(args.get(1));
          return op("/", List.of(x, y), x / y, leftIsOp && ops.size() == middle);
        }
        default -> {
          List<Double> values = new ArrayList<>();
          for (Term t : args) {
            values.add(evaluate(t));
          }
          double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
          if (a.op().complemented() >= 0) {
            x[a.op().complemented()] = 1 - x[a.op().complemented()];
          }
          double value;
          try {
            value = a.op().apply(x);
          } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            value = Double.NaN;
          }
          // Rounded arguments outside the function's domain (servers no more than the load) give no
          // value: the step has no napkin figure rather than the exact one beside rounded arguments.
          return op(a.op().symbol(), values, value, false);
        }
      }
    }

    /** {@code a op b op c ...} left to right, one operation (and one rounding) at a time. */
    private double fold(String operator, List<Term> terms) {
      int before = ops.size();
      double acc = evaluate(terms.get(0));
      boolean accIsOp = ops.size() > before;
      for (int i = 1; i < terms.size(); i++) {
        int middle = ops.size();
        double next = evaluate(terms.get(i));
        boolean chained = accIsOp && ops.size() == middle;
        acc = op(operator, List.of(acc, next), operator.equals("x") ? acc * next : acc + next, chained);
        accIsOp = true;
      }
      return acc;
    }

    private double op(String operator, List<Double> operands, double exact, boolean chained) {
      double result = rounding ? round(exact) : exact;
      ops.add(new Operation(operator, operands, result, chained));
      return result;
    }
  }
}
