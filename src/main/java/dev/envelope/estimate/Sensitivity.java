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
   * The swings of the figure at {@code path} (an output path of the estimate) between the
   * {@code low} and {@code high} percentiles (as shares, 0.05 and 0.95), or null when the estimate
   * has no such figure.
   */
  public static Result of(Requirements req, String path, double low, double high) {
    List<Uncertain> inputs = req.uncertainty().inputs();
    int lanes = 2 * inputs.size();
    Map<String, double[]> draws = new LinkedHashMap<>();
    double[] lows = new double[inputs.size()];
    double[] highs = new double[inputs.size()];
    for (int j = 0; j < inputs.size(); j++) {
      Uncertain u = inputs.get(j);
      double[] d = new double[lanes];
      java.util.Arrays.fill(d, u.median());
      lows[j] = MonteCarlo.quantile(u, low);
      highs[j] = MonteCarlo.quantile(u, high);
      d[2 * j] = lows[j];
      d[2 * j + 1] = highs[j];
      draws.put(u.path(), d);
    }
    req.uncertainty().inherits().forEach((to, from) -> draws.put(to, draws.get(from)));
    MonteCarlo.keepOrders(req.uncertainty().orders(), draws, lanes);
    double[] figure = Estimator.compute(req, Inputs.of(draws)).get(path);
    double[] point = Estimator.compute(req, Inputs.point()).get(path);
    if (figure == null || point == null) {
      return null;
    }
    List<Swing> swings = new ArrayList<>();
    for (int j = 0; j < inputs.size(); j++) {
      double atLow = figure.length == 1 ? figure[0] : figure[2 * j];
      double atHigh = figure.length == 1 ? figure[0] : figure[2 * j + 1];
      swings.add(new Swing(inputs.get(j), lows[j], highs[j], atLow, atHigh));
    }
    swings.sort(Comparator.comparingDouble(Swing::swing).reversed());
    return new Result(path, point[0], low, high, swings);
  }
}
