package dev.envelope.estimate;

import dev.envelope.model.Requirements;
import dev.envelope.model.Uncertain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each input written as a range moves one figure (a tornado analysis): the figure with
 * that input at its low percentile and at its high percentile, every other input at its median;
 * the swing is the distance between the two. Inputs are ranked by swing, largest first (ties keep
 * the file's order). Each input is moved alone, so the ranking says nothing of interactions.
 */
public final class Sensitivity {
  private Sensitivity() {}

  /** One input: its low and high values, and the figure at each. */
  public record Swing(Uncertain input, double inputLow, double inputHigh, double atLow, double atHigh) {
    public double swing() {
      return Math.abs(atHigh - atLow);
    }
  }

  /** The figure at the inputs' medians, the percentiles used, and each input's swing, largest first. */
  public record Result(String path, double point, double lowPercentile, double highPercentile, List<Swing> swings) {
    public Result {
      swings = List.copyOf(swings);
    }
  }

  /**
   * The swings of the figure at {@code path} (an output path of the estimate {@code point}) between
   * the {@code low} and {@code high} percentiles (as shares, 0.05 and 0.95), or null when the
   * estimate has no such numeric figure. Only the steps the figure needs are worked, on two lanes
   * per input.
   */
  public static Result of(Estimate point, String path, double low, double high) {
    if (point.step(path) == null) {
      return null;
    }
    Requirements req = point.requirements();
    List<Uncertain> inputs = req.uncertainty().inputs();
    int lanes = 2 * inputs.size();
    double[] lows = new double[inputs.size()];
    double[] highs = new double[inputs.size()];
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int j = 0; j < inputs.size(); j++) {
      Uncertain u = inputs.get(j);
      lows[j] = u.quantile(low);
      highs[j] = u.quantile(high);
      index.put(Lanes.inputKey(u.path()), j);
    }
    Map<String, String> inherits = new LinkedHashMap<>();
    req.uncertainty().inherits().forEach((to, from) -> inherits.put(Lanes.inputKey(to), Lanes.inputKey(from)));
    Map<String, Requirements.Order> lowers = new LinkedHashMap<>();
    req.uncertainty().orders().forEach(o -> lowers.put(Lanes.inputKey(o.lower()), o));
    // Input j at its median on every lane but 2j (its low) and 2j + 1 (its high); made when first used.
    java.util.function.Function<String, double[]> own = key -> {
      Integer j = index.get(inherits.getOrDefault(key, key));
      if (j == null) {
        return null;
      }
      double[] d = new double[lanes];
      java.util.Arrays.fill(d, inputs.get(j).median());
      d[2 * j] = lows[j];
      d[2 * j + 1] = highs[j];
      return d;
    };
    Lanes.Inputs draws = Lanes.lazy(key -> {
      double[] d = own.apply(key);
      Requirements.Order o = lowers.get(key);
      if (o == null) {
        return d;
      }
      double[] upper = own.apply(Lanes.inputKey(o.upper()));
      if (d == null && upper == null) {
        return null;
      }
      double[] kept = new double[lanes];
      for (int i = 0; i < lanes; i++) {
        kept[i] = o.lowered(d == null ? o.lowerPoint() : d[i], upper == null ? o.upperPoint() : upper[i]);
      }
      return kept;
    });
    double[][] figure = new double[1][];
    Lanes.run(Lanes.cone(point.steps(), List.of(path)), draws, lanes, req.conventions().time(),
        (step, values) -> {
          if (step.path().equals(path)) {
            figure[0] = values;
          }
        });
    List<Swing> swings = new ArrayList<>();
    for (int j = 0; j < inputs.size(); j++) {
      double atLow = figure[0].length == 1 ? figure[0][0] : figure[0][2 * j];
      double atHigh = figure[0].length == 1 ? figure[0][0] : figure[0][2 * j + 1];
      swings.add(new Swing(inputs.get(j), lows[j], highs[j], atLow, atHigh));
    }
    swings.sort(Comparator.comparingDouble(Swing::swing).reversed());
    return new Result(path, point.value(path), low, high, swings);
  }
}
