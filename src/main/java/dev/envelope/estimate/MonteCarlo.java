package dev.envelope.estimate;

import dev.envelope.model.Requirements;
import dev.envelope.model.Uncertain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A seeded Monte Carlo of the estimate: each input written as a range is drawn {@code samples}
 * times, independently of the others, and the whole estimate is computed once per draw (on lanes,
 * see {@link Estimator#compute}). Each figure is summarised by its mean and percentiles.
 *
 * <p>Each input has its own generator (XoRoShiRo128++ from Commons RNG, seeded from the run's seed
 * and the input's path; Gaussians by the ziggurat method), so adding a range to one input leaves the draws of the others as they were. The Nth
 * percentile is the smallest draw that at least N% of the draws are at or below (the inverse of
 * the empirical distribution, definition 1 of Hyndman and Fan): always a value some draw took, so
 * a count of servers stays a whole number.
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  public static final int DEFAULT_SAMPLES = 10_000;
  public static final long DEFAULT_SEED = 1;
  public static final List<Double> DEFAULT_PERCENTILES = List.of(5.0, 50.0, 95.0);

  /** How many draws, from which seed, and which percentiles to report (each in (0, 100)). */
  public record Settings(int samples, long seed, List<Double> percentiles) {
    public Settings {
      percentiles = List.copyOf(percentiles);
    }

    public static Settings defaults() {
      return new Settings(DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_PERCENTILES);
    }
  }

  /** A figure's mean and its percentiles, in the order of {@link Settings#percentiles()}. */
  public record Summary(double mean, double[] percentiles) {
    public double percentile(int index) {
      return percentiles[index];
    }
  }

  /**
   * The outcome: the settings, the uncertain inputs, and the draws of every figure. A figure's
   * summary is computed when first asked for, so a table that shows a few figures does not pay for
   * the percentiles of all of them.
   */
  public static final class Result {
    private final Settings settings;
    private final List<Uncertain> inputs;
    private final Lanes.Figures figures;
    private final Map<String, Summary> summaries = new LinkedHashMap<>();
    private final Map<double[], Summary> baseSummaries = new IdentityHashMap<>();
    private final double[] ps;
    private final Selection selection;

    Result(Settings settings, List<Uncertain> inputs, Lanes.Figures figures) {
      this.settings = settings;
      this.inputs = inputs;
      this.figures = figures;
      this.ps = settings.percentiles().stream().mapToDouble(Double::doubleValue).toArray();
      this.selection = new Selection(settings.samples());
    }

    public Settings settings() {
      return settings;
    }

    public List<Uncertain> inputs() {
      return inputs;
    }

    /** The paths of the figures that vary between draws, in the estimate's order. */
    public List<String> varying() {
      List<String> paths = new ArrayList<>();
      for (String path : figures.paths()) {
        if (figures.varies(path)) {
          paths.add(path);
        }
      }
      return paths;
    }

    /**
     * Computes the summaries of {@code paths} ahead of {@link #summary}, the selections shared out
     * between two threads (each figure's selection is its own, so the result is the same whatever
     * the threads' timing).
     */
    public void prepare(List<String> paths) {
      List<double[]> arrays = new ArrayList<>();
      Map<double[], Boolean> seen = new IdentityHashMap<>();
      for (String path : paths) {
        if (summaries.containsKey(path)) {
          continue;
        }
        Lanes.Derived d = figures.derivation(path);
        double[] a = d != null ? d.base() : figures.get(path);
        if (a != null && a.length > 1 && !baseSummaries.containsKey(a) && seen.put(a, Boolean.TRUE) == null) {
          arrays.add(a);
        }
      }
      Summary[] out = new Summary[arrays.size()];
      Selection other = new Selection(settings.samples());
      inParallel(arrays.size(), settings.samples(), (i, first) ->
          out[i] = MonteCarlo.summarise(arrays.get(i), ps, first ? selection : other));
      for (int i = 0; i < out.length; i++) {
        baseSummaries.put(arrays.get(i), out[i]);
      }
    }

    /** The mean and percentiles of the figure at {@code path}, one of {@link #varying()}. */
    public Summary summary(String path) {
      Summary s = summaries.get(path);
      if (s == null) {
        s = summarise(path, figures.derivation(path));
        summaries.put(path, s);
      }
      return s;
    }

    /**
     * A figure derived by a never-decreasing function of another array takes that function of the
     * other's percentiles (the same bits as selecting its own); its mean is its own.
     */
    private Summary summarise(String path, Lanes.Derived derived) {
      if (derived == null) {
        double[] lanes = figures.get(path);
        return baseSummaries.computeIfAbsent(lanes, b -> MonteCarlo.summarise(b, ps, selection));
      }
      double[] base = baseSummaries.computeIfAbsent(derived.base(), b -> MonteCarlo.summarise(b, ps, selection))
          .percentiles();
      double[] values = new double[base.length];
      for (int i = 0; i < base.length; i++) {
        values[i] = derived.f().applyAsDouble(base[i]);
      }
      double sum = 0;
      for (double x : derived.base()) {
        sum += derived.f().applyAsDouble(x);
      }
      return new Summary(sum / derived.base().length, values);
    }

    /**
     * The first varying figure with a draw that is not a finite number (an overflow to infinity
     * that the point estimate, at the medians, does not reach), and how many of its draws are.
     */
    public java.util.Optional<Map.Entry<String, Integer>> firstNonFinite() {
      for (String path : varying()) {
        double[] lanes = figures.get(path);
        int bad = 0;
        for (double v : lanes) {
          if (!Double.isFinite(v)) {
            bad++;
          }
        }
        if (bad > 0) {
          return java.util.Optional.of(Map.entry(path, bad));
        }
      }
      return java.util.Optional.empty();
    }

    /** The draws of the figure at {@code path}: one per draw, or a single value no range reaches. */
    public double[] draws(String path) {
      return figures.get(path);
    }
  }

  /**
   * The draws of every uncertain input, and of the inputs that inherit one, by input path. Each
   * input has its own generator, so two threads share the inputs out without changing a draw.
   */
  public static Map<String, double[]> draws(Requirements.Uncertainty uncertainty, int samples, long seed) {
    List<Uncertain> inputs = uncertainty.inputs();
    double[][] drawn = new double[inputs.size()][];
    inParallel(inputs.size(), samples, (i, first) ->
        drawn[i] = draw(inputs.get(i), samples, generator(seed, inputs.get(i).path())));
    Map<String, double[]> draws = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      draws.put(inputs.get(i).path(), drawn[i]);
    }
    uncertainty.inherits().forEach((to, from) -> draws.put(to, draws.get(from)));
    keepOrders(uncertainty.orders(), draws, samples);
    return draws;
  }

  /**
   * Lowers, lane by lane, each order's lower input where a draw put it past its upper one
   * ({@link Requirements.Order}); an input that is not a range takes its point value in every lane.
   */
  static void keepOrders(List<Requirements.Order> orders, Map<String, double[]> draws, int lanes) {
    for (Requirements.Order o : orders) {
      double[] lower = draws.get(o.lower());
      double[] upper = draws.get(o.upper());
      double[] kept = new double[lanes];
      for (int i = 0; i < lanes; i++) {
        kept[i] = o.lowered(lower == null ? o.lowerPoint() : lower[i], upper == null ? o.upperPoint() : upper[i]);
      }
      draws.put(o.lower(), kept);
    }
  }

  /** Runs the estimate over {@code settings.samples()} draws of the uncertain inputs. */
  public static Result run(Requirements req, Settings settings) {
    Lanes.Figures figures = Estimator.compute(req, Inputs.of(draws(req.uncertainty(), settings.samples(),
        settings.seed())));
    return new Result(settings, req.uncertainty().inputs(), figures);
  }

  /** A task for item {@code i}; {@code first}: run by the calling thread (else by the helper thread). */
  interface Task {
    void run(int i, boolean first);
  }

  /** Draws per item below which a second thread is not worth starting. */
  static final int PARALLEL_FROM = 20_000;

  /**
   * Runs {@code task} for items 0 to {@code count - 1}: the even ones on this thread, the odd ones
   * on one more when each item is large enough to pay for it (the machines this runs on have at
   * least two cores more often than not). Each item writes only its own result.
   */
  static void inParallel(int count, int samples, Task task) {
    if (count < 2 || samples < PARALLEL_FROM) {
      for (int i = 0; i < count; i++) {
        task.run(i, true);
      }
      return;
    }
    RuntimeException[] failed = new RuntimeException[1];
    Thread helper = new Thread(() -> {
      try {
        for (int i = 1; i < count; i += 2) {
          task.run(i, false);
        }
      } catch (RuntimeException e) {
        failed[0] = e;
      }
    }, "envelope-monte-carlo");
    helper.setDaemon(true);
    helper.start();
    for (int i = 0; i < count; i += 2) {
      task.run(i, true);
    }
    try {
      helper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while drawing", e);
    }
    if (failed[0] != null) {
      throw failed[0];
    }
  }

  static Summary summarise(double[] lanes, double[] ps, Selection selection) {
    return new Summary(mean(lanes), selection.percentiles(lanes, ps));
  }

  /**
   * Percentiles by selection: Commons Math's {@link KthSelector} on one scratch copy of the draws,
   * reused from figure to figure, with its pivots kept between the percentiles of one figure. The
   * Nth percentile is the order statistic Commons Math's {@code Percentile} gives for its R_1
   * estimation type: the {@code ceil(n x N / 100)}th smallest draw.
   */
  static final class Selection {
    private final KthSelector selector = new KthSelector();
    private final int[] pivots = new int[1023];
    private double[] scratch;

    Selection(int samples) {
      scratch = new double[samples];
    }

    double[] percentiles(double[] lanes, double[] ps) {
      int n = lanes.length;
      if (scratch.length != n) {
        scratch = new double[n];
      }
      System.arraycopy(lanes, 0, scratch, 0, n);
      Arrays.fill(pivots, -1);
      double[] values = new double[ps.length];
      for (int i = 0; i < ps.length; i++) {
        double index = n * (ps[i] / 100) + 0.5;
        int k = Math.max(0, Math.min(n - 1, (int) Math.ceil(index - 0.5) - 1));
        values[i] = selector.select(scratch, pivots, k);
      }
      return values;
    }
  }

  static double mean(double[] lanes) {
    double sum = 0;
    for (double v : lanes) {
      sum += v;
    }
    return sum / lanes.length;
  }

  /** A generator for one input: the run's seed mixed with the input's path, expanded by SplitMix64. */
  static UniformRandomProvider generator(long seed, String path) {
    SplitMix64 mix = new SplitMix64(seed * 0x9E3779B97F4A7C15L + path.hashCode());
    return new XoRoShiRo128PlusPlus(mix.nextLong(), mix.nextLong());
  }

  /** {@code samples} draws of {@code u}, kept within its field's valid values. */
  static double[] draw(Uncertain u, int samples, UniformRandomProvider rng) {
    double[] out = new double[samples];
    switch (u.shape()) {
      case FIXED -> Arrays.fill(out, u.a());
      case LOGNORMAL -> {
        // Two pieces when low, mid and high are all given: below the median the spread through
        // low, above it the spread through high; one lognormal when the two spreads are equal.
        ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        double median = u.a();
        double below = u.b();
        double above = u.c();
        for (int i = 0; i < samples; i++) {
          double g = z.sample();
          out[i] = median * FastMath.exp(g * (g < 0 ? below : above));
        }
      }
      case NORMAL -> {
        ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < samples; i++) {
          out[i] = u.a() + u.b() * z.sample();
        }
      }
      case UNIFORM -> {
        for (int i = 0; i < samples; i++) {
          out[i] = u.a() + (u.b() - u.a()) * rng.nextDouble();
        }
      }
      case TRIANGULAR -> {
        TriangularDistribution d = new TriangularDistribution(null, u.a(), u.b(), u.c());
        for (int i = 0; i < samples; i++) {
          out[i] = d.inverseCumulativeProbability(rng.nextDouble());
        }
      }
    }
    for (int i = 0; i < samples; i++) {
      out[i] = u.bounded(out[i]);
    }
    return out;
  }

  /** The value below which a share {@code p} of {@code u}'s draws fall (bounded as the draws are). */
  public static double quantile(Uncertain u, double p) {
    return u.quantile(p);
  }

  /** The paths of the inputs written as ranges, in file order. */
  public static List<String> inputPaths(Requirements req) {
    List<String> paths = new ArrayList<>();
    req.uncertainty().inputs().forEach(u -> paths.add(u.path()));
    return paths;
  }
}
