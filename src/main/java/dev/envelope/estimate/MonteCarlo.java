package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Step;
import dev.envelope.model.Requirements;
import dev.envelope.model.Uncertain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A seeded Monte Carlo of the estimate: each input written as a range is drawn {@code samples}
 * times, independently of the others unless the file correlates a pair ({@link #correlated}), and every figure of the point estimate, the models' among
 * them, is worked on one lane per draw ({@link Lanes}). Each figure that varies is summarised by its
 * mean and percentiles as soon as it is worked out, and its draws dropped unless asked for.
 *
 * <p>Each input has its own generator (XoRoShiRo128++ from Commons RNG, seeded from the run's seed
 * and the input's path; Gaussians by the ziggurat method), so adding a range to one input leaves
 * the draws of the others as they were, and an input's draws can be made when first used. The Nth
 * percentile is the smallest draw that at least N% of the draws are at or below (the inverse of
 * the empirical distribution, definition 1 of Hyndman and Fan): always a value some draw took, so a
 * count of servers stays a whole number.
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

  /** A figure with draws that are not finite numbers: an overflow the medians do not reach. */
  public record NonFinite(String path, int draws) {}

  /** The outcome: the settings, the uncertain inputs, the summary of every figure that varies. */
  public static final class Result {
    private final Settings settings;
    private final List<Uncertain> inputs;
    private final List<Requirements.Correlation> correlations;
    private final List<String> varying;
    private final Set<String> varies;
    private final Map<String, Summary> summaries;
    private final Map<String, double[]> kept;
    private final Optional<NonFinite> nonFinite;

    Result(Settings settings, List<Uncertain> inputs, List<Requirements.Correlation> correlations,
        List<String> varying, Map<String, Summary> summaries, Map<String, double[]> kept,
        Optional<NonFinite> nonFinite) {
      this.settings = settings;
      this.inputs = inputs;
      this.correlations = correlations;
      this.varying = List.copyOf(varying);
      this.varies = Set.copyOf(varying);
      this.summaries = summaries;
      this.kept = kept;
      this.nonFinite = nonFinite;
    }

    public Settings settings() {
      return settings;
    }

    public List<Uncertain> inputs() {
      return inputs;
    }

    /** The pairs of inputs drawn to move together, in file order. */
    public List<Requirements.Correlation> correlations() {
      return correlations;
    }

    /** The pair {@code path} is drawn in, if any. */
    public Optional<Requirements.Correlation> correlation(String path) {
      for (Requirements.Correlation c : correlations) {
        if (c.first().equals(path) || c.second().equals(path)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    /** The paths of the figures that vary between draws, in the order they were worked out. */
    public List<String> varying() {
      return varying;
    }

    public boolean varies(String path) {
      return varies.contains(path);
    }

    /**
     * The mean and percentiles of the figure at {@code path}, one of {@link #varying()} that the
     * run was asked to summarise (null for one it was not).
     */
    public Summary summary(String path) {
      return summaries.get(path);
    }

    /** The draws of a figure asked for in {@link #run}: one per draw, or one value no range reaches. */
    public double[] draws(String path) {
      return kept.get(path);
    }

    /** The first figure with a draw that is not a finite number, if any. */
    public Optional<NonFinite> firstNonFinite() {
      return nonFinite;
    }
  }

  /**
   * Runs the estimate {@code point} over {@code settings.samples()} draws of its uncertain inputs;
   * keeps the draws of the figures at {@code keep} (a histogram's), and works out only the figures
   * {@code only} needs when it is given.
   */
  /** The input keys ({@link Lanes#inputKey}) that are drawn: the ranged inputs and those tied to them. */
  public static Set<String> ranged(Requirements req) {
    java.util.Set<String> ranged = new java.util.HashSet<>();
    for (Uncertain u : req.uncertainty().inputs()) {
      ranged.add(Lanes.inputKey(u.path()));
    }
    for (String k : req.uncertainty().inherits().keySet()) {
      ranged.add(Lanes.inputKey(k));
    }
    for (Requirements.Order o : req.uncertainty().orders()) {
      ranged.add(Lanes.inputKey(o.lower()));
    }
    return ranged;
  }

  public static Result run(Estimate point, Settings settings, Set<String> keep, Optional<Collection<String>> only) {
    return run(point, settings, keep, only, EVERY_FIGURE);
  }

  /**
   * {@link #run} that summarises only the varying figures {@code summarised} accepts (those a
   * report shows); every figure is still worked out, and checked for draws that vary and draws
   * that are not finite numbers.
   */
  public static Result run(Estimate point, Settings settings, Set<String> keep, Optional<Collection<String>> only,
      java.util.function.Predicate<String> summarised) {
    return run(point, settings, keep, only, summarised, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Every figure summarised. The sampled path is written without lambdas and streams, as the plain
   * one is: each costs a call site linked on every run.
   */
  public static final java.util.function.Predicate<String> EVERY_FIGURE = new java.util.function.Predicate<>() {
    @Override
    public boolean test(String path) {
      return true;
    }
  };

  /** Below this many draws a figure's summary is made where its lanes are: a second thread would not pay. */
  static final int SUMMARY_THREAD_FROM = 20_000;

  /**
   * {@link #run} on {@code cores} processors: with two or more (and enough draws), the figures are
   * summarised on a second thread, in the order they are worked out, while the next are worked out
   * on this one. Either way each figure's summary is made by the same code from the same lanes, so
   * the result is the same to the bit whatever the number of cores.
   */
  static Result run(Estimate point, Settings settings, Set<String> keep, Optional<Collection<String>> only,
      int cores) {
    return run(point, settings, keep, only, EVERY_FIGURE, cores);
  }

  static Result run(Estimate point, Settings settings, Set<String> keep, Optional<Collection<String>> only,
      java.util.function.Predicate<String> summarised, int cores) {
    Requirements req = point.requirements();
    int n = settings.samples();
    double[] ps = new double[settings.percentiles().size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = settings.percentiles().get(i);
    }
    Map<String, double[]> kept = new HashMap<>();
    List<Step> steps = only.isPresent() ? Lanes.cone(point.steps(), only.get()) : point.steps();
    Summaries summaries = new Summaries(ps, ranged(req), summarised);
    Function<String, double[]> draws = draws(req.uncertainty(), n, settings.seed());
    Lanes.Pool pool = new Lanes.Pool(n);
    if (cores > 1 && n >= SUMMARY_THREAD_FROM) {
      Summariser summariser = new Summariser(summaries, pool);
      summariser.start();
      Ahead inputs = new Ahead(draws, List.copyOf(Lanes.inputs(steps)), cores);
      try {
        Lanes.run(steps, inputs, n, req.conventions().time(), new Figures(keep, kept, summaries, summariser, pool),
            pool);
        summariser.finish();
      } finally {
        summariser.interrupt();
        inputs.close();
      }
    } else {
      Lanes.run(steps, Lanes.lazy(draws), n, req.conventions().time(), new Figures(keep, kept, summaries, null, pool),
          pool);
    }
    return new Result(settings, req.uncertainty().inputs(), req.uncertainty().correlations(), summaries.varying(),
        summaries.byPath, kept, summaries.nonFinite());
  }

  /**
   * Where the evaluator hands each figure: kept whole if asked for; a figure the report does not
   * show only checked, here (a pass over its lanes costs less than handing it to the other thread
   * and waking it); one it shows summarised on the summarising thread when there is one, in order
   * (a figure's percentiles may follow from an earlier one's), else here.
   */
  private static final class Figures implements Lanes.Sink {
    private final Set<String> keep;
    private final Map<String, double[]> kept;
    private final Summaries summaries;
    private final Summariser summariser;
    private final Lanes.Pool pool;
    private int seq;

    /** {@code summariser}: the summarising thread, or null to summarise on this one. */
    Figures(Set<String> keep, Map<String, double[]> kept, Summaries summaries, Summariser summariser,
        Lanes.Pool pool) {
      this.keep = keep;
      this.kept = kept;
      this.summaries = summaries;
      this.summariser = summariser;
      this.pool = pool;
    }

    @Override
    public void figure(Step step, double[] lanes) {
      int at = seq++;
      if (keep.contains(step.path())) {
        kept.put(step.path(), lanes);
        pool.handOver(lanes); // kept for good: never given back
      }
      if (!summaries.selects(step)) {
        summaries.check(at, step, lanes);
      } else if (summariser != null) {
        summariser.add(at, step, lanes, Selection.Scan.of(lanes), pool.handOver(lanes));
      } else {
        summaries.figure(at, step, lanes, Selection.Scan.of(lanes));
      }
    }
  }

  /**
   * The draws of the inputs, made on other threads ahead of their first use, in the order the
   * steps first use them, at most {@link #AHEAD} ahead once the first is asked for (an input not
   * yet started there is drawn where it is asked for): each input's draws come from its own
   * generator, so they are the same on whichever thread they are made.
   */
  private static final class Ahead implements Lanes.Inputs, AutoCloseable {
    private static final int AHEAD = 2;
    private final Function<String, double[]> make;
    private final List<String> order;
    private final java.util.concurrent.ExecutorService pool;
    private final Map<String, java.util.concurrent.FutureTask<double[]>> pending = new HashMap<>();
    private final Map<String, double[]> made = new HashMap<>();
    private int next;

    Ahead(Function<String, double[]> make, List<String> order, int threads) {
      this.make = make;
      this.order = order;
      this.pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(threads, AHEAD),
          new java.util.concurrent.ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
              Thread t = new Thread(task, "envelope-draws");
              t.setDaemon(true);
              return t;
            }
          });
      // Nothing is drawn until the evaluator asks for its first input: the draw threads would
      // only slow its start (working out which lanes it can let go of, and when) on two cores.
    }

    @Override
    public double[] lanes(String key) {
      if (made.containsKey(key)) {
        return made.get(key);
      }
      java.util.concurrent.FutureTask<double[]> f = pending.remove(key);
      double[] v;
      if (f == null) {
        v = make.apply(key);
      } else {
        try {
          // Not started yet (the draw threads still on the ones before, or not yet running):
          // drawn here rather than waited for; run() does nothing once a draw thread has it.
          f.run();
          v = f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while drawing " + key, e);
        }
      }
      made.put(key, v);
      topUp();
      return v;
    }

    /** Starts the next inputs' draws, so that at most {@link #AHEAD} are made and not yet used. */
    private void topUp() {
      while (pending.size() < AHEAD && next < order.size()) {
        String key = order.get(next++);
        if (!made.containsKey(key) && !pending.containsKey(key)) {
          java.util.concurrent.FutureTask<double[]> task = new java.util.concurrent.FutureTask<>(
              new java.util.concurrent.Callable<double[]>() {
                @Override
                public double[] call() {
                  return make.apply(key);
                }
              });
          pool.execute(task);
          pending.put(key, task);
        }
      }
    }

    @Override
    public void release(String key) {
      made.remove(key);
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  /**
   * The summaries of the figures that vary, made one figure at a time in the order they are worked
   * out: those a report shows ({@link #selects}) by {@link #figure}, on one thread and in order; the
   * others only checked ({@link #check}), on whichever thread. Each figure comes with its place in
   * that order, so that the figures that vary, and the first not finite, are listed as worked out.
   */
  private static final class Summaries {
    final Map<String, Summary> byPath = new LinkedHashMap<>();
    private final java.util.TreeMap<Integer, String> varying = new java.util.TreeMap<>();
    private final java.util.TreeMap<Integer, NonFinite> nonFinite = new java.util.TreeMap<>();
    private final double[] ps;
    private final Set<String> ranged;
    private final java.util.function.Predicate<String> wanted;
    private final Selection selection;

    Summaries(double[] ps, Set<String> ranged, java.util.function.Predicate<String> wanted) {
      this.ps = ps;
      this.ranged = ranged;
      this.wanted = wanted;
      this.selection = new Selection();
    }

    /** Whether {@code step}'s figure is summarised ({@link #figure}), not only checked. */
    boolean selects(Step step) {
      return wanted.test(step.path());
    }

    /** The figures that vary, in the order they were worked out. */
    synchronized List<String> varying() {
      return new ArrayList<>(varying.values());
    }

    /** The first figure, in the order they were worked out, that varies and has draws that are not finite. */
    synchronized Optional<NonFinite> nonFinite() {
      return nonFinite.isEmpty() ? Optional.empty() : Optional.of(nonFinite.firstEntry().getValue());
    }

    /** Records that the figure worked out {@code at}-th varies, with {@code count} draws not finite. */
    private synchronized void varies(int at, Step step, int count) {
      varying.put(at, step.path());
      if (count > 0) {
        nonFinite.put(at, new NonFinite(step.path(), count));
      }
    }

    /** A figure not summarised: whether it varies, and its draws that are not finite numbers. */
    void check(int at, Step step, double[] lanes) {
      if (lanes.length < 2) {
        return;
      }
      if (Plain.finite(lanes)) {
        if (Plain.differentBits(lanes)) { // finite draws: two differ when their bits do
          varies(at, step, 0);
        }
        return;
      }
      Plain plain = Plain.of(lanes);
      if (plain.varies()) {
        varies(at, step, plain.nonFinite());
      }
    }

    /** A figure summarised: its mean and percentiles, if it varies; {@code scan}: its draws' {@link Selection.Scan}. */
    void figure(int at, Step step, double[] lanes, Selection.Scan scan) {
      if (lanes.length < 2 || !scan.varies(lanes)) {
        return;
      }
      // Its percentiles from another figure's, where they follow from them; else selected.
      double[] percentiles = Monotone.percentiles(step, byPath, ranged);
      if (percentiles == null) {
        percentiles = selection.scanned(scan, lanes, ps);
      }
      varies(at, step, scan.nonFinite());
      byPath.put(step.path(), new Summary(scan.sum() / lanes.length, percentiles));
    }
  }

  /**
   * One pass over a figure's draws that are not selected from: their sum (added in lane order, as
   * the mean always was), whether they vary (as {@code Double.compare} tells draws apart: a NaN is
   * every NaN, 0.0 is not -0.0), and how many are not finite numbers. A finite sum means every draw
   * is finite, so the count and the bits are looked at only where it is not (or where every draw
   * is a zero).
   */
  record Plain(double sum, boolean varies, int nonFinite) {
    static Plain of(double[] lanes) {
      double first = lanes[0];
      int differ = 0;
      double sum = 0;
      for (double v : lanes) {
        sum += v;
        if (v != first) {
          differ++;
        }
      }
      if (Double.isFinite(sum)) {
        return new Plain(sum, differ > 0 || (first == 0 && differentBits(lanes)), 0);
      }
      long bits = Double.doubleToLongBits(first);
      boolean varies = false;
      int count = 0;
      for (double v : lanes) {
        varies |= Double.doubleToLongBits(v) != bits;
        count += Double.isFinite(v) ? 0 : 1;
      }
      return new Plain(sum, varies, count);
    }

    /**
     * Whether every draw is a finite number: {@code v x 0} is 0 for those and NaN for the others,
     * added up in four sums, so that no sum waits on the one before it (a check needs no mean).
     */
    static boolean finite(double[] lanes) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int n = lanes.length;
      int i = 0;
      for (; i + 3 < n; i += 4) {
        s0 += lanes[i] * 0.0;
        s1 += lanes[i + 1] * 0.0;
        s2 += lanes[i + 2] * 0.0;
        s3 += lanes[i + 3] * 0.0;
      }
      for (; i < n; i++) {
        s0 += lanes[i] * 0.0;
      }
      return s0 + s1 + s2 + s3 == 0;
    }

    /** Whether any draw's bits differ from the first's: found at once where the draws vary. */
    static boolean differentBits(double[] lanes) {
      long first = Double.doubleToRawLongBits(lanes[0]);
      for (double v : lanes) {
        if (Double.doubleToRawLongBits(v) != first) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The second thread of {@link #run}: takes the figures in the order they are handed over and
   * summarises each. At most {@link #IN_FLIGHT} figures wait for it, so the lanes held stay within
   * a few figures' of what a run on one core holds.
   */
  private static final class Summariser extends Thread {
    private static final int IN_FLIGHT = 2;
    private static final Object[] END = {};
    private final java.util.concurrent.BlockingQueue<Object[]> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(IN_FLIGHT);
    private final Summaries summaries;
    private final Lanes.Pool pool;
    private volatile Throwable failure;

    Summariser(Summaries summaries, Lanes.Pool pool) {
      super("envelope-summaries");
      setDaemon(true);
      this.summaries = summaries;
      this.pool = pool;
    }

    @Override
    public void run() {
      try {
        while (true) {
          Object[] next = queue.take();
          if (next == END) {
            return;
          }
          summaries.figure((Integer) next[0], (Step) next[1], (double[]) next[2], (Selection.Scan) next[3]);
          if ((Boolean) next[4]) {
            pool.release((double[]) next[2]);
          }
        }
      } catch (InterruptedException e) {
        // the run failed on the other thread: nothing more to do
      } catch (Throwable t) {
        failure = t;
        queue.clear(); // frees the other thread if it waits to hand over a figure
      }
    }

    /**
     * Hands over the figure worked out {@code at}-th, with its draws' scan; {@code share}: its
     * lanes go back to the pool once summarised.
     */
    void add(int at, Step step, double[] lanes, Selection.Scan scan, boolean share) {
      put(new Object[] {at, step, lanes, scan, share});
    }

    /** Waits until every figure handed over is summarised; rethrows what failed on this thread. */
    void finish() {
      put(END);
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while summarising the draws", e);
      }
      rethrow();
    }

    private void put(Object[] item) {
      try {
        while (!queue.offer(item, 10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          rethrow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while summarising the draws", e);
      }
      rethrow();
    }

    private void rethrow() {
      Throwable t = failure;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }

  /**
   * The draws of each uncertain input by input key ({@link Lanes#inputKey}), made on demand: an
   * input that inherits another's value ({@code read_size} from {@code payload}) takes its draws,
   * and a pair that must keep its order ({@code required} at most {@code replicas}) is kept in
   * order lane by lane ({@link Requirements.Order}). Null for an input that is not a range.
   */
  public static Function<String, double[]> draws(Requirements.Uncertainty uncertainty, int samples, long seed) {
    Map<String, Uncertain> byKey = new HashMap<>();
    Map<String, Uncertain> byPath = new HashMap<>();
    for (Uncertain u : uncertainty.inputs()) {
      byKey.put(Lanes.inputKey(u.path()), u);
      byPath.put(u.path(), u);
    }
    Map<String, String> inherits = new HashMap<>();
    for (Map.Entry<String, String> e : uncertainty.inherits().entrySet()) {
      inherits.put(Lanes.inputKey(e.getKey()), Lanes.inputKey(e.getValue()));
    }
    Map<String, Requirements.Order> lowers = new HashMap<>();
    for (Requirements.Order o : uncertainty.orders()) {
      lowers.put(Lanes.inputKey(o.lower()), o);
    }
    Map<String, Requirements.Correlation> seconds = new HashMap<>();
    for (Requirements.Correlation c : uncertainty.correlations()) {
      seconds.put(c.second(), c);
    }
    // An input others inherit (payload, whose draws read_size takes) is drawn once and its draws
    // handed to each of them (they are never written to): held until the last has taken them.
    Map<String, Object> locks = new HashMap<>();
    Map<String, Integer> left = new java.util.concurrent.ConcurrentHashMap<>(); // the input itself and each taker
    for (String from : inherits.values()) {
      locks.putIfAbsent(from, new Object());
      left.put(from, left.getOrDefault(from, 1) + 1);
    }
    Map<String, double[]> shared = new java.util.concurrent.ConcurrentHashMap<>();
    return new Function<>() {
      @Override
      public double[] apply(String key) {
        String source = inherits.getOrDefault(key, key);
        Uncertain u = byKey.get(source);
        double[] own = u == null ? null : drawsOf(source, u);
        Requirements.Order o = lowers.get(key);
        if (o == null) {
          return own;
        }
        double[] upper = apply(Lanes.inputKey(o.upper()));
        if (own == null && upper == null) {
          return null;
        }
        double[] kept = new double[samples];
        for (int i = 0; i < samples; i++) {
          kept[i] = o.lowered(own == null ? o.lowerPoint() : own[i], upper == null ? o.upperPoint() : upper[i]);
        }
        return kept;
      }

      private double[] drawsOf(String source, Uncertain u) {
        Object lock = locks.get(source);
        if (lock == null) {
          return drawOf(u);
        }
        synchronized (lock) {
          double[] d = shared.get(source);
          if (d == null) {
            d = drawOf(u);
            shared.put(source, d);
          }
          int n = left.get(source) - 1;
          left.put(source, n);
          if (n == 0) {
            shared.remove(source);
          }
          return d;
        }
      }

      private double[] drawOf(Uncertain u) {
        double[] drawn = draw(u, samples, generator(seed, u.path()));
        Requirements.Correlation c = seconds.get(u.path());
        if (c == null || c.rank() == 0) {
          return drawn;
        }
        Uncertain first = byPath.get(c.first());
        return correlated(draw(first, samples, generator(seed, first.path())), drawn, c.rank(),
            generator(seed, "correlations " + c.first() + " " + c.second()));
      }
    };
  }

  /**
   * {@code second}'s draws reordered lane by lane so that their ranks follow {@code first}'s with a
   * Spearman rank correlation of about {@code rank}; the values themselves are kept, so its
   * distribution is the one drawn alone (the method of Iman and Conover, 1982). Scores are drawn
   * from a bivariate normal with Pearson correlation {@code 2 sin(pi rank / 6)}, whose rank
   * correlation is {@code rank}: the k-th smallest draw of {@code first} takes the second score of
   * the pair with the k-th smallest first score, and {@code second}'s sorted draws are dealt out in
   * the order of those scores.
   */
  static double[] correlated(double[] first, double[] second, double rank, UniformRandomProvider rng) {
    int n = first.length;
    double rho = 2 * Math.sin(Math.PI * rank / 6);
    double rest = Math.sqrt(Math.max(0, 1 - rho * rho));
    ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] z1 = new double[n];
    double[] z2 = new double[n];
    for (int i = 0; i < n; i++) {
      z1[i] = z.sample();
      z2[i] = rho * z1[i] + rest * z.sample();
    }
    Integer[] byFirst = order(first);
    Integer[] byScore = order(z1);
    double[] score = new double[n];
    for (int k = 0; k < n; k++) {
      score[byFirst[k]] = z2[byScore[k]];
    }
    Integer[] lanes = order(score);
    double[] sorted = second.clone();
    Arrays.sort(sorted);
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[lanes[k]] = sorted[k];
    }
    return out;
  }

  /** The lanes in increasing order of {@code values}, ties by lane. */
  private static Integer[] order(double[] values) {
    Integer[] lanes = new Integer[values.length];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = i;
    }
    Arrays.sort(lanes, (a, b) -> {
      int c = Double.compare(values[a], values[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return lanes;
  }

  /**
   * Percentiles by selection, on scratch arrays reused from figure to figure. The Nth percentile is
   * the order statistic Commons Math's {@code Percentile} gives for its R_1 estimation type: the
   * {@code ceil(n x N / 100)}th smallest draw.
   *
   * <p>A radix selection: each draw's bits, read as an integer that orders as the draws do (sign
   * flipped, the rest of a negative inverted), are cut into {@value #BUCKET_BITS}-bit buckets over
   * the span the draws take; one pass counts the draws in each bucket, which gives the bucket that
   * holds each wanted order statistic, and a second copies out only the draws of those buckets,
   * which are searched the same way on a narrower span until a few are left, then sorted. The
   * buckets follow the draws' exponents, so a long tail (a lognormal, a span of orders of
   * magnitude) spreads over them as a narrow range does. The order statistic is one value, so the
   * result is the same whatever the method; where a draw is not a number or a negative zero (whose
   * place among equal zeros a method decides) it is found as before, by Commons Math's
   * {@link KthSelector} on a copy.
   */
  static final class Selection {
    /** 2^11 buckets: their counts fit the processor's first cache. */
    private static final int BUCKET_BITS = 11;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    /** At most this many draws left: sorted rather than cut again. */
    private static final int SORT_BELOW = 64;

    /** Made on first need: a figure with a NaN or a negative zero among its draws. */
    private KthSelector selector;
    private int[] pivots;
    private final int[] counts = new int[BUCKETS];
    private final int[] slots = new int[BUCKETS];
    private long[] gathered;

    /** The keys gathered for the percentiles take what they need, when they need it. */
    Selection() {
      gathered = new long[0];
    }

    /**
     * One pass over a figure's draws, ahead of {@link #scanned}: the sum of the draws (added in
     * lane order, as the mean always was), the least and greatest of their keys (their bits, turned
     * so that they sort as the draws do), whether every draw is a plain number (no NaN, no negative
     * zero), and how many are not finite numbers. It reads the draws alone, so it is made where the
     * figure is worked out, and the thread that selects from them has one pass fewer to make.
     */
    record Scan(double sum, long min, long max, boolean plain, int nonFinite) {
      /**
       * The usual case first, four draws a turn (the compiler of a short run neither unrolls a loop
       * nor overlaps its turns): the sum, still added draw by draw in lane order, and the least and
       * greatest keys, each kept four times over and put together at the end. A finite sum means
       * every draw is finite (an infinity or a NaN keeps any sum it enters from being one), and keys
       * all above +0.0's or all below -0.0's mean there is no negative zero: the draws are plain,
       * and the pass is done. Else the draws are scanned again one by one ({@link #drawByDraw}).
       */
      static Scan of(double[] lanes) {
        int n = lanes.length;
        long lo0 = Long.MAX_VALUE;
        long lo1 = Long.MAX_VALUE;
        long lo2 = Long.MAX_VALUE;
        long lo3 = Long.MAX_VALUE;
        long hi0 = Long.MIN_VALUE;
        long hi1 = Long.MIN_VALUE;
        long hi2 = Long.MIN_VALUE;
        long hi3 = Long.MIN_VALUE;
        double sum = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
          double v0 = lanes[i];
          double v1 = lanes[i + 1];
          double v2 = lanes[i + 2];
          double v3 = lanes[i + 3];
          sum = sum + v0 + v1 + v2 + v3;
          long k0 = key(v0);
          long k1 = key(v1);
          long k2 = key(v2);
          long k3 = key(v3);
          lo0 = Math.min(lo0, k0);
          hi0 = Math.max(hi0, k0);
          lo1 = Math.min(lo1, k1);
          hi1 = Math.max(hi1, k1);
          lo2 = Math.min(lo2, k2);
          hi2 = Math.max(hi2, k2);
          lo3 = Math.min(lo3, k3);
          hi3 = Math.max(hi3, k3);
        }
        for (; i < n; i++) {
          double v = lanes[i];
          sum += v;
          long k = key(v);
          lo0 = Math.min(lo0, k);
          hi0 = Math.max(hi0, k);
        }
        long lo = Math.min(Math.min(lo0, lo1), Math.min(lo2, lo3));
        long hi = Math.max(Math.max(hi0, hi1), Math.max(hi2, hi3));
        if (Double.isFinite(sum) && (lo > key(0.0) || hi < key(-0.0))) {
          return new Scan(sum, lo, hi, true, 0);
        }
        return drawByDraw(lanes);
      }

      /** {@link #of} where the draws may hold a NaN, an infinity or a negative zero. */
      static Scan drawByDraw(double[] lanes) {
        int n = lanes.length;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        boolean ok = true;
        int infinite = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
          double v = lanes[i];
          sum += v;
          long bits = Double.doubleToRawLongBits(v);
          long magnitude = bits & 0x7fffffffffffffffL;
          // All ones in the exponent: an infinity, or NaN where the fraction is not zero; a negative
          // zero is the sign bit alone.
          infinite += magnitude >= 0x7ff0000000000000L ? 1 : 0;
          ok &= magnitude <= 0x7ff0000000000000L && bits != Long.MIN_VALUE;
          long key = bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
          lo = Math.min(lo, key);
          hi = Math.max(hi, key);
        }
        return new Scan(sum, lo, hi, ok, infinite);
      }

      /** Whether any draw differs from the first ({@link Double#compare}). */
      boolean varies(double[] lanes) {
        if (plain) {
          return min != max; // no NaN, no negative zero: two draws compare equal when their bits are equal
        }
        double first = lanes[0];
        for (double v : lanes) {
          if (Double.compare(v, first) != 0) {
            return true;
          }
        }
        return false;
      }
    }

    /** A draw's key: its bits, the negative ones turned, so that keys sort as plain numbers do. */
    static long key(double v) {
      long bits = Double.doubleToRawLongBits(v);
      return bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
    }

    double[] percentiles(double[] lanes, double[] ps) {
      return scanned(Scan.of(lanes), lanes, ps);
    }

    /** The percentiles {@code ps} of {@code lanes}, whose {@link Scan} is {@code scan}. */
    double[] scanned(Scan scan, double[] lanes, double[] ps) {
      int n = lanes.length;
      int[] ranks = new int[ps.length];
      for (int i = 0; i < ps.length; i++) {
        double index = n * (ps[i] / 100) + 0.5;
        ranks[i] = Math.max(0, Math.min(n - 1, (int) Math.ceil(index - 0.5) - 1));
      }
      if (!scan.plain()) {
        return byKthSelector(lanes, ranks);
      }
      long min = scan.min();
      long max = scan.max();
      double[] values = new double[ps.length];
      if (min == max) {
        java.util.Arrays.fill(values, value(min));
        return values;
      }
      // The first cut is shared by every percentile: one counting pass, one copying pass.
      int shift = shift(max - min);
      int[] c = counts;
      count(lanes, min, shift, c);
      int[] bucketOf = new int[ranks.length];
      int[] below = new int[ranks.length];
      java.util.Arrays.fill(slots, -1);
      int used = 0;
      for (int i = 0; i < ranks.length; i++) {
        int bucket = 0;
        int before = 0;
        while (before + c[bucket] <= ranks[i]) {
          before += c[bucket];
          bucket++;
        }
        bucketOf[i] = bucket;
        below[i] = before;
        if (slots[bucket] < 0) {
          slots[bucket] = used;
          used += c[bucket];
        }
      }
      // slots[b]: where bucket b's draws start in gathered; then the next free place, as they are copied.
      int[] start = new int[ranks.length];
      int[] size = new int[ranks.length];
      for (int i = 0; i < ranks.length; i++) {
        start[i] = slots[bucketOf[i]];
        size[i] = c[bucketOf[i]];
      }
      if (gathered.length < used) {
        gathered = new long[used];
      }
      gather(lanes, min, shift, slots, gathered);
      long[] g = gathered;
      for (int i = 0; i < ranks.length; i++) {
        int from = start[i];
        int to = from + size[i];
        values[i] = value(select(java.util.Arrays.copyOfRange(g, from, to), ranks[i] - below[i]));
      }
      return values;
    }

    /** {@code c}: how many of the first {@code n} keys fall in each bucket (cleared first). */
    private static void count(long[] k, int n, long min, int shift, int[] c) {
      java.util.Arrays.fill(c, 0);
      for (int i = 0; i < n; i++) {
        c[(int) ((k[i] - min) >>> shift)]++;
      }
    }

    /** {@link #count} on the keys of {@code lanes}, worked out again rather than kept. */
    private static void count(double[] lanes, long min, int shift, int[] c) {
      java.util.Arrays.fill(c, 0);
      for (int i = 0; i < lanes.length; i++) {
        c[(int) ((key(lanes[i]) - min) >>> shift)]++;
      }
    }

    /**
     * Copies the keys of the draws in buckets with a place in {@code g} to it: {@code s[b]}, the
     * next free place of bucket b's keys, or -1 for a bucket no percentile falls in.
     */
    private static void gather(double[] lanes, long min, int shift, int[] s, long[] g) {
      for (int i = 0; i < lanes.length; i++) {
        long key = key(lanes[i]);
        int bucket = (int) ((key - min) >>> shift);
        int slot = s[bucket];
        if (slot >= 0) {
          g[slot] = key;
          s[bucket] = slot + 1;
        }
      }
    }

    /** The right shift that leaves {@value #BUCKET_BITS} bits of a key's distance over {@code span}. */
    private static int shift(long span) {
      return Math.max(0, 64 - Long.numberOfLeadingZeros(span) - BUCKET_BITS);
    }

    /** The key at {@code rank} among {@code k}, cut by the same buckets until a few are left. */
    private long select(long[] k, int rank) {
      int size = k.length;
      while (true) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
          min = Math.min(min, k[i]);
          max = Math.max(max, k[i]);
        }
        if (min == max) {
          return min;
        }
        if (size <= SORT_BELOW) {
          java.util.Arrays.sort(k, 0, size);
          return k[rank];
        }
        int shift = shift(max - min);
        int[] c = counts;
        count(k, size, min, shift, c);
        int bucket = 0;
        while (c[bucket] <= rank) {
          rank -= c[bucket];
          bucket++;
        }
        int at = 0;
        for (int i = 0; i < size; i++) {
          if ((int) ((k[i] - min) >>> shift) == bucket) {
            k[at++] = k[i]; // in place: at never passes i
          }
        }
        size = at;
      }
    }

    private static double value(long key) {
      return Double.longBitsToDouble(key ^ ((key >> 63) & 0x7fffffffffffffffL));
    }

    private double[] byKthSelector(double[] lanes, int[] ranks) {
      if (selector == null) {
        selector = new KthSelector();
        pivots = new int[1023];
      }
      double[] scratch = lanes.clone();
      java.util.Arrays.fill(pivots, -1);
      double[] values = new double[ranks.length];
      for (int i = 0; i < ranks.length; i++) {
        values[i] = selector.select(scratch, pivots, ranks[i]);
      }
      return values;
    }
  }

  /** A generator for one input: the run's seed mixed with the input's path, expanded by SplitMix64. */
  static UniformRandomProvider generator(long seed, String path) {
    SplitMix64 mix = new SplitMix64(seed * 0x9E3779B97F4A7C15L + path.hashCode());
    return new XoRoShiRo128PlusPlus(mix.nextLong(), mix.nextLong());
  }

  /** {@code samples} draws of {@code u}, kept within its field's valid values (whole where it counts). */
  static double[] draw(Uncertain u, int samples, UniformRandomProvider rng) {
    double[] out = new double[samples];
    // A draw strictly between the bounds of a field that need not be whole is its own bounded
    // value: only the others go through Uncertain.bounded.
    double min = u.whole() ? Double.POSITIVE_INFINITY : u.min();
    double max = u.max();
    switch (u.shape()) {
      case FIXED -> Arrays.fill(out, u.bounded(u.a()));
      case LOGNORMAL -> {
        // Two pieces when low, mid and high are all given: below the median the spread through
        // low, above it the spread through high; one lognormal when the two spreads are equal.
        ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        if (u.b() == u.c()) {
          lognormal(u, z, min, max, out);
        } else {
          twoPieceLognormal(u, z, min, max, out);
        }
      }
      case NORMAL -> normal(u, ZigguratSampler.NormalizedGaussian.of(rng), min, max, out);
      case UNIFORM -> uniform(u, rng, min, max, out);
      case TRIANGULAR -> triangular(u, rng, min, max, out);
    }
    return out;
  }

  // The loops of draw, a method each, so that a short run compiles the few bytes of the one a
  // range turns. A draw strictly between min and max is its own bounded value.

  private static void lognormal(Uncertain u, ContinuousSampler z, double min, double max, double[] out) {
    double median = u.a();
    double spread = u.c();
    for (int i = 0; i < out.length; i++) {
      double v = median * dev.envelope.model.Exp.of(z.sample() * spread);
      out[i] = v > min && v < max ? v : u.bounded(v);
    }
  }

  private static void twoPieceLognormal(Uncertain u, ContinuousSampler z, double min, double max, double[] out) {
    double median = u.a();
    double below = u.b();
    double above = u.c();
    for (int i = 0; i < out.length; i++) {
      double g = z.sample();
      double v = median * dev.envelope.model.Exp.of(g * (g < 0 ? below : above));
      out[i] = v > min && v < max ? v : u.bounded(v);
    }
  }

  private static void normal(Uncertain u, ContinuousSampler z, double min, double max, double[] out) {
    for (int i = 0; i < out.length; i++) {
      double v = u.a() + u.b() * z.sample();
      out[i] = v > min && v < max ? v : u.bounded(v);
    }
  }

  private static void uniform(Uncertain u, UniformRandomProvider rng, double min, double max, double[] out) {
    for (int i = 0; i < out.length; i++) {
      double v = u.a() + (u.b() - u.a()) * rng.nextDouble();
      out[i] = v > min && v < max ? v : u.bounded(v);
    }
  }

  private static void triangular(Uncertain u, UniformRandomProvider rng, double min, double max, double[] out) {
    for (int i = 0; i < out.length; i++) {
      double v = u.inverse(rng.nextDouble());
      out[i] = v > min && v < max ? v : u.bounded(v);
    }
  }

  /** The value below which a share {@code p} of {@code u}'s draws fall (bounded as the draws are). */
  public static double quantile(Uncertain u, double p) {
    return u.quantile(p);
  }

  /** The paths of the inputs written as ranges, in file order. */
  public static List<String> inputPaths(Requirements req) {
    List<String> paths = new ArrayList<>();
    for (Uncertain u : req.uncertainty().inputs()) {
      paths.add(u.path());
    }
    return paths;
  }
}
