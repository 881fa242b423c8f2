package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Apply;
import dev.envelope.estimate.Derivation.Env;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Percentiles without a selection, for a figure that never decreases as one other figure grows and
 * depends on nothing else that varies (a per-day count, a peak, a ceiling of a quotient by a
 * limit): the order statistics of f(x) are f of the order statistics of x, so its percentiles are
 * its formula worked on the other's, to the bit. Most figures of an estimate are such scalings of a
 * few; each one spared is a selection over every draw.
 */
final class Monotone {
  private Monotone() {}

  /**
   * {@code step}'s percentiles from those of the one varying figure it rests on, or null when its
   * formula is not of that form. {@code ranged}: the keys of the inputs that vary.
   */
  static double[] percentiles(Step step, Map<String, MonteCarlo.Summary> summaries, Set<String> ranged) {
    List<Operand> operands = new ArrayList<>();
    step.term().collect(operands);
    String base = null;
    for (Operand o : operands) {
      Source from = o.from();
      if (from.kind() == Source.Kind.CONVENTION || from.path().isEmpty()) {
        continue;
      }
      if (from.kind() == Source.Kind.DERIVED) {
        String p = from.path().get();
        if (!summaries.containsKey(p)) {
          return null; // a figure whose lanes this cannot see
        }
        if (base != null && !base.equals(p)) {
          return null;
        }
        base = p;
      } else if (ranged.contains(Lanes.inputKey(from.path().get()))) {
        return null;
      }
    }
    if (base == null || !increasing(step.term(), base)) {
      return null;
    }
    double[] at = summaries.get(base).percentiles();
    String varying = base;
    return step.term().lanes(new Env() {
      @Override
      public double[] lanes(Operand o) {
        return o.from().kind() == Source.Kind.DERIVED && o.from().path().orElseThrow().equals(varying) ? at
            : new double[] {o.value()};
      }
    });
  }

  /** Whether {@code term} never decreases as the figure {@code base} grows, all else fixed. */
  private static boolean increasing(Term term, String base) {
    if (term instanceof Operand) {
      return true;
    }
    Apply a = (Apply) term;
    switch (a.op()) {
      case SUM, CEIL, MAX, AT_LEAST -> {
        for (Term t : a.args()) {
          if (!increasing(t, base)) {
            return false;
          }
        }
        return true;
      }
      case PRODUCT -> {
        for (Term t : a.args()) {
          if (uses(t, base) ? !increasing(t, base) : !(t.evaluate() > 0)) {
            return false;
          }
        }
        return true;
      }
      case QUOTIENT -> {
        Term divisor = a.args().get(1);
        return !uses(divisor, base) && divisor.evaluate() > 0 && increasing(a.args().get(0), base);
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean uses(Term term, String base) {
    List<Operand> operands = new ArrayList<>();
    term.collect(operands);
    for (Operand o : operands) {
      if (o.from().kind() == Source.Kind.DERIVED && o.from().path().orElseThrow().equals(base)) {
        return true;
      }
    }
    return false;
  }
}
