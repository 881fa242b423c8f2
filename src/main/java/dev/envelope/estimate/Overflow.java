package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which inputs make a figure overflow to infinity. The figure's derivation is followed back to the
 * first step whose own operands are all finite but whose result is not; the inputs behind that
 * step, largest first, are the values to make smaller.
 */
public final class Overflow {
  private Overflow() {}

  /**
   * The step that overflowed, and the file's values it rests on, the likeliest cause first (never
   * empty): the one that pushes the result furthest up, a large value multiplied or a small one
   * divided by. {@code divides}: whether that first value is a divisor (so too small, not too large).
   */
  public record Cause(Step step, List<Operand> inputs, boolean divides) {}

  /** The cause of {@code figure}'s overflow, or empty when its derivation does not show one. */
  public static Optional<Cause> of(Estimate estimate, String figure) {
    List<Step> steps = estimate.steps();
    Map<String, Step> byPath = new LinkedHashMap<>();
    steps.forEach(s -> byPath.putIfAbsent(s.path(), s));
    Step step = byPath.get(figure);
    if (step == null) {
      // A figure with no derivation of its own (a total, a summary): the first step that overflowed.
      step = steps.stream().filter(s -> !Double.isFinite(s.result())).findFirst().orElse(null);
    }
    if (step == null) {
      return Optional.empty();
    }
    for (int guard = 0; guard < steps.size(); guard++) {
      Step earlier = step.uses().stream().map(byPath::get)
          .filter(s -> s != null && !Double.isFinite(s.result()))
          .findFirst().orElse(null);
      if (earlier == null) {
        break;
      }
      step = earlier;
    }
    Map<String, Pull> inputs = new LinkedHashMap<>();
    collect(step.term().shown(), 1, byPath, inputs, 0);
    if (inputs.isEmpty()) {
      return Optional.empty();
    }
    List<Pull> pulls = new ArrayList<>(inputs.values());
    pulls.sort(Comparator.comparingDouble((Pull p) -> -p.push()));
    return Optional.of(new Cause(step, pulls.stream().map(Pull::operand).toList(), pulls.get(0).sign() < 0));
  }

  /**
   * One value of the file and how far it pushes the result up: {@code log10 |value|} where it
   * multiplies, its negative where it divides ({@code sign} -1), so that 1e300 in a product and
   * 1e-300 under a quotient rank alike.
   */
  private record Pull(Operand operand, int sign) {
    double push() {
      double v = Math.abs(operand.value());
      return v == 0 ? (sign < 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : sign * Math.log10(v);
    }
  }

  /** The values of the file (or their defaults) under {@code term}, each once, with the side they are on. */
  private static void collect(Derivation.Term term, int sign, Map<String, Step> byPath, Map<String, Pull> out,
      int depth) {
    if (term instanceof Operand o) {
      Source from = o.from();
      if (from.kind() == Source.Kind.DERIVED) {
        Step used = byPath.get(from.path().orElse(""));
        if (used != null && depth < 32) {
          collect(used.term().shown(), sign, byPath, out, depth + 1);
        }
      } else if (from.path().isPresent() && from.kind() != Source.Kind.CONVENTION) {
        out.putIfAbsent(from.path().get(), new Pull(o, sign));
      }
      return;
    }
    Derivation.Apply a = (Derivation.Apply) term;
    for (int i = 0; i < a.args().size(); i++) {
      // A divisor pulls the other way: the smaller it is, the larger the result.
      collect(a.args().get(i), a.op() == Op.QUOTIENT && i == 1 ? -sign : sign, byPath, out, depth);
    }
  }
}
