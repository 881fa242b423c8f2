package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Env;
import dev.envelope.estimate.Derivation.Term;
import java.util.List;

/**
 * The operations a formula applies, each once: how it is written, how it binds, and its value on
 * one value per argument and on lanes. Arithmetic comes first; then the functions a user's formula
 * may call; then the calculators of the models, whose arithmetic is a sum, a distribution or a
 * search rather than a line of a whiteboard, each the models' own code (formula and source in its
 * class); then the three that keep a formula right on every lane (a floor, a cap and a choice, each
 * shown at the point only where it matters).
 */
public enum Op {
  PRODUCT("x", -1, Form.INFIX, Precedence.PRODUCT) {
    @Override
    double apply(double[] x) {
      double v = x[0];
      for (int i = 1; i < x.length; i++) {
        v *= x[i];
      }
      return v;
    }
  },
  QUOTIENT("/", 2, Form.INFIX, Precedence.PRODUCT) {
    @Override
    double apply(double[] x) {
      return x[0] / x[1];
    }
  },
  SUM("+", -1, Form.INFIX, Precedence.SUM) {
    @Override
    double apply(double[] x) {
      double v = x[0];
      for (int i = 1; i < x.length; i++) {
        v += x[i];
      }
      return v;
    }
  },
  DIFFERENCE("-", 2, Form.INFIX, Precedence.SUM) {
    @Override
    double apply(double[] x) {
      return x[0] - x[1];
    }
  },
  POWER("^", 2, Form.INFIX, Precedence.POWER) {
    @Override
    double apply(double[] x) {
      return Math.pow(x[0], x[1]);
    }
  },
  /** {@code -a}. */
  NEGATE("-", 1, Form.PREFIX, Precedence.PRODUCT) {
    @Override
    double apply(double[] x) {
      return -x[0];
    }
  },
  /** {@code 1 + a}: a payload with its overhead. */
  ONE_PLUS("1 +", 1, Form.PREFIX, Precedence.SUM) {
    @Override
    double apply(double[] x) {
      return 1 + x[0];
    }
  },
  /** {@code 1 - a}: the share of time an availability target may miss. */
  ONE_MINUS("1 -", 1, Form.PREFIX, Precedence.SUM) {
    @Override
    double apply(double[] x) {
      return 1 - x[0];
    }
  },
  /** {@code -log10(a)}: nines; on lanes, in logarithms all the way ({@link Derivation#log10}). */
  NEG_LOG10("-log10", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return -Math.log10(x[0]);
    }
  },
  /** {@code ceil(a)}, ignoring floating-point noise as counts do ({@link #wholeCeil}). */
  CEIL("ceil", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return wholeCeil(x[0]);
    }
  },
  FLOOR("floor", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.floor(x[0]);
    }
  },
  /** To the nearest whole number, halves away from zero. */
  ROUND("round", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      double a = Math.abs(x[0]);
      double r = Math.floor(a + 0.5);
      return Math.copySign(r, x[0]);
    }
  },
  SQRT("sqrt", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.sqrt(x[0]);
    }
  },
  /** The natural logarithm, as exponential tails use it. */
  LN("ln", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.log(x[0]);
    }
  },
  LOG10("log10", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.log10(x[0]);
    }
  },
  EXP("exp", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.exp(x[0]);
    }
  },
  ABS("abs", 1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.abs(x[0]);
    }
  },
  MAX("max", -1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      double v = Double.NEGATIVE_INFINITY;
      for (double a : x) {
        v = Math.max(v, a);
      }
      return v;
    }
  },
  MIN("min", -1, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      double v = Double.POSITIVE_INFINITY;
      for (double a : x) {
        v = Math.min(v, a);
      }
      return v;
    }
  },
  /**
   * {@code binom_below(k, n, a)}: the chance that fewer than {@code k} of {@code n} replicas are
   * up, each up with probability {@code a}: {@code sum over i < k of C(n, i) a^i (1 - a)^(n - i)},
   * the unavailability of k of n ({@link Redundancy}).
   */
  BINOMIAL_BELOW("binom_below", 3, Form.FUNCTION, Precedence.ATOM, 2) {
    @Override
    double apply(double[] x) {
      int k = (int) x[0];
      int n = (int) x[1];
      if (!(k >= 1 && k <= n && x[2] > 0 && x[2] < 1)) {
        return Double.NaN;
      }
      return Math.exp(Redundancy.logUnavailability(x[2], n, k));
    }
  },
  /** {@code poisson_quantile(L, p)}: the count at percentile p of Poisson(L) ({@link PeakModel}). */
  POISSON_QUANTILE("poisson_quantile", 2, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return x[0] > 0 && x[1] > 0 && x[1] < 1 ? PeakModel.poissonQuantile(x[0], x[1]) : Double.NaN;
    }
  },
  /**
   * {@code erlang_c_servers(a, latency, max_wait)}: the fewest servers at load a whose p99
   * queueing delay is at most max_wait, found by searching up from a ({@link Queueing}).
   */
  ERLANG_C_SERVERS("erlang_c_servers", 3, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Queueing.serversForWait(x[0], x[1], x[2]);
    }
  },
  /** {@code erlang_c(c, a)}: the chance an arrival waits, c servers at load a ({@link Queueing}). */
  ERLANG_C("erlang_c", 2, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return x[0] > x[1] && x[1] >= 0 ? Queueing.erlangC((int) x[0], x[1]) : Double.NaN;
    }
  },
  /**
   * {@code response_p99(c, a, latency)}: the p99 of wait plus service in M/M/c with c servers at load a
   * ({@link Queueing#responseP99}).
   */
  RESPONSE_P99("response_p99", 3, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Queueing.responseP99(x[0], x[1], x[2]);
    }
  },
  /** {@code lognormal_quantile(p50, p99, q)}: percentile q of the lognormal through p50 and p99 ({@link TailLatency}). */
  LOGNORMAL_QUANTILE("lognormal_quantile", 3, Form.FUNCTION, Precedence.ATOM, 2) {
    @Override
    double apply(double[] x) {
      return x[0] > 0 && x[1] > x[0] ? TailLatency.Lognormal.fit(x[0], x[1]).upperQuantile(x[2]) : Double.NaN;
    }
  },
  /** {@code lognormal_over(p50, p99, t)}: P(X > t) for the lognormal through p50 and p99. */
  LOGNORMAL_OVER("lognormal_over", 3, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return x[0] > 0 && x[1] > x[0] ? TailLatency.Lognormal.fit(x[0], x[1]).survival(x[2]) : Double.NaN;
    }
  },
  /**
   * {@code hedged_quantile(p50, p99, after, q)}: percentile q of a call hedged after {@code after}
   * seconds, solved by bisection ({@link TailLatency}).
   */
  HEDGED_QUANTILE("hedged_quantile", 4, Form.FUNCTION, Precedence.ATOM, 3) {
    @Override
    double apply(double[] x) {
      return x[0] > 0 && x[1] > x[0] ? TailLatency.hedgedQuantile(TailLatency.Lognormal.fit(x[0], x[1]), x[2], x[3])
          : Double.NaN;
    }
  },
  /** {@code max(floor, a)}, shown as {@code a} where the floor does not bind at the point. */
  AT_LEAST("max", 2, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.max(x[0], x[1]);
    }
  },
  /** {@code min(cap, a)}, shown as {@code a} where the cap does not bind at the point. */
  AT_MOST("min", 2, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return Math.min(x[0], x[1]);
    }
  },
  /** {@code test > threshold ? a : b}, shown as the branch taken at the point. */
  CHOICE("choice", 4, Form.FUNCTION, Precedence.ATOM) {
    @Override
    double apply(double[] x) {
      return x[0] > x[1] ? x[2] : x[3];
    }
  };

  /** How an operation is written. */
  public enum Form {
    /** {@code a x b}, {@code a / b}. */
    INFIX,
    /** {@code 1 + a}, {@code -a}. */
    PREFIX,
    /** {@code ceil(a)}, {@code max(a, b)}. */
    FUNCTION
  }

  /** How tightly an operation binds: a sum in a product is parenthesised. */
  public enum Precedence {
    SUM,
    PRODUCT,
    POWER,
    ATOM
  }

  private final String symbol;
  private final int arity;
  private final Form form;
  private final Precedence precedence;
  private final int complemented;

  Op(String symbol, int arity, Form form, Precedence precedence) {
    this(symbol, arity, form, precedence, -1);
  }

  /**
   * {@code complemented}: the argument (a share near 1: an availability, a percentile) that the
   * operation uses as {@code 1 - x}; {@link #apply} gets that complement, taken without cancellation
   * where the argument's formula allows ({@link Derivation#complement}).
   */
  Op(String symbol, int arity, Form form, Precedence precedence, int complemented) {
    this.symbol = symbol;
    this.arity = arity;
    this.form = form;
    this.precedence = precedence;
    this.complemented = complemented;
  }

  /** The argument {@link #apply} receives as its complement, or -1. */
  int complemented() {
    return complemented;
  }

  /** How the operation is written: {@code x}, {@code 1 -}, {@code ceil}, {@code erlang_c}. */
  public String symbol() {
    return symbol;
  }

  /** The number of arguments, or -1 for one or more. */
  public int arity() {
    return arity;
  }

  public Form form() {
    return form;
  }

  public Precedence precedence() {
    return precedence;
  }

  /** Relative distance to a whole number below which a quotient counts as that number. */
  private static final double NOISE = 1e-9;

  /** 2^52: a double at least this large is a whole number. */
  private static final double TWO_52 = 0x1p52;

  /**
   * The ceiling of {@code exact}, immune to floating-point noise: 0.1 x 3 / 0.3 is
   * 1.0000000000000002 in binary floating point, and is one, not two. That is the nearest whole
   * number where {@code exact} is within a billionth of it ({@code Math.rint}), else
   * {@code Math.ceil(exact)}; both are worked out here with one rounding (adding 2^52 to a double
   * below 2^52 rounds it to a whole number, ties to even, as {@code StrictMath.rint} does), because
   * the compiler of a short run leaves {@code Math.rint} and {@code Math.ceil} as calls into
   * {@code StrictMath}. The same value to the bit, signed zeros included, and NaN for NaN (WholeCeilTest).
   */
  static double wholeCeil(double exact) {
    if (exact > 0 && exact < TWO_52) {
      // A count's usual case, in a few instructions: no sign to carry, no call
      double nearest = (exact + TWO_52) - TWO_52;
      if (Math.abs(exact - nearest) <= NOISE * (exact > 1 ? exact : 1)) {
        return nearest;
      }
      return nearest < exact ? nearest + 1 : nearest;
    }
    double a = Math.abs(exact);
    if (!(a < TWO_52)) {
      return exact; // whole already, infinite or NaN: its own rint and ceil
    }
    double nearest = Math.copySign((a + TWO_52) - TWO_52, exact);
    if (Math.abs(exact - nearest) <= NOISE * (a > 1 ? a : 1)) {
      return nearest;
    }
    // nearest is within a half of exact: the ceiling is nearest or the next whole number up, and
    // -0.0 where that is zero from below (ceil(-0.7) is -0.0)
    double up = nearest < exact ? nearest + 1 : nearest;
    return up == 0 ? Math.copySign(0.0, exact) : up;
  }

  /** The value on one value per argument. */
  abstract double apply(double[] args);

  /**
   * What applying this to {@code x} (the arguments at the point) costs on one lane, in the work
   * budget's unit, the time of one lane of a plain figure (some 33 ns: 300 million in ten seconds).
   * Arithmetic is 1; the models' calculators cost what they were measured to (benchmark/calibrate.sh
   * prints their times): the hedged call's bisection about 30 to 50 us, an Erlang C search and a
   * Poisson quantile a time that grows with the load (its square root, for the Poisson quantile's
   * steps from the normal guess), k of n with k.
   */
  long cost(double[] x) {
    return switch (this) {
      case HEDGED_QUANTILE -> 2_000;
      case LOGNORMAL_OVER -> 30;
      case LOGNORMAL_QUANTILE -> 10;
      case ERLANG_C_SERVERS -> 20 + (long) (0.27 * recurrence(x[0]) + 0.1 * Math.sqrt(Math.max(0, x[0])))
          + (x[0] > Queueing.RECURRENCE_UP_TO ? 300 : 0);
      case ERLANG_C -> 20 + (long) (0.27 * recurrence(x[0])) + (x[0] > Queueing.RECURRENCE_UP_TO ? 300 : 0);
      case RESPONSE_P99 -> 60 + (long) (0.27 * recurrence(x[0])) + (x[0] > Queueing.RECURRENCE_UP_TO ? 300 : 0);
      case POISSON_QUANTILE -> x[0] > PeakModel.NORMAL_ABOVE ? 90 : 30 + (long) (0.5 * Math.sqrt(Math.max(0, x[0])));
      case BINOMIAL_BELOW -> 4 + 2 * (long) Math.min(Math.max(0, x[0]), 1e9);
      default -> 1;
    };
  }

  /**
   * The steps of the Erlang B recurrence at a load or server count of {@code a}: {@code a} up to
   * 10,000, above which Erlang B comes from the Poisson distribution instead (0 steps); 0 if not a number.
   */
  private static double recurrence(double a) {
    return a >= 0 && a <= Queueing.RECURRENCE_UP_TO ? a : 0;
  }

  /** The value on lanes: each argument one value or one per lane; the result as long as the longest. */
  double[] lanes(List<Term> args, Env env) {
    if (this == ONE_MINUS) {
      return Derivation.complement(args.get(0), env);
    }
    if (this == NEG_LOG10) {
      // into an array of its own: the logarithm may be a figure's kept log10(1 - x), not this one's to change
      double[] l = Derivation.log10(args.get(0), env);
      double[] r = l.length == 1 ? new double[1] : env.fresh(l.length);
      for (int i = 0; i < l.length; i++) {
        r[i] = -l[i];
      }
      return r;
    }
    double[][] a = new double[args.size()][];
    int n = 1;
    for (int i = 0; i < a.length; i++) {
      a[i] = i == complemented ? Derivation.complement(args.get(i), env) : args.get(i).lanes(env);
      n = Math.max(n, a[i].length);
    }
    if (n == 1) {
      double[] x = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        x[i] = a[i][0];
      }
      return new double[] {apply(x)};
    }
    double[] result = onLanes(a, n, env);
    // The arguments' own results (a nested operation's) are done with once this one has its own.
    for (int i = 0; i < a.length; i++) {
      if (a[i] != result && a[i].length == n && (args.get(i) instanceof Derivation.Apply || i == complemented)) {
        env.done(a[i]);
      }
    }
    return result;
  }

  private double[] onLanes(double[][] a, int n, Env env) {
    switch (this) {
      case PRODUCT, SUM -> {
        // The first operation makes the running result; the next ones work on it in place.
        double[] acc = a[0];
        for (int i = 1; i < a.length; i++) {
          acc = binary(this == PRODUCT ? TIMES : PLUS, acc, a[i], n, env, i > 1 && acc.length == n ? acc : null);
        }
        return acc.length == n ? acc : broadcast(acc, n, env);
      }
      case QUOTIENT -> {
        return binary(DIVIDE, a[0], a[1], n, env, null);
      }
      case DIFFERENCE -> {
        return binary(MINUS, a[0], a[1], n, env, null);
      }
      case CEIL -> {
        // the counts of every capacity figure: a loop of its own rather than apply() lane by lane
        double[] out = env.fresh(n);
        wholeCeils(a[0], out, n);
        return out;
      }
      case MAX, MIN -> {
        // apply's fold, max(-inf, x) being x to the bit: the first argument, then each next one in turn
        double[] out = env.fresh(n);
        if (a[0].length == n) {
          System.arraycopy(a[0], 0, out, 0, n);
        } else {
          java.util.Arrays.fill(out, a[0][0]);
        }
        for (int i = 1; i < a.length; i++) {
          if (a[i].length == n) {
            extremes(this == MAX, out, a[i], n);
          } else {
            extremes(this == MAX, out, a[i][0], n);
          }
        }
        return out;
      }
      default -> {
        double[] out = env.fresh(n);
        perLane(a, out, n);
        return out;
      }
    }
  }

  /**
   * {@code acc = max(acc, b)} (or min) lane by lane: where the two are ordered, the larger (or
   * smaller) is taken here; else (equal, or a NaN) {@code Math.max} (or {@code min}) decides, so
   * that the bits are its own (NaN, and +0.0 over -0.0). C1 compiles {@code Math.max} of doubles
   * as a call.
   */
  static void extremes(boolean max, double[] acc, double[] b, int n) {
    if (max) {
      for (int i = 0; i < n; i++) {
        double x = acc[i];
        double y = b[i];
        acc[i] = x > y ? x : y > x ? y : Math.max(x, y);
      }
    } else {
      for (int i = 0; i < n; i++) {
        double x = acc[i];
        double y = b[i];
        acc[i] = x < y ? x : y < x ? y : Math.min(x, y);
      }
    }
  }

  /** {@link #extremes} with one value for every lane. */
  static void extremes(boolean max, double[] acc, double y, int n) {
    if (max) {
      for (int i = 0; i < n; i++) {
        double x = acc[i];
        acc[i] = x > y ? x : y > x ? y : Math.max(x, y);
      }
    } else {
      for (int i = 0; i < n; i++) {
        double x = acc[i];
        acc[i] = x < y ? x : y < x ? y : Math.min(x, y);
      }
    }
  }

  /** {@link #apply} lane by lane (a loop of its own, as {@link #wholeCeils} is). */
  private void perLane(double[][] a, double[] out, int n) {
    double[] x = new double[a.length];
    for (int lane = 0; lane < n; lane++) {
      for (int i = 0; i < a.length; i++) {
        x[i] = a[i].length == 1 ? a[i][0] : a[i][lane];
      }
      out[lane] = apply(x);
    }
  }

  /**
   * {@link #wholeCeil} lane by lane, its usual case written out in the loop: C1 does not inline a
   * method of its size, and the call cost more than the case (WholeCeilTest holds the two to the
   * same bits).
   */
  static void wholeCeils(double[] v, double[] out, int n) {
    for (int lane = 0; lane < n; lane++) {
      double exact = v[lane];
      if (exact > 0 && exact < TWO_52) {
        double nearest = (exact + TWO_52) - TWO_52;
        out[lane] = Math.abs(exact - nearest) <= NOISE * (exact > 1 ? exact : 1) || !(nearest < exact)
            ? nearest : nearest + 1;
      } else {
        out[lane] = wholeCeil(exact);
      }
    }
  }

  private static final int TIMES = 0;
  private static final int PLUS = 1;
  private static final int DIVIDE = 2;
  private static final int MINUS = 3;

  /**
   * {@code a op b} lane by lane, either side one value or {@code n}: one loop per operation and
   * shape, so that the loop a short run compiles first does one thing. Written into {@code into}
   * when given (an earlier result of the same operation, worked on in place), else a fresh array.
   */
  private static double[] binary(int op, double[] a, double[] b, int n, Env env, double[] into) {
    if (a.length == 1 && b.length == 1) {
      double[] r = {0};
      r[0] = switch (op) {
        case TIMES -> a[0] * b[0];
        case PLUS -> a[0] + b[0];
        case DIVIDE -> a[0] / b[0];
        default -> a[0] - b[0];
      };
      return r;
    }
    int len = Math.max(a.length, b.length);
    double[] r = into != null && into.length == len ? into : env.fresh(len);
    if (a.length == len && b.length == len) {
      switch (op) {
        case TIMES -> times(a, b, r, len);
        case PLUS -> plus(a, b, r, len);
        case DIVIDE -> divide(a, b, r, len);
        default -> minus(a, b, r, len);
      }
    } else if (a.length == 1) {
      switch (op) {
        case TIMES -> times(a[0], b, r, len);
        case PLUS -> plus(a[0], b, r, len);
        case DIVIDE -> divide(a[0], b, r, len);
        default -> minus(a[0], b, r, len);
      }
    } else {
      switch (op) {
        case TIMES -> times(a, b[0], r, len);
        case PLUS -> plus(a, b[0], r, len);
        case DIVIDE -> divide(a, b[0], r, len);
        default -> minus(a, b[0], r, len);
      }
    }
    return r;
  }

  // The loops of binary, a method each (the evaluator's running sums and converted inputs use
  // them too): a short run compiles a loop when it has turned often enough, and compiles the whole
  // method it is in; a few bytes are compiled in a fraction of the time. Each works on four lanes a
  // turn: C1, the launcher's only compiler, neither unrolls a loop nor works on several lanes at
  // once, and a turn's counting and test cost more than its one operation (benchmark/loops.sh:
  // 0.71 against 0.53 ns a lane for a x b, 0.65 against 0.40 for a x y). Each lane is still worked
  // out alone, by the same operation, so the bits are those of one lane a turn.

  static void times(double[] a, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] * b[i];
      r[i + 1] = a[i + 1] * b[i + 1];
      r[i + 2] = a[i + 2] * b[i + 2];
      r[i + 3] = a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = a[i] * b[i];
    }
  }

  static void plus(double[] a, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] + b[i];
      r[i + 1] = a[i + 1] + b[i + 1];
      r[i + 2] = a[i + 2] + b[i + 2];
      r[i + 3] = a[i + 3] + b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = a[i] + b[i];
    }
  }

  static void divide(double[] a, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] / b[i];
      r[i + 1] = a[i + 1] / b[i + 1];
      r[i + 2] = a[i + 2] / b[i + 2];
      r[i + 3] = a[i + 3] / b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = a[i] / b[i];
    }
  }

  static void minus(double[] a, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] - b[i];
      r[i + 1] = a[i + 1] - b[i + 1];
      r[i + 2] = a[i + 2] - b[i + 2];
      r[i + 3] = a[i + 3] - b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = a[i] - b[i];
    }
  }

  static void times(double x, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = x * b[i];
      r[i + 1] = x * b[i + 1];
      r[i + 2] = x * b[i + 2];
      r[i + 3] = x * b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = x * b[i];
    }
  }

  static void plus(double x, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = x + b[i];
      r[i + 1] = x + b[i + 1];
      r[i + 2] = x + b[i + 2];
      r[i + 3] = x + b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = x + b[i];
    }
  }

  static void divide(double x, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = x / b[i];
      r[i + 1] = x / b[i + 1];
      r[i + 2] = x / b[i + 2];
      r[i + 3] = x / b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = x / b[i];
    }
  }

  static void minus(double x, double[] b, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = x - b[i];
      r[i + 1] = x - b[i + 1];
      r[i + 2] = x - b[i + 2];
      r[i + 3] = x - b[i + 3];
    }
    for (; i < n; i++) {
      r[i] = x - b[i];
    }
  }

  static void times(double[] a, double y, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] * y;
      r[i + 1] = a[i + 1] * y;
      r[i + 2] = a[i + 2] * y;
      r[i + 3] = a[i + 3] * y;
    }
    for (; i < n; i++) {
      r[i] = a[i] * y;
    }
  }

  static void plus(double[] a, double y, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] + y;
      r[i + 1] = a[i + 1] + y;
      r[i + 2] = a[i + 2] + y;
      r[i + 3] = a[i + 3] + y;
    }
    for (; i < n; i++) {
      r[i] = a[i] + y;
    }
  }

  static void divide(double[] a, double y, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] / y;
      r[i + 1] = a[i + 1] / y;
      r[i + 2] = a[i + 2] / y;
      r[i + 3] = a[i + 3] / y;
    }
    for (; i < n; i++) {
      r[i] = a[i] / y;
    }
  }

  static void minus(double[] a, double y, double[] r, int n) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      r[i] = a[i] - y;
      r[i + 1] = a[i + 1] - y;
      r[i + 2] = a[i + 2] - y;
      r[i + 3] = a[i + 3] - y;
    }
    for (; i < n; i++) {
      r[i] = a[i] - y;
    }
  }

  private static double[] broadcast(double[] one, int n, Env env) {
    double[] r = env.fresh(n);
    java.util.Arrays.fill(r, one[0]);
    return r;
  }
}
