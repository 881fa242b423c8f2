package dev.envelope.estimate;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * Arithmetic on lanes: arrays holding one value per Monte Carlo draw, or a single value that
 * stands for every lane. Each operation returns a new array as long as its longest operand.
 */
public final class Lanes {
  private Lanes() {}

  static double[] times(double[] a, double[] b) {
    int n = Math.max(a.length, b.length);
    double[] r = new double[n];
    if (a.length == n && b.length == n) {
      for (int i = 0; i < n; i++) {
        r[i] = a[i] * b[i];
      }
    } else if (a.length == 1) {
      double x = a[0];
      for (int i = 0; i < n; i++) {
        r[i] = x * b[i];
      }
    } else {
      double y = b[0];
      for (int i = 0; i < n; i++) {
        r[i] = a[i] * y;
      }
    }
    return r;
  }

  static double[] times(double[] a, double k) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] * k;
    }
    return r;
  }

  static double[] plus(double[] a, double k) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + k;
    }
    return r;
  }

  /**
   * A running sum plus {@code b}: a null {@code sum} is empty, so the result is a copy of
   * {@code b}; otherwise {@code b} is added into {@code sum} where it is long enough (a running sum
   * is its owner's alone, so it may change in place), sparing an array per term.
   */
  static double[] sum(double[] sum, double[] b) {
    if (sum == null) {
      return b.clone();
    }
    if (sum.length >= b.length) {
      if (b.length == 1) {
        double y = b[0];
        for (int i = 0; i < sum.length; i++) {
          sum[i] += y;
        }
      } else {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += b[i];
        }
      }
      return sum;
    }
    return plus(sum, b);
  }

  /** {@code a + b}, a new array. */
  static double[] plus(double[] a, double[] b) {
    int n = Math.max(a.length, b.length);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = a[a.length == 1 ? 0 : i] + b[b.length == 1 ? 0 : i];
    }
    return r;
  }

  static double[] divide(double[] a, double[] b) {
    int n = Math.max(a.length, b.length);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = a[a.length == 1 ? 0 : i] / b[b.length == 1 ? 0 : i];
    }
    return r;
  }

  /** The larger of each pair; a null {@code a} has nothing to compare, so the result is {@code b}. */
  static double[] max(double[] a, double[] b) {
    if (a == null) {
      return b.clone();
    }
    int n = Math.max(a.length, b.length);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = Math.max(a[a.length == 1 ? 0 : i], b[b.length == 1 ? 0 : i]);
    }
    return r;
  }

  static double[] ceil(double[] a) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = Counts.ceil(a[i]);
    }
    return r;
  }

  /**
   * A figure computed from another by a function that never decreases (a positive scale, a
   * ceiling of a quotient): its order statistics are the function of the other's, to the bit, so
   * its percentiles need no selection of their own.
   */
  record Derived(double[] base, DoubleUnaryOperator f) {}

  /**
   * The figures of one computation, by output path, in the order they were computed. A derived
   * figure's lanes are made only when something reads them: a summary needs only its base's.
   */
  public static final class Figures {
    private final Map<String, double[]> figures = new LinkedHashMap<>();
    private final Map<String, Derived> derived = new HashMap<>();

    void put(String path, double[] lanes) {
      figures.put(path, lanes);
    }

    /** {@code f} of each lane of {@code base} under {@code path}; {@code f} must never decrease. */
    void derive(String path, double[] base, DoubleUnaryOperator f) {
      figures.put(path, null);
      derived.put(path, new Derived(base, f));
    }

    /** {@code base x k} under {@code path}; a positive {@code k} keeps the order of the lanes. */
    void scaled(String path, double[] base, double k) {
      if (k > 0) {
        derive(path, base, x -> x * k);
      } else {
        figures.put(path, times(base, k));
      }
    }

    double[] get(String path) {
      double[] lanes = figures.get(path);
      if (lanes == null && derived.containsKey(path)) {
        Derived d = derived.get(path);
        lanes = new double[d.base().length];
        for (int i = 0; i < lanes.length; i++) {
          lanes[i] = d.f().applyAsDouble(d.base()[i]);
        }
        figures.put(path, lanes);
      }
      return lanes;
    }

    boolean has(String path) {
      return figures.containsKey(path);
    }

    /** The first lane: the value of a one-lane computation. */
    double at(String path) {
      return get(path)[0];
    }

    OptionalDouble optional(String path) {
      return has(path) ? OptionalDouble.of(at(path)) : OptionalDouble.empty();
    }

    /** The paths of every figure, in the order they were computed. */
    public java.util.Set<String> paths() {
      return Collections.unmodifiableSet(figures.keySet());
    }

    /** Whether the figure at {@code path} takes more than one value over the lanes. */
    boolean varies(String path) {
      Derived d = derived.get(path);
      double[] lanes = d != null && figures.get(path) == null ? d.base() : figures.get(path);
      if (lanes.length < 2) {
        return false;
      }
      double first = lanes[0];
      for (double v : lanes) {
        if (v != first) {
          // A derived figure of a varying base varies too, unless its function flattens it (a
          // ceiling of tiny quotients): then look at its own lanes.
          return d == null || figures.get(path) != null || lanesVary(get(path));
        }
      }
      return false;
    }

    private static boolean lanesVary(double[] lanes) {
      for (double v : lanes) {
        if (v != lanes[0]) {
          return true;
        }
      }
      return false;
    }

    Derived derivation(String path) {
      return derived.get(path);
    }
  }
}
