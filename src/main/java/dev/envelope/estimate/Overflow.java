package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.model.InputLocations;
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
   * The step that overflowed, and the file's values it rests on (largest first; never empty).
   * {@code figure} is the path of the first non-finite figure of the report.
   */
  public record Cause(Step step, List<Operand> inputs) {}

  /** The cause of {@code figure}'s overflow, or empty when its derivation does not show one. */
  public static Optional<Cause> of(Estimate estimate, InputLocations where, String figure) {
    List<Step> steps;
    try {
      steps = Explanation.steps(estimate, where);
    } catch (RuntimeException e) {
      return Optional.empty(); // the message without the input is still right
    }
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
    List<Operand> inputs = new ArrayList<>();
    collect(step, byPath, inputs, 0);
    inputs.sort(Comparator.comparingDouble((Operand o) -> -Math.abs(o.value())));
    return inputs.isEmpty() ? Optional.empty() : Optional.of(new Cause(step, List.copyOf(inputs)));
  }

  /** The values of the file (or their defaults) under {@code step}, each once. */
  private static void collect(Step step, Map<String, Step> byPath, List<Operand> out, int depth) {
    for (Operand o : step.inputs()) {
      Source from = o.from();
      if (from.kind() == Source.Kind.DERIVED) {
        Step used = byPath.get(from.path().orElse(""));
        if (used != null && depth < 32) {
          collect(used, byPath, out, depth + 1);
        }
      } else if (from.path().isPresent() && from.kind() != Source.Kind.CONVENTION
          && out.stream().noneMatch(p -> p.from().path().equals(from.path()))) {
        out.add(o);
      }
    }
  }
}
