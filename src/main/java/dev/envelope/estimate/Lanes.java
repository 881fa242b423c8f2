package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Apply;
import dev.envelope.estimate.Derivation.Env;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.units.Fractions;
import dev.envelope.units.TimeBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one evaluator of the method on lanes: a lane is one world, every input at one value. The
 * point estimate is one lane, a Monte Carlo one lane per draw, a sensitivity analysis two lanes
 * per input. The steps of the point estimate are worked again, in their order, each on every lane
 * at once; an input's lanes come from {@link Inputs} (its draws, or its one value), a figure's
 * from its own step.
 *
 * <p>Memory stays near the live figures times the lanes, whatever the number of figures: each
 * figure's lanes go to the caller's {@link Sink} as soon as they are worked out (which takes what
 * it needs: a summary, or the draws of a histogram), and are dropped once no later step uses them;
 * an input's draws are made on first use and dropped after their last.
 */
public final class Lanes {
  private Lanes() {}

  /** Receives each figure's lanes once they are worked out; they may be kept, not changed. */
  public interface Sink {
    void figure(Step step, double[] lanes);
  }

  /**
   * The lanes each input takes: {@code lanes(path)} gives an input's values in its base unit
   * (per second, bytes, seconds, a fraction), or null where it takes its one value on every lane.
   */
  public interface Inputs {
    double[] lanes(String path);

    /** Called once the lanes of {@code path} are no longer needed. */
    default void release(String path) {}
  }

  /** The key of an input in the draws: a list item by its index, {@code availability.components.0.replicas}. */
  public static String inputKey(String path) {
    return path.indexOf('[') < 0 ? path : path.replaceAll("\\[(\\d+)\\]", ".$1");
  }

  /**
   * Works out {@code steps} (a point estimate's, or those of one figure and what it uses) on
   * {@code lanes} lanes, handing each figure to {@code sink}.
   */
  public static void run(List<Step> steps, Inputs inputs, int lanes, TimeBase time, Sink sink) {
    run(steps, inputs, lanes, time, sink, null);
  }

  /**
   * Arrays of lanes used again once their figure is done with, so that a run on many lanes
   * allocates (and touches) a few figures' worth of memory rather than one array a figure. A
   * figure's array is the evaluator's until no later step uses it, and the sink's from each time
   * it is handed over ({@link #handOver}) until it has taken what it needs; each gives it back
   * ({@link #release}), and the last to do so frees it. Only an array the evaluator made for that figure alone is taken back: never an input's
   * draws, nor one that another figure or a sum also holds. Safe between threads.
   */
  public static final class Pool {
    private static final int KEPT = 4;
    private final int lanes;
    private final Map<double[], Integer> owners = new java.util.IdentityHashMap<>();
    private final java.util.ArrayDeque<double[]> free = new java.util.ArrayDeque<>();

    public Pool(int lanes) {
      this.lanes = lanes;
    }

    synchronized double[] take(int n) {
      return n == lanes && !free.isEmpty() ? free.pop() : new double[n];
    }

    /** {@code a}, just made for a figure alone, is the evaluator's until it releases it. */
    synchronized void own(double[] a) {
      if (a.length == lanes && !owners.containsKey(a)) {
        owners.put(a, 1);
      }
    }

    /**
     * The sink takes a share of {@code a}, handed over with a figure: true if it must
     * {@link #release} it once done (or keep it for good by never doing so).
     */
    public synchronized boolean handOver(double[] a) {
      Integer left = owners.get(a);
      if (left == null) {
        return false;
      }
      owners.put(a, left + 1);
      return true;
    }

    /** {@code a}'s owner is done with it; an array the pool does not own is left alone. */
    public synchronized void release(double[] a) {
      Integer left = owners.get(a);
      if (left == null) {
        return;
      }
      if (left > 1) {
        owners.put(a, left - 1);
        return;
      }
      owners.remove(a);
      if (free.size() < KEPT) {
        free.push(a);
      }
    }

  }

  /**
   * {@link #run} with {@code pool} (or null) supplying the arrays of operations' results and taking
   * back each figure's once the evaluator and {@code sink} are done with it: a sink that holds a
   * figure's lanes past its call takes its share with {@link Pool#handOver} during the call.
   */
  public static void run(List<Step> steps, Inputs inputs, int lanes, TimeBase time, Sink sink, Pool pool) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      index.put(steps.get(i).path(), i);
    }
    // A sum over many figures (a total over the workloads) is added up term by term as each term's
    // figures are worked out, so that they need not all be kept until the total's step.
    Map<Integer, List<Term>> termsAfter = new HashMap<>();
    Map<Term, Integer> termAt = new java.util.IdentityHashMap<>();
    Map<Apply, double[]> sums = new java.util.IdentityHashMap<>();
    Map<Term, Apply> sumOf = new java.util.IdentityHashMap<>();
    // The last step whose formula holds each sum: its total is dropped after it.
    Map<Apply, Integer> lastHolder = new java.util.IdentityHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      for (Apply sum : sums(steps.get(i).term())) {
        lastHolder.put(sum, i);
      }
    }
    Map<Integer, List<Apply>> sumsDoneAfter = new HashMap<>();
    for (Map.Entry<Apply, Integer> e : lastHolder.entrySet()) {
      listAt(sumsDoneAfter, e.getValue()).add(e.getKey());
    }
    for (int i = 0; i < steps.size(); i++) {
      for (Apply sum : sums(steps.get(i).term())) {
        int previous = -1;
        List<Integer> ready = new ArrayList<>();
        for (Term t : sum.args()) {
          int r = -1;
          List<Operand> ops = new ArrayList<>();
          t.collect(ops);
          for (Operand o : ops) {
            if (o.from().kind() == Source.Kind.DERIVED) {
              r = Math.max(r, index.getOrDefault(o.from().path().orElseThrow(), i));
            }
          }
          ready.add(r);
          previous = r < previous ? Integer.MAX_VALUE : r;
        }
        if (previous == Integer.MAX_VALUE || ready.contains(-1)) {
          continue; // terms ready out of order, or from inputs alone: added at the step, in order
        }
        for (int j = 0; j < sum.args().size(); j++) {
          Term t = sum.args().get(j);
          listAt(termsAfter, ready.get(j)).add(t);
          termAt.put(t, ready.get(j));
          sumOf.put(t, sum);
        }
        sums.put(sum, null);
      }
    }
    // The last step to use each figure and each input, so that their lanes can go after it: a term
    // added up ahead uses its figures at the step they are ready.
    Map<String, Integer> lastFigureUse = new HashMap<>();
    Map<String, Integer> lastInputUse = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      recordUses(steps.get(i).term(), i, termAt, lastFigureUse, lastInputUse);
    }
    Run run = new Run(inputs, time, lanes, sums, pool);
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      double[] values = step.term().lanes(run);
      if (pool != null && !(step.term() instanceof Operand) && !run.holds(values)) {
        pool.own(values);
      }
      run.figures.put(step.path(), values);
      if (Estimate.keepsComplement(step.unit())) {
        run.complements.put(step.path(), Derivation.complement(step.term(), run));
        run.logComplements.put(step.path(), Derivation.log10Complement(step.term(), run));
      }
      sink.figure(step, values);
      List<Operand> used = new ArrayList<>();
      for (Term t : termsAfter.getOrDefault(i, List.of())) {
        Apply sum = sumOf.get(t);
        double[] v = t.lanes(run);
        double[] acc = sums.get(sum);
        if (acc == null) {
          double[] first = run.fresh(v.length);
          System.arraycopy(v, 0, first, 0, v.length);
          sums.put(sum, first);
        } else {
          sums.put(sum, add(acc, v));
        }
        if (t instanceof Apply) {
          run.recycle(v); // the term's own result, now added in
        }
        t.collect(used);
      }
      if (!lastFigureUse.containsKey(step.path())) {
        run.drop(step.path());
      }
      for (Apply sum : sumsDoneAfter.getOrDefault(i, List.of())) {
        double[] total = sums.get(sum);
        if (total != null) {
          sums.put(sum, null); // added up and used: no later step holds this sum
          run.recycle(total);
        }
      }
      step.term().collect(used);
      for (Operand o : used) {
        String path = o.from().path().orElse(null);
        if (path == null || o.from().kind() == Source.Kind.CONVENTION) {
          continue;
        }
        if (o.from().kind() == Source.Kind.DERIVED) {
          if (Integer.valueOf(i).equals(lastFigureUse.get(path))) {
            run.drop(path);
          }
        } else {
          String key = inputKey(path);
          if (Integer.valueOf(i).equals(lastInputUse.get(key))) {
            List<double[]> gone = new ArrayList<>();
            for (java.util.Iterator<Map.Entry<String, double[]>> it = run.converted.entrySet().iterator(); it.hasNext(); ) {
              Map.Entry<String, double[]> e = it.next();
              if (e.getKey().startsWith(key + "|")) {
                gone.add(e.getValue());
                it.remove();
              }
            }
            for (double[] g : gone) {
              run.recycle(g);
            }
            run.drawn.remove(key);
            inputs.release(key);
          }
        }
      }
    }
  }

  /** The list at {@code key}, made empty if there is none. */
  private static <T> List<T> listAt(Map<Integer, List<T>> map, Integer key) {
    List<T> list = map.get(key);
    if (list == null) {
      list = new ArrayList<>();
      map.put(key, list);
    }
    return list;
  }

  /** The later of {@code at} and the step already recorded for {@code key}. */
  private static void latest(Map<String, Integer> map, String key, int at) {
    Integer was = map.get(key);
    map.put(key, was == null ? at : Math.max(was, at));
  }

  /** {@code acc + v}, in place where {@code acc} is as long; a new array where {@code v} is longer. */
  private static double[] add(double[] acc, double[] v) {
    if (acc.length >= v.length) {
      // Op's loops, in place: one for each shape, so that neither tests the shape lane by lane
      if (v.length == 1) {
        Op.plus(acc, v[0], acc, acc.length);
      } else {
        Op.plus(acc, v, acc, acc.length);
      }
      return acc;
    }
    double[] r = new double[v.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = acc[0] + v[i];
    }
    return r;
  }

  /** The sums of two or more terms in {@code term}, outermost first. */
  private static List<Apply> sums(Term term) {
    List<Apply> out = new ArrayList<>();
    java.util.ArrayDeque<Term> queue = new java.util.ArrayDeque<>();
    queue.add(term);
    while (!queue.isEmpty()) {
      Term t = queue.poll();
      if (t instanceof Apply a) {
        if (a.op() == Op.SUM && a.args().size() > 1) {
          out.add(a);
        } else {
          queue.addAll(a.args());
        }
      }
    }
    return out;
  }

  private static void recordUses(Term term, int step, Map<Term, Integer> termAt, Map<String, Integer> figures,
      Map<String, Integer> inputs) {
    java.util.ArrayDeque<Object[]> queue = new java.util.ArrayDeque<>();
    queue.add(new Object[] {term, step});
    while (!queue.isEmpty()) {
      Object[] next = queue.poll();
      Term t = (Term) next[0];
      int at = termAt.getOrDefault(t, (Integer) next[1]);
      if (t instanceof Operand o) {
        String path = o.from().path().orElse(null);
        if (path == null || o.from().kind() == Source.Kind.CONVENTION) {
          continue;
        }
        if (o.from().kind() == Source.Kind.DERIVED) {
          latest(figures, path, at);
        } else {
          latest(inputs, inputKey(path), at);
        }
      } else {
        for (Term a : ((Apply) t).args()) {
          queue.add(new Object[] {a, at});
        }
      }
    }
  }

  /** The steps {@code paths} need: theirs and those they use, in the order of {@code steps}. */
  public static List<Step> cone(List<Step> steps, Collection<String> paths) {
    Map<String, Step> byPath = new HashMap<>();
    for (Step s : steps) {
      byPath.put(s.path(), s);
    }
    Set<String> wanted = new HashSet<>();
    List<String> queue = new ArrayList<>(paths);
    while (!queue.isEmpty()) {
      String p = queue.remove(queue.size() - 1);
      Step s = byPath.get(p);
      if (s != null && wanted.add(p)) {
        queue.addAll(s.uses());
      }
    }
    List<Step> cone = new ArrayList<>();
    for (Step s : steps) {
      if (wanted.contains(s.path())) {
        cone.add(s);
      }
    }
    return List.copyOf(cone);
  }

  /**
   * What working {@code steps} out costs on one lane, in the work budget's unit: one a figure,
   * and more for the figures that run a model's search ({@link Op#cost}).
   */
  public static long cost(List<Step> steps) {
    return cost(steps, null);
  }

  /**
   * {@link #cost} on many lanes, where only the figures that vary run once a lane: those that use
   * one of the {@code ranged} input keys, or a figure that varies. The others are worked out once
   * (and count 1 a lane, as every figure does). With {@code ranged} null every figure runs once a
   * lane, as at the point.
   */
  public static long cost(List<Step> steps, Set<String> ranged) {
    Set<String> varying = new HashSet<>();
    long sum = 0;
    for (Step s : steps) {
      boolean varies = ranged == null;
      for (Operand o : varies ? List.<Operand>of() : s.operands()) {
        Source from = o.from();
        if (from.path().isEmpty() || from.kind() == Source.Kind.CONVENTION) {
          continue;
        }
        if (from.kind() == Source.Kind.DERIVED ? varying.contains(from.path().get())
            : ranged.contains(inputKey(from.path().get()))) {
          varies = true;
          break;
        }
      }
      if (varies) {
        varying.add(s.path());
      }
      sum += 1 + (varies ? Math.max(0, s.term().cost()) : 0);
    }
    return sum;
  }

  /** The paths of the inputs {@code steps} use, in the order they first use them. */
  public static Set<String> inputs(List<Step> steps) {
    Set<String> out = new LinkedHashSet<>();
    for (Step s : steps) {
      for (Operand o : s.operands()) {
        if (o.from().kind() != Source.Kind.DERIVED && o.from().kind() != Source.Kind.CONVENTION
            && o.from().path().isPresent()) {
          out.add(inputKey(o.from().path().get()));
        }
      }
    }
    return out;
  }

  /** One evaluation's live lanes. */
  private static final class Run implements Env {
    private final Inputs inputs;
    private final TimeBase time;
    private final int lanes;
    final Map<String, double[]> figures = new HashMap<>();
    final Map<String, double[]> complements = new HashMap<>();
    final Map<String, double[]> logComplements = new HashMap<>();
    /** The draws of the inputs in use, by key: never a figure's alone, whatever its formula returns. */
    final Map<String, double[]> drawn = new HashMap<>();
    /** Inputs in the unit an operand names them in (2 /day is a rate per second x 86,400). */
    final Map<String, double[]> converted = new HashMap<>();

    private final Map<Apply, double[]> sums;
    private final Pool pool;

    Run(Inputs inputs, TimeBase time, int lanes, Map<Apply, double[]> sums, Pool pool) {
      this.inputs = inputs;
      this.time = time;
      this.lanes = lanes;
      this.sums = sums;
      this.pool = pool;
    }

    @Override
    public double[] fresh(int n) {
      if (pool == null) {
        return new double[n];
      }
      double[] a = pool.take(n);
      pool.own(a);
      return a;
    }

    @Override
    public void done(double[] temporary) {
      recycle(temporary);
    }

    /** Gives {@code a} back to the pool unless a figure, a sum, a complement or an input still holds it. */
    void recycle(double[] a) {
      if (pool != null && a != null && !holds(a)) {
        pool.release(a);
      }
    }

    /** Whether {@code a} is already a live figure's, a sum's, a complement's or an input's. */
    boolean holds(double[] a) {
      for (Map<?, double[]> m : List.of(figures, complements, logComplements, converted, sums, drawn)) {
        for (double[] v : m.values()) {
          if (v == a) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public double[] ahead(Apply node) {
      return sums.get(node);
    }

    void drop(String path) {
      double[] v = figures.remove(path);
      if (pool != null && v != null && !holds(v)) {
        pool.release(v);
      }
      complements.remove(path);
      logComplements.remove(path);
    }

    @Override
    public double[] lanes(Operand o) {
      Source from = o.from();
      if (from.kind() == Source.Kind.DERIVED) {
        double[] v = figures.get(from.path().orElseThrow());
        if (v == null) {
          throw new IllegalStateException("figure used after it was dropped: " + from.path().get());
        }
        return v;
      }
      if (from.kind() == Source.Kind.CONVENTION || from.path().isEmpty()) {
        return new double[] {o.value()};
      }
      String key = inputKey(from.path().get());
      double[] base = inputs.lanes(key);
      if (base == null) {
        return new double[] {o.value()};
      }
      drawn.put(key, base);
      double scale = scale(o.unit());
      if (scale == 1) {
        return base;
      }
      String as = key + "|" + o.unit();
      double[] v = converted.get(as);
      if (v == null) {
        v = fresh(base.length);
        Op.times(base, scale, v, v.length);
        converted.put(as, v);
      }
      return v;
    }

    /** The factor from an input's base unit to the unit its operand is written in. */
    private double scale(Unit unit) {
      return switch (unit.measure()) {
        case PER_PERIOD -> time.seconds(unit.period().orElseThrow());
        case PERIODS -> 1 / time.seconds(unit.period().orElseThrow());
        default -> 1;
      };
    }

    @Override
    public double[] log10Complement(Operand o) {
      Source from = o.from();
      if (from.kind() == Source.Kind.DERIVED) {
        double[] c = logComplements.get(from.path().orElseThrow());
        if (c != null) {
          return c;
        }
      }
      double[] c = complement(o);
      double[] r = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        r[i] = Math.log10(c[i]);
      }
      return r;
    }

    @Override
    public double[] complement(Operand o) {
      Source from = o.from();
      if (from.kind() == Source.Kind.DERIVED) {
        double[] c = complements.get(from.path().orElseThrow());
        if (c != null) {
          return c;
        }
      }
      double[] v = lanes(o);
      double[] r = new double[v.length];
      boolean decimal = v.length == 1 && from.kind() != Source.Kind.DERIVED && from.kind() != Source.Kind.CONVENTION
          && Estimate.keepsComplement(o.unit());
      for (int i = 0; i < v.length; i++) {
        r[i] = decimal ? Fractions.miss(v[i]) : 1 - v[i];
      }
      return r;
    }
  }

  /** Inputs from a map of lanes by input key: each input's draws, or none. */
  public static Inputs of(Map<String, double[]> draws) {
    return new Inputs() {
      @Override
      public double[] lanes(String path) {
        return draws.get(path);
      }
    };
  }

  /** Inputs made on first use by {@code make} (null: the input's one value), kept until released. */
  public static Inputs lazy(Function<String, double[]> make) {
    return new Inputs() {
      private final Map<String, double[]> made = new HashMap<>();
      private final Set<String> none = new HashSet<>();

      @Override
      public double[] lanes(String path) {
        if (none.contains(path)) {
          return null;
        }
        double[] v = made.get(path);
        if (v == null) {
          v = make.apply(path);
          if (v == null) {
            none.add(path);
          } else {
            made.put(path, v);
          }
        }
        return v;
      }

      @Override
      public void release(String path) {
        made.remove(path);
      }
    };
  }
}
