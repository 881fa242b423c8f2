package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Env;
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
    // The last step to use each figure and each input, so that their lanes can go after it.
    Map<String, Integer> lastFigureUse = new HashMap<>();
    Map<String, Integer> lastInputUse = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      for (Operand o : steps.get(i).operands()) {
        String path = o.from().path().orElse(null);
        if (path == null || o.from().kind() == Source.Kind.CONVENTION) {
          continue;
        }
        (o.from().kind() == Source.Kind.DERIVED ? lastFigureUse : lastInputUse).put(
            o.from().kind() == Source.Kind.DERIVED ? path : inputKey(path), i);
      }
    }
    Run run = new Run(inputs, time, lanes);
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      double[] values = step.term().lanes(run);
      run.figures.put(step.path(), values);
      if (Estimate.keepsComplement(step.unit())) {
        run.complements.put(step.path(), Derivation.complement(step.term(), run));
      }
      sink.figure(step, values);
      Integer last = lastFigureUse.get(step.path());
      if (last == null) {
        run.drop(step.path());
      }
      for (Operand o : step.operands()) {
        String path = o.from().path().orElse(null);
        if (path == null || o.from().kind() == Source.Kind.CONVENTION) {
          continue;
        }
        if (o.from().kind() == Source.Kind.DERIVED) {
          if (lastFigureUse.get(path) == i) {
            run.drop(path);
          }
        } else {
          String key = inputKey(path);
          if (lastInputUse.get(key) == i) {
            run.converted.keySet().removeIf(k -> k.startsWith(key + "|"));
            inputs.release(key);
          }
        }
      }
    }
  }

  /** The steps {@code paths} need: theirs and those they use, in the order of {@code steps}. */
  public static List<Step> cone(List<Step> steps, Collection<String> paths) {
    Map<String, Step> byPath = new HashMap<>();
    steps.forEach(s -> byPath.put(s.path(), s));
    Set<String> wanted = new HashSet<>();
    List<String> queue = new ArrayList<>(paths);
    while (!queue.isEmpty()) {
      String p = queue.remove(queue.size() - 1);
      Step s = byPath.get(p);
      if (s != null && wanted.add(p)) {
        queue.addAll(s.uses());
      }
    }
    return steps.stream().filter(s -> wanted.contains(s.path())).toList();
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
    /** Inputs in the unit an operand names them in (2 /day is a rate per second x 86,400). */
    final Map<String, double[]> converted = new HashMap<>();

    Run(Inputs inputs, TimeBase time, int lanes) {
      this.inputs = inputs;
      this.time = time;
      this.lanes = lanes;
    }

    void drop(String path) {
      figures.remove(path);
      complements.remove(path);
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
      double scale = scale(o.unit());
      if (scale == 1) {
        return base;
      }
      return converted.computeIfAbsent(key + "|" + o.unit(), k -> {
        double[] v = new double[base.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = base[i] * scale;
        }
        return v;
      });
    }

    /** The factor from an input's base unit to the unit its operand is written in. */
    private double scale(Unit unit) {
      return switch (unit.dimension()) {
        case PER_PERIOD -> time.seconds(unit.period().orElseThrow());
        case PERIODS -> 1 / time.seconds(unit.period().orElseThrow());
        default -> 1;
      };
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
    return draws::get;
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
